package io.sitkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;
import io.sitkit.schema.Conformance;
import io.sitkit.schema.DecodeException;
import io.sitkit.schema.JsonPayloads;
import io.sitkit.schema.PayloadDecoder;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.SchemaLookup;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.AvroSchemas;
import io.sitkit.schema.avro.ConfluentWireFormat;
import io.sitkit.schema.avro.RegistryAvro;
import io.sitkit.schema.json.JsonSchemaValidator;
import io.sitkit.schema.json.JsonSchemas;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks messages against contracts: the destination, the required headers and their patterns,
 * and key and payload against their schemas (Avro plain or Confluent-framed, JSON Schema). With a
 * registry, a framed value is read with the writer's registered schema into the contract's
 * schema, as a consumer would; without one, the frame's body is read with the contract's schema.
 *
 * <pre>{@code
 * ContractChecker checker = ContractChecker.withRegistry(registryClient);
 * Conformance placed = checker.conformance(contract);
 * List<String> problems = placed.violations(message);
 * }</pre>
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
public final class ContractChecker {
    private final Optional<SchemaLookup> registry;

    private ContractChecker(Optional<SchemaLookup> registry) {
        this.registry = registry;
    }

    /** A checker without a schema registry. */
    public static ContractChecker standalone() {
        return new ContractChecker(Optional.empty());
    }

    /** A checker that looks Confluent schema ids up in {@code registry}. */
    public static ContractChecker withRegistry(SchemaLookup registry) {
        return new ContractChecker(Optional.of(Objects.requireNonNull(registry, "registry")));
    }

    /** The contract as something a message can conform to. */
    public Conformance conformance(Contract contract) {
        Prepared prepared = new Prepared(contract, registry);
        return new Conformance() {
            @Override
            public List<String> violations(Message message) {
                return prepared.violations(message);
            }

            @Override
            public String describe() {
                return "contract " + contract.name() + prepared.payloadDescription();
            }
        };
    }

    /** A payload schema alone as something a message can conform to. */
    public Conformance schemaConformance(ContractSchema schema) {
        Part part = new Part("payload", schema, registry);
        return new Conformance() {
            @Override
            public List<String> violations(Message message) {
                return part.violations(message, message.payload());
            }

            @Override
            public String describe() {
                return part.describe();
            }
        };
    }

    /** The decoder that gives the JSON view of payloads on the contract's channel. */
    public PayloadDecoder payloadDecoder(Contract contract) {
        return new Prepared(contract, registry).payloadDecoder();
    }

    /** A contract with its schemas parsed once. */
    private static final class Prepared {
        private final Contract contract;
        private final Optional<SchemaLookup> registry;
        private final Optional<Part> key;
        private final Optional<Part> payload;

        Prepared(Contract contract, Optional<SchemaLookup> registry) {
            this.contract = contract;
            this.registry = registry;
            this.key = contract.key().map(s -> new Part("key", s, registry));
            this.payload = contract.payload().map(s -> new Part("payload", s, registry));
        }

        String payloadDescription() {
            return payload.map(p -> " (" + p.describe() + ")").orElse("");
        }

        PayloadDecoder payloadDecoder() {
            return payload.map(Part::decoder).orElse(PayloadDecoder.json());
        }

        List<String> violations(Message message) {
            List<String> out = new ArrayList<>();
            if (!message.destination().equals(contract.destination())) {
                out.add("message on " + message.destination() + ", but contract " + contract.name() + " is for "
                        + contract.destination());
            }
            for (RequiredHeader h : contract.headers()) {
                Optional<Header> found = message.headers().last(h.name());
                if (found.isEmpty()) {
                    out.add("header `" + h.name() + "` is missing" + (message.headers().isEmpty() ? " (the message has no headers)"
                            : " (has: " + String.join(", ", message.headers().asList().stream().map(Header::name).distinct().toList()) + ")"));
                } else if (h.pattern().isPresent()) {
                    String value = found.get().value() == null ? "" : Payloads.toText(found.get().value());
                    if (!h.pattern().get().matcher(value).matches()) {
                        out.add("header `" + h.name() + "` = '" + Payloads.preview(found.get().value(), 60)
                                + "' does not match " + h.pattern().get().pattern());
                    }
                }
            }
            key.ifPresent(k -> out.addAll(k.violations(message, message.key())));
            payload.ifPresent(p -> out.addAll(p.violations(message, message.payload())));
            return out;
        }
    }

    /** One schema'd part of a message (key or payload). */
    private static final class Part {
        private final String part;
        private final ContractSchema schema;
        private final Optional<SchemaLookup> registry;
        private final Schema avro;
        private final JsonSchemaValidator json;

        Part(String part, ContractSchema schema, Optional<SchemaLookup> registry) {
            this.part = part;
            this.schema = schema;
            this.registry = registry;
            this.avro = schema.format() == SchemaFormat.AVRO ? AvroSchemas.parseOne(schema.source(), schema.text()) : null;
            this.json = schema.format() == SchemaFormat.JSON_SCHEMA ? jsonValidator(schema) : null;
        }

        /** From the file when the schema came from one, so its {@code $ref}s to files beside it resolve. */
        private static JsonSchemaValidator jsonValidator(ContractSchema schema) {
            java.nio.file.Path file = java.nio.file.Path.of(schema.source());
            return java.nio.file.Files.isRegularFile(file) ? JsonSchemas.fromFile(file) : JsonSchemas.fromString(schema.text());
        }

        String describe() {
            return avro != null ? "Avro " + avro.getFullName() + (schema.encoding() == ContractSchema.Encoding.CONFLUENT
                    ? ", Confluent-framed" : "") : "JSON Schema " + schema.source();
        }

        List<String> violations(Message message, byte[] bytes) {
            String where = message.position() + (part.equals("key") ? " (key)" : "");
            if (avro == null) {
                JsonNode value;
                try {
                    value = JsonPayloads.parse(bytes, where);
                } catch (DecodeException e) {
                    Optional<String> text = part.equals("key") ? Payloads.utf8(bytes) : Optional.empty();
                    if (text.isEmpty()) {
                        return List.of(part + ": " + e.getMessage());
                    }
                    // a Kafka key is usually bare text, not a JSON string: validate it as one
                    value = com.fasterxml.jackson.databind.node.TextNode.valueOf(text.get());
                }
                return json.validate(value).stream().map(v -> part + " " + v).toList();
            }
            try {
                decodeAvro(bytes, where);
                return List.of();
            } catch (DecodeException e) {
                return List.of(part + ": " + e.getMessage());
            }
        }

        JsonNode decodeAvro(byte[] bytes, String where) {
            if (schema.encoding() == ContractSchema.Encoding.PLAIN) {
                return AvroCodec.of(avro).decodeToJson(bytes, where);
            }
            if (registry.isPresent()) {
                return RegistryAvro.using(registry.get()).readingAs(avro).decodeToJson(bytes, where);
            }
            ConfluentWireFormat.Frame frame = ConfluentWireFormat.parse(bytes, where);
            return AvroCodec.of(avro).decodeToJson(bytes, frame.bodyOffset(), frame.bodyLength(), where);
        }

        PayloadDecoder decoder() {
            return new PayloadDecoder() {
                @Override
                public JsonNode decode(Message message) {
                    byte[] bytes = part.equals("key") ? message.key() : message.payload();
                    String where = message.position();
                    return avro == null ? JsonPayloads.parse(bytes, where) : decodeAvro(bytes, where);
                }

                @Override
                public String describe() {
                    return Part.this.describe();
                }
            };
        }
    }
}
