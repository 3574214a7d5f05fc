package io.sitkit.schema.avro;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Message;
import io.sitkit.schema.PayloadDecoder;
import org.apache.avro.Schema;

/**
 * A {@link PayloadDecoder} for payloads that are plain Avro binary of a known schema (no frame,
 * no registry).
 *
 * <pre>{@code
 * PayloadDecoder d = PlainAvro.payloads(schemas.get("io.sitkit.payments.PaymentRequested"));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class PlainAvro implements PayloadDecoder {
    private final AvroCodec codec;

    private PlainAvro(AvroCodec codec) {
        this.codec = codec;
    }

    /** Decodes payloads written with {@code schema}. */
    public static PlainAvro payloads(Schema schema) {
        return new PlainAvro(AvroCodec.of(schema));
    }

    @Override
    public JsonNode decode(Message message) {
        return codec.decodeToJson(message.payload(), message.position());
    }

    @Override
    public String describe() {
        return "Avro " + AvroCodec.name(codec.schema());
    }
}
