package io.sitkit.fault;

import io.sitkit.core.OutgoingMessage;

import java.time.Duration;
import java.util.Objects;

/**
 * One message to send, and how long to hold it first. A fault turns one message into zero
 * (dropped), one or several emissions.
 *
 * <p>Thread-safety: immutable.
 */
public record Emission(OutgoingMessage message, Duration delay) {
    public Emission {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("emission delay must not be negative, was " + delay);
        }
    }
}
