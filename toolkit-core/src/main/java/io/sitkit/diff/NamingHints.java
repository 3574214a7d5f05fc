package io.sitkit.diff;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the field a message most likely meant when an expected one is missing: the same name in
 * another naming style ({@code total_amount} / {@code totalAmount}), else a one-letter typo.
 *
 * <p>Thread-safety: stateless.
 */
final class NamingHints {
    /** Typo suggestions only for names at least this long, so {@code id} never suggests {@code ip}. */
    private static final int TYPO_MIN_LENGTH = 3;

    private NamingHints() {
    }

    /** Lower case, without {@code _} and {@code -}: {@code total_amount}, {@code TotalAmount} → {@code totalamount}. */
    static String normalize(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** The first of {@code candidates} (other than {@code name} itself) that normalizes like {@code name}. */
    static Optional<String> sameNormalized(String name, Collection<String> candidates, Predicate<String> usable) {
        String key = normalize(name);
        return candidates.stream()
                .filter(c -> !c.equals(name) && usable.test(c) && normalize(c).equals(key))
                .findFirst();
    }

    /** The first of {@code candidates} within one edit (insert, delete, replace, swap) of {@code name}, normalized. */
    static Optional<String> nearTypo(String name, Collection<String> candidates, Predicate<String> usable) {
        String key = normalize(name);
        return candidates.stream()
                .filter(c -> !c.equals(name) && usable.test(c))
                .filter(c -> {
                    String other = normalize(c);
                    return Math.min(key.length(), other.length()) >= TYPO_MIN_LENGTH && withinOneEdit(key, other);
                })
                .findFirst();
    }

    /** The sentence {@link JsonDiff#namingHint} returns. */
    static Optional<String> sentence(String expectedName, Collection<String> actualNames) {
        if (actualNames.contains(expectedName)) {
            return Optional.empty();
        }
        Optional<String> renamed = sameNormalized(expectedName, actualNames, c -> true);
        if (renamed.isPresent()) {
            return Optional.of("field `" + expectedName + "` missing; the message has `" + renamed.get() + "` ("
                    + styleContrast(expectedName, renamed.get()) + ")");
        }
        return nearTypo(expectedName, actualNames, c -> true)
                .map(typo -> "field `" + expectedName + "` missing; did you mean `" + typo + "`?");
    }

    /** {@code snake_case vs camelCase}; {@code different case} or {@code different separators} when the styles do not tell. */
    static String styleContrast(String expected, String actual) {
        Optional<String> from = style(expected);
        Optional<String> to = style(actual);
        if (from.isPresent() && to.isPresent() && !from.equals(to)) {
            return from.get() + " vs " + to.get();
        }
        return expected.equalsIgnoreCase(actual) ? "different case" : "different separators";
    }

    /** The naming style of a multi-word name; empty for single words, all capitals and mixed separators. */
    static Optional<String> style(String name) {
        boolean underscore = name.indexOf('_') >= 0;
        boolean dash = name.indexOf('-') >= 0;
        if (underscore != dash) {
            return Optional.of(underscore ? "snake_case" : "kebab-case");
        }
        if (underscore || name.isEmpty()) {
            return Optional.empty();
        }
        boolean innerCapital = name.chars().skip(1).anyMatch(Character::isUpperCase);
        boolean anyLower = name.chars().anyMatch(Character::isLowerCase);
        if (!innerCapital || !anyLower) {
            return Optional.empty();
        }
        return Optional.of(Character.isUpperCase(name.charAt(0)) ? "PascalCase" : "camelCase");
    }

    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
            return false;
        }
        if (a.length() == b.length()) {
            int first = -1;
            int mismatches = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    first = mismatches++ == 0 ? i : first;
                }
            }
            return mismatches == 1 || (mismatches == 2 && first + 1 < a.length()
                    && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }
}
