package io.sitkit.contract.asyncapi.internal;

import io.sitkit.contract.ContractSchema;
import io.sitkit.contract.RequiredHeader;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message object says, in contract terms.
 *
 * <pre>{@code
 * MessageParts parts = messages.read(messageLocation);
 * parts.payload().ifPresent(s -> System.out.println(s.format()));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param key         the Kafka key's schema, from the kafka message binding
 * @param payload     the payload's schema
 * @param contentType the content type, "" when neither the message nor the document gives one
 * @param headers     the required headers
 * @param examples    the example payloads as JSON text
 */
public record MessageParts(Optional<ContractSchema> key, Optional<ContractSchema> payload, String contentType,
                           List<RequiredHeader> headers, List<String> examples) {
    public MessageParts {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(contentType, "contentType");
        headers = List.copyOf(headers);
        examples = List.copyOf(examples);
    }
}
