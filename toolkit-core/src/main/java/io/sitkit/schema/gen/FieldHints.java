package io.sitkit.schema.gen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Realistic values for fields whose names say what they hold: {@code email}, {@code currency},
 * {@code country}, {@code name}, {@code orderId}, {@code createdAt}, {@code sku}, {@code qty},
 * {@code amount}… Each is a cheap guess from the name alone; the caller still checks it against
 * the schema's constraints.
 *
 * <p>Thread-safety: stateless; the random source is the caller's.
 */
final class FieldHints {
    static final List<String> FIRST_NAMES = List.of("Ann", "Ben", "Chloé", "David", "Emma", "Farid", "Greta", "Hiro", "Ines", "Jonas");
    static final List<String> LAST_NAMES = List.of("Smith", "Müller", "Dubois", "Jansen", "Rossi", "Novak", "Silva", "Berg", "Kowalski", "Okafor");
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "SEK");
    static final List<String> COUNTRIES = List.of("DE", "FR", "NL", "GB", "US", "SE", "CH");
    static final List<String> CITIES = List.of("Berlin", "Paris", "Amsterdam", "London", "Stockholm", "Zurich", "Lyon");
    static final List<String> STREETS = List.of("Main Street", "Station Road", "Harbour Lane", "Market Square", "Park Avenue");
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "nl", "sv");
    static final List<String> NOTES = List.of("Leave at the front door", "Gift wrap please", "Call on arrival", "Fragile");
    /** Timestamps fall in 2024–2026, birth dates in 1940–2005. */
    static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    static final long SPAN_SECONDS = ChronoUnit.SECONDS.between(FROM, Instant.parse("2027-01-01T00:00:00Z"));

    private FieldHints() {
    }

    /** A realistic string for a field of this name, or empty when the name says nothing. */
    static Optional<String> text(String field, SplittableRandom random) {
        String n = normalized(field);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (word(field, "email") || word(field, "mail")) {
            return Optional.of(email(random));
        }
        if (word(field, "currency") || n.equals("currencycode")) {
            return Optional.of(pick(CURRENCIES, random));
        }
        if (word(field, "country") || n.equals("countrycode")) {
            return Optional.of(pick(COUNTRIES, random));
        }
        if (n.equals("firstname") || n.equals("givenname") || n.equals("given")) {
            return Optional.of(pick(FIRST_NAMES, random));
        }
        if (n.equals("lastname") || n.equals("familyname") || n.equals("family") || n.equals("surname")) {
            return Optional.of(pick(LAST_NAMES, random));
        }
        if (word(field, "name") || n.equals("fullname")) {
            return Optional.of(pick(FIRST_NAMES, random) + " " + pick(LAST_NAMES, random));
        }
        if (n.equals("city") || n.equals("town")) {
            return Optional.of(pick(CITIES, random));
        }
        if (n.equals("street") || n.equals("addressline") || n.equals("line1")) {
            return Optional.of(pick(STREETS, random) + " " + (1 + random.nextInt(120)));
        }
        if (n.equals("postalcode") || n.equals("zip") || n.equals("zipcode") || n.equals("postcode")) {
            return Optional.of(String.format(Locale.ROOT, "%05d", 10000 + random.nextInt(89999)));
        }
        if (word(field, "phone") || n.endsWith("phonenumber") || n.equals("mobile")) {
            return Optional.of("+49151" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)));
        }
        if (word(field, "language") || n.equals("locale")) {
            return Optional.of(pick(LANGUAGES, random));
        }
        if (n.equals("sku")) {
            return Optional.of(String.format(Locale.ROOT, "SKU-%06d", random.nextInt(1_000_000)));
        }
        if (n.equals("note") || n.equals("notes") || n.equals("comment") || n.equals("description")) {
            return Optional.of(pick(NOTES, random));
        }
        if (isMoment(field)) {
            return Optional.of(instant(random).toString());
        }
        if (word(field, "date") || n.equals("dob")) {
            return Optional.of(date(n, random).toString());
        }
        if (n.equals("id") || n.equals("uuid") || n.equals("guid")) {
            return Optional.of(uuid(random).toString());
        }
        if (word(field, "id")) {
            String prefix = n.substring(0, Math.min(3, n.length() - 2)).toUpperCase(Locale.ROOT);
            return Optional.of(String.format(Locale.ROOT, "%s-%06d", prefix, random.nextInt(1_000_000)));
        }
        return Optional.empty();
    }

    /** A realistic [low, high] range for a number field of this name, or null when the name says nothing. */
    static double[] range(String field) {
        String n = normalized(field);
        if (n.equals("qty") || n.equals("quantity") || word(field, "count") || n.equals("attempt") || n.equals("attempts")) {
            return new double[] {1, 5};
        }
        if (word(field, "amount") || word(field, "total") || word(field, "price") || word(field, "fee") || n.equals("balance")) {
            return new double[] {1, 500};
        }
        if (n.equals("age")) {
            return new double[] {18, 90};
        }
        if (word(field, "score") || word(field, "percent") || word(field, "percentage")) {
            return new double[] {0, 100};
        }
        if (word(field, "kg") || word(field, "weight")) {
            return new double[] {40, 120};
        }
        return null;
    }

    /** Whether a long/int field of this name holds a moment (epoch millis) though it has no logical type. */
    static boolean isMoment(String field) {
        return word(field, "at") && field.length() > 2 || word(field, "timestamp") || word(field, "time");
    }

    static String email(SplittableRandom random) {
        String first = pick(FIRST_NAMES, random).toLowerCase(Locale.ROOT).replace('é', 'e');
        String last = pick(LAST_NAMES, random).toLowerCase(Locale.ROOT).replace('ü', 'u');
        return first + "." + last + (random.nextInt(90) + 10) + "@example.com";
    }

    /** A moment in 2024–2026, to the second. */
    static Instant instant(SplittableRandom random) {
        return FROM.plusSeconds(random.nextLong(SPAN_SECONDS));
    }

    /** A date: a birth date (1940–2005) for names like {@code birthDate}, else one in 2024–2026. */
    static LocalDate date(String field, SplittableRandom random) {
        String n = normalized(field);
        if (n.contains("birth") || n.equals("dob")) {
            return LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
        }
        return LocalDate.ofInstant(instant(random), ZoneOffset.UTC);
    }

    static UUID uuid(SplittableRandom random) {
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x4000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    /**
     * Whether the name is the word or ends with it as a word: {@code id}, {@code orderId},
     * {@code order_id}, {@code order-id}, {@code ORDER_ID} (not {@code paid}).
     */
    static boolean word(String field, String word) {
        if (field == null || field.length() < word.length()) {
            return false;
        }
        if (field.length() == word.length()) {
            return field.equalsIgnoreCase(word);
        }
        String tail = field.substring(field.length() - word.length());
        char before = field.charAt(field.length() - word.length() - 1);
        boolean camel = Character.isUpperCase(tail.charAt(0)) && tail.substring(1).equals(word.substring(1))
                && tail.equalsIgnoreCase(word) && !Character.isUpperCase(before);
        boolean upperCamel = tail.equals(word.toUpperCase(Locale.ROOT)) && Character.isLowerCase(before);
        boolean separated = tail.equalsIgnoreCase(word) && (before == '_' || before == '-' || before == '.');
        return camel || upperCamel || separated;
    }

    private static String normalized(String field) {
        return field == null ? "" : field.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
