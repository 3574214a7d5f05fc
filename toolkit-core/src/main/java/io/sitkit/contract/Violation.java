package io.sitkit.contract;

import java.util.Objects;

/**
 * One message that broke one contract: the contract, where the message sits, what was wrong, and
 * the consumer it breaks when the check was a consumer's ("" for the channel's own rules).
 *
 * <p>Thread-safety: immutable.
 */
public record Violation(String contract, String position, String consumer, String detail) {
    public Violation {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return contract + " @ " + position + ": " + detail;
    }
}
