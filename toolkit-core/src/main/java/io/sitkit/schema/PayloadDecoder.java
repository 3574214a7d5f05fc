package io.sitkit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Message;

/**
 * Turns a message's payload (or key) into a JSON view, so matchers, diffs and contracts read
 * Avro and JSON alike.
 *
 * <pre>{@code
 * PayloadDecoder avro = RegistryAvro.using(registry).payloads();
 * MessageMatcher m = Matchers.decoded(avro, jsonPath("$.total").isEqualTo(42.5));
 * }</pre>
 *
 * <p>Thread-safety: implementations are safe for concurrent use.
 */
public interface PayloadDecoder {
    /**
     * The JSON view of the message's payload (or key, for key decoders).
     *
     * @throws DecodeException naming the message's position when the bytes cannot be decoded
     */
    JsonNode decode(Message message);

    /**
     * The message with its payload replaced by the JSON view ({@code BodyType.TEXT}), so payload
     * matchers and expectations read it; position, times and headers stay.
     *
     * @throws DecodeException when the payload cannot be decoded
     */
    default Message view(Message message) {
        return JsonPayloads.asPayload(message, decode(message), describe());
    }

    /** A short description for failure messages, e.g. "Avro via registry (Confluent frame)". */
    String describe();

    /** Payloads that are JSON text already. */
    static PayloadDecoder json() {
        return JsonPayloads.INSTANCE;
    }
}
