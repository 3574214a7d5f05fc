package io.sitkit.contract;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.schema.Conformance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contract of one channel: the destination, the schemas of key and payload, the content type,
 * the headers every message must carry, example payloads, and the consumers that read it.
 *
 * <pre>{@code
 * Contract placed = Contracts.load(Path.of("src/test/contracts/orders-placed.yaml"));
 * expectations.expect(placed.destination()).message(key("o-1")).conformingTo(placed).within(ofSeconds(5));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param name        a unique name, e.g. "orders-placed"
 * @param destination the channel
 * @param key         the key's schema (Kafka), if the contract fixes one
 * @param payload     the payload's schema, if the contract fixes one
 * @param contentType the content type, e.g. "application/json", "avro/binary"; "" when unspecified
 * @param headers     headers every message must carry
 * @param examples    example payloads as text (JSON for both formats)
 * @param consumers   what each consumer reads
 * @param source      where the contract came from (a file, an AsyncAPI document and channel)
 */
public record Contract(String name, Destination destination, Optional<ContractSchema> key,
                       Optional<ContractSchema> payload, String contentType, List<RequiredHeader> headers,
                       List<String> examples, List<ConsumerExpectation> consumers, String source)
        implements Conformance {
    public Contract {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(source, "source");
        headers = List.copyOf(headers);
        examples = List.copyOf(examples);
        consumers = List.copyOf(consumers);
        if (name.isBlank()) {
            throw new IllegalArgumentException("contract name is blank (from " + source + ")");
        }
    }

    /** The same contract for another destination (say, a topic with an environment prefix). */
    public Contract withDestination(Destination other) {
        return new Contract(name, other, key, payload, contentType, headers, examples, consumers, source);
    }

    /**
     * The contract's own rules checked without a registry; for many messages or Confluent ids
     * resolved through a registry, use {@link ContractChecker#conformance(Contract)}, which parses
     * the schemas once.
     */
    @Override
    public List<String> violations(Message message) {
        return ContractChecker.standalone().conformance(this).violations(message);
    }

    @Override
    public String describe() {
        return ContractChecker.standalone().conformance(this).describe();
    }
}
