package io.sitkit.contract;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A header (Kafka) or property (JMS) a message on the channel must carry, optionally with a
 * pattern its value must match in full.
 *
 * <p>Thread-safety: immutable.
 */
public record RequiredHeader(String name, Optional<Pattern> pattern) {
    public RequiredHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        if (name.isBlank()) {
            throw new IllegalArgumentException("required header name is blank");
        }
    }

    public static RequiredHeader present(String name) {
        return new RequiredHeader(name, Optional.empty());
    }

    public static RequiredHeader matching(String name, String regex) {
        return new RequiredHeader(name, Optional.of(Pattern.compile(regex)));
    }
}
