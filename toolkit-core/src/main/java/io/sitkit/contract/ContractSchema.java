package io.sitkit.contract;

import io.sitkit.core.Message;
import io.sitkit.schema.Conformance;
import io.sitkit.schema.SchemaFormat;

import java.util.List;

import java.util.Objects;

/**
 * A schema a contract refers to: its language, its text, where it came from, and for Avro how the
 * bytes are framed.
 *
 * <p>Thread-safety: immutable.
 *
 * @param format   the schema language
 * @param text     the schema document (Avro JSON, or JSON Schema as JSON)
 * @param source   where it came from: a file path, "asyncapi.yaml#/components/schemas/Order"
 * @param encoding how payload bytes carry it: {@link Encoding#PLAIN} or {@link Encoding#CONFLUENT}
 */
public record ContractSchema(SchemaFormat format, String text, String source, Encoding encoding) implements Conformance {
    /** How the bytes of a message carry the schema'd value. */
    public enum Encoding {
        /** The value alone: JSON text, or Avro binary without a frame. */
        PLAIN,
        /** Magic byte 0, a 4-byte big-endian schema id, then Avro binary. */
        CONFLUENT
    }

    public ContractSchema {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(encoding, "encoding");
        if (text.isBlank()) {
            throw new IllegalArgumentException("schema text from " + source + " is empty");
        }
    }

    /** Whether a message's payload fits this schema (one line per problem). */
    @Override
    public List<String> violations(Message message) {
        return ContractChecker.standalone().schemaConformance(this).violations(message);
    }

    @Override
    public String describe() {
        return ContractChecker.standalone().schemaConformance(this).describe();
    }
}
