package io.sitkit.fx.service;

import io.sitkit.core.Destination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the inject dialog composes: destination, key, headers, payload and its format, whether the
 * payload (and key) are templates, and how many copies to send.
 *
 * <pre>{@code
 * InjectRequest r = InjectRequest.json(Destination.kafka("orders"), "{\"orderId\":\"{{ uuid() }}\"}")
 *         .withKey("o-1").withHeaders(InjectRequest.parseHeaders("eventType=OrderPlaced")).asTemplate().withCopies(500)
 *         .atRate(50).checkedAgainst(InjectSchema.load(Path.of("order.schema.json"), Optional.empty()));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param destination where to send
 * @param key         key (a template too when {@code template}), or null
 * @param headers     header names and values, in order
 * @param payload     the payload text: plain text, JSON, or the JSON view of an Avro value
 * @param format      how the payload is sent
 * @param schemaId    for {@link Format#AVRO}: the schema id, looked up through the connection and written in the Confluent frame
 * @param template    whether payload and key are rendered with the core's template engine (each copy anew)
 * @param copies      how many messages to send, 1–10,000
 * @param rate        messages per second to send them at; 0 for as fast as the broker takes them
 * @param check       what every copy is checked against before anything is sent (JSON Schema, Avro
 *                    schema, contract), and the schema of {@link Format#AVRO_PLAIN}; null for none
 */
public record InjectRequest(Destination destination, String key, List<Map.Entry<String, String>> headers, String payload,
                            Format format, int schemaId, boolean template, int copies, double rate, InjectSchema check) {
    /** Most copies one request sends. */
    public static final int MAX_COPIES = 10_000;

    /** How the payload is sent. */
    public enum Format {
        TEXT("Text"), JSON("JSON"), AVRO("Avro (Confluent, by schema id)"), AVRO_PLAIN("Avro (plain, with the schema file)");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public InjectRequest {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(format, "format");
        headers = List.copyOf(headers);
        payload = payload == null ? "" : payload;
        key = key == null || key.isEmpty() ? null : key;
        if (copies < 1 || copies > MAX_COPIES) {
            throw new IllegalArgumentException("copies must be 1–" + MAX_COPIES + ", was " + copies);
        }
        if (format == Format.AVRO && schemaId < 0) {
            throw new IllegalArgumentException("an Avro payload needs the schema id to encode it with");
        }
        if (format == Format.AVRO_PLAIN && (check == null || check.avro().isEmpty())) {
            throw new IllegalArgumentException("a plain Avro payload needs an Avro schema to encode it with:"
                    + " choose an .avsc file, or a contract with an Avro payload");
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be 0 (as fast as possible) or a number of messages per second, was " + rate);
        }
    }

    public static InjectRequest json(Destination d, String payload) {
        return new InjectRequest(d, null, List.of(), payload, Format.JSON, -1, false, 1, 0, null);
    }

    public static InjectRequest text(Destination d, String payload) {
        return new InjectRequest(d, null, List.of(), payload, Format.TEXT, -1, false, 1, 0, null);
    }

    /** The JSON view of an Avro value, sent Confluent-framed with {@code schemaId}. */
    public static InjectRequest avro(Destination d, int schemaId, String json) {
        return new InjectRequest(d, null, List.of(), json, Format.AVRO, schemaId, false, 1, 0, null);
    }

    /** The JSON view of an Avro value, sent as plain Avro binary with the Avro schema of {@code check}. */
    public static InjectRequest avroPlain(Destination d, InjectSchema check, String json) {
        return new InjectRequest(d, null, List.of(), json, Format.AVRO_PLAIN, -1, false, 1, 0, check);
    }

    public InjectRequest withKey(String k) {
        return new InjectRequest(destination, k, headers, payload, format, schemaId, template, copies, rate, check);
    }

    public InjectRequest withHeaders(List<Map.Entry<String, String>> h) {
        return new InjectRequest(destination, key, h, payload, format, schemaId, template, copies, rate, check);
    }

    public InjectRequest asTemplate() {
        return new InjectRequest(destination, key, headers, payload, format, schemaId, true, copies, rate, check);
    }

    public InjectRequest withCopies(int n) {
        return new InjectRequest(destination, key, headers, payload, format, schemaId, template, n, rate, check);
    }

    /** Sent at {@code perSecond} messages a second (0: as fast as possible). */
    public InjectRequest atRate(double perSecond) {
        return new InjectRequest(destination, key, headers, payload, format, schemaId, template, copies, perSecond, check);
    }

    /** Every copy checked against {@code schema} before anything is sent. */
    public InjectRequest checkedAgainst(InjectSchema schema) {
        return new InjectRequest(destination, key, headers, payload, format, schemaId, template, copies, rate, schema);
    }

    /**
     * Headers written one per line as {@code name=value} (blank lines skipped).
     *
     * @throws IllegalArgumentException naming the line that is not {@code name=value}
     */
    public static List<Map.Entry<String, String>> parseHeaders(String text) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("header line " + (i + 1) + " '" + line + "' is not name=value");
            }
            out.add(Map.entry(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
        }
        return out;
    }
}
