package io.sitkit.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one consumer of a channel relies on: the fields it reads, and optionally the schema it
 * validates incoming messages with (a consumer whose schema forbids unknown fields breaks when a
 * producer adds one).
 *
 * <p>Thread-safety: immutable.
 *
 * @param consumer the consumer's name, e.g. "billing"
 * @param reads    the fields it reads
 * @param schema   the schema it parses messages with, if it declares one
 */
public record ConsumerExpectation(String consumer, List<FieldRead> reads, Optional<ContractSchema> schema) {
    public ConsumerExpectation {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(schema, "schema");
        reads = List.copyOf(reads);
        if (consumer.isBlank()) {
            throw new IllegalArgumentException("consumer name is blank");
        }
    }
}
