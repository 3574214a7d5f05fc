package io.sitkit.fx.service;

/**
 * How payloads of a destination are decoded: chosen automatically, or overridden per destination.
 *
 * <p>Thread-safety: immutable.
 */
public enum DecoderChoice {
    /** Registry Avro when the bytes carry a schema id, else JSON, else text, else hex. */
    AUTO("Auto"),
    /** Confluent-framed (or id-header) Avro, schema found by id. */
    AVRO_REGISTRY("Avro (schema registry)"),
    /** Plain Avro binary read with a schema the user picked. */
    AVRO_SCHEMA("Avro (chosen schema)"),
    JSON("JSON"),
    TEXT("Text"),
    HEX("Hex");

    private final String label;

    DecoderChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
