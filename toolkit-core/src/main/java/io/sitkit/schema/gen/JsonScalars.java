package io.sitkit.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Strings and numbers for a JSON Schema: formats ({@code date-time}, {@code date}, {@code email},
 * {@code uuid}…), patterns, lengths, bounds and {@code multipleOf}; realistic by field name where
 * that fits the constraints.
 *
 * <p>Thread-safety: stateless; the random source is the caller's.
 */
final class JsonScalars {
    /** Tried in turn when a pattern is beyond the regex sampler. */
    private static final List<String> FALLBACKS = List.of("sample", "ABC123", "abc", "123", "A1", "a-1");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private JsonScalars() {
    }

    static String string(JsonNode schema, String field, SplittableRandom random) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.has("maxLength") ? schema.get("maxLength").asInt() : Integer.MAX_VALUE;
        Optional<String> formatted = format(schema.path("format").asText(""), field, random);
        if (formatted.isPresent()) {
            return formatted.get();
        }
        if (schema.path("pattern").isTextual()) {
            return patterned(schema.get("pattern").asText(), field, min, max, random);
        }
        Optional<String> hint = FieldHints.text(field, random).filter(s -> fits(s, min, max));
        String text = hint.orElseGet(() -> "sample-" + (field == null ? "value" : field));
        StringBuilder sb = new StringBuilder(text);
        while (sb.codePointCount(0, sb.length()) < min) {
            sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return sb.codePointCount(0, sb.length()) > max ? sb.substring(0, sb.offsetByCodePoints(0, max)) : sb.toString();
    }

    private static String patterned(String pattern, String field, int min, int max, SplittableRandom random) {
        Pattern compiled = Pattern.compile(pattern);
        Optional<String> hint = FieldHints.text(field, random);
        if (hint.isPresent() && compiled.matcher(hint.get()).find() && fits(hint.get(), min, max)) {
            return hint.get();   // a realistic value the pattern allows: "EUR" rather than "QUK"
        }
        String last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<String> sampled = RegexSampler.sample(pattern, random);
            if (sampled.isEmpty()) {
                break;
            }
            last = sampled.get();
            if (fits(last, min, max)) {
                return last;
            }
        }
        if (last != null) {
            return last;
        }
        return FALLBACKS.stream().filter(s -> compiled.matcher(s).find() && fits(s, min, max)).findFirst().orElse("sample");
    }

    private static Optional<String> format(String format, String field, SplittableRandom random) {
        int n = 1 + random.nextInt(999);
        switch (format) {
            case "date-time":
                return Optional.of(FieldHints.instant(random).toString());
            case "date":
                return Optional.of(FieldHints.date(field, random).toString());
            case "time":
                return Optional.of(LocalTime.ofSecondOfDay(random.nextInt(86_400)) + (random.nextBoolean() ? "Z" : "+01:00"));
            case "email", "idn-email":
                return Optional.of(FieldHints.email(random));
            case "uuid":
                return Optional.of(FieldHints.uuid(random).toString());
            case "uri", "iri", "uri-reference", "iri-reference":
                return Optional.of("https://example.com/" + (field == null ? "resource" : field) + "/" + n);
            case "hostname", "idn-hostname":
                return Optional.of("host-" + n + ".example.com");
            case "ipv4":
                return Optional.of("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
            case "ipv6":
                return Optional.of("2001:db8::" + Integer.toHexString(n));
            case "duration":
                return Optional.of("PT" + n + "M");
            case "json-pointer":
                return Optional.of("/" + (field == null ? "value" : field));
            case "regex":
                return Optional.of("^[a-z]+$");
            default:
                return Optional.empty();
        }
    }

    /** An integer or a number with two decimals within the bounds, money-like or count-like by name. */
    static BigDecimal number(JsonNode schema, String field, boolean integer, SplittableRandom random) {
        BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.01");
        BigDecimal lo = bound(schema, "minimum", "exclusiveMinimum", step, true);
        BigDecimal hi = bound(schema, "maximum", "exclusiveMaximum", step, false);
        double[] hint = FieldHints.range(field);
        BigDecimal from = BigDecimal.valueOf(hint == null ? 1 : hint[0]);
        BigDecimal to = BigDecimal.valueOf(hint == null ? 1000 : hint[1]);
        if (lo != null && (lo.compareTo(to) > 0 || hi != null && hi.compareTo(from) < 0)) {
            from = lo;
            to = hi != null ? hi : lo.add(BigDecimal.valueOf(1000));
        } else if (hi != null && hi.compareTo(from) < 0) {
            to = hi;
            from = hi.subtract(BigDecimal.valueOf(1000));
        } else {
            from = lo == null ? from : from.max(lo);
            to = hi == null ? to : to.min(hi);
        }
        if (schema.path("multipleOf").isNumber() && schema.get("multipleOf").decimalValue().signum() > 0) {
            BigDecimal m = schema.get("multipleOf").decimalValue();
            BigDecimal first = from.divide(m, 0, RoundingMode.CEILING);
            BigDecimal last = to.divide(m, 0, RoundingMode.FLOOR);
            long span = Math.max(0, last.subtract(first).longValue());
            return first.add(BigDecimal.valueOf(random.nextLong(span + 1))).multiply(m).stripTrailingZeros();
        }
        BigDecimal value = from.add(to.subtract(from).multiply(BigDecimal.valueOf(random.nextDouble())));
        value = value.setScale(integer ? 0 : 2, RoundingMode.DOWN);
        if (value.compareTo(from) < 0) {
            value = from.setScale(integer ? 0 : 2, RoundingMode.CEILING);
        }
        if (value.compareTo(to) > 0) {
            value = from;
        }
        return integer ? value.setScale(0, RoundingMode.CEILING) : value;
    }

    /** The inclusive bound implied by {@code minimum}/{@code exclusiveMinimum} (or the maximum pair). */
    private static BigDecimal bound(JsonNode schema, String inclusive, String exclusive, BigDecimal step, boolean lower) {
        BigDecimal out = schema.path(inclusive).isNumber() ? schema.get(inclusive).decimalValue() : null;
        if (schema.path(exclusive).isNumber()) {
            BigDecimal ex = schema.get(exclusive).decimalValue();
            BigDecimal inside = lower ? ex.add(step) : ex.subtract(step);
            out = out == null ? inside : lower ? out.max(inside) : out.min(inside);
        }
        if (out != null && step.scale() == 0) {
            out = out.setScale(0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
        }
        return out;
    }

    private static boolean fits(String s, int min, int max) {
        int length = s.codePointCount(0, s.length());
        return length >= min && length <= max;
    }
}
