package io.sitkit.contract;

import java.util.Objects;

/**
 * One way a producer's schema or message breaks one consumer: who breaks, at which field, and a
 * sentence saying why ("producer v2 renamed `total` → `amount`; consumer `billing` reads
 * `$.total` — breaks billing").
 *
 * <p>Thread-safety: immutable.
 *
 * @param consumer the consumer that breaks
 * @param path     the field at fault
 * @param message  the sentence
 */
public record Breakage(String consumer, String path, String message) {
    public Breakage {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}
