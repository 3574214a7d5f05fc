package io.sitkit.core;

/**
 * What the broker attached to a message that only makes sense on its transport.
 *
 * <p>Thread-safety: implementations are immutable values.
 */
public sealed interface TransportMetadata permits KafkaMetadata, JmsMetadata {
}
