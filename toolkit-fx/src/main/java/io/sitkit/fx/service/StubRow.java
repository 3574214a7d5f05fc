package io.sitkit.fx.service;

import java.util.Objects;

/**
 * One line of the stubs panel: a stub or relay of a loaded stub file, where it listens, whether it
 * runs and how many requests (or messages, for a relay) it has handled.
 *
 * <pre>{@code
 * StubRow gateway = loaded.rows().get(0);   // payment-gateway on jms:queue:payment.requests, running, 3 requests
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param file    the stub file, as it was loaded
 * @param kind    {@link Kind#STUB} or {@link Kind#INTERCEPTOR}
 * @param name    the name in the file
 * @param address where it listens: {@code jms:queue:payment.requests}, or {@code kafka:a → kafka:b} for a relay
 * @param running whether it runs now
 * @param handled requests a stub received, messages a relay took, since the file was last started; 0 when stopped
 */
public record StubRow(String file, Kind kind, String name, String address, boolean running, long handled) {
    /** Stub or relay. */
    public enum Kind {
        STUB("stub"), INTERCEPTOR("interceptor");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public StubRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        if (handled < 0) {
            throw new IllegalArgumentException("handled count of " + name + " is negative: " + handled);
        }
    }

    /** "running" or "stopped". */
    public String state() {
        return running ? "running" : "stopped";
    }
}
