package io.sitkit.fx.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.contract.Contract;
import io.sitkit.contract.ContractChecker;
import io.sitkit.contract.ContractSchema;
import io.sitkit.contract.Contracts;
import io.sitkit.core.Destination;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.TransportMetadata;
import io.sitkit.schema.Conformance;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.SchemaLookup;
import io.sitkit.schema.avro.AvroJson;
import io.sitkit.schema.avro.AvroSchemas;
import io.sitkit.schema.gen.SampleGenerator;
import io.sitkit.schema.json.JsonSchemaValidator;
import io.sitkit.schema.json.JsonSchemas;
import org.apache.avro.Schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the inject dialog checks messages against before sending, and samples payloads from: a JSON
 * Schema ({@code .json}), a plain Avro schema ({@code .avsc}), or a contract ({@code .yaml}: its
 * payload schema, required headers and key) — loaded and checked by the core
 * ({@link JsonSchemas}, {@link AvroSchemas}, {@link Contracts}, {@link ContractChecker}), samples
 * by the core's {@link SampleGenerator}.
 *
 * <pre>{@code
 * InjectSchema check = InjectSchema.load(Path.of("payment.schema.json"), connection.schemas());
 * String payload = check.sample(42);                 // pretty JSON valid against the schema
 * List<String> problems = check.violations(outgoing); // empty when it conforms
 * }</pre>
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
public final class InjectSchema {
    private final Path file;
    private final Conformance conformance;
    private final Optional<JsonSchemaValidator> json;
    private final Optional<Schema> avro;
    private final String description;

    private InjectSchema(Path file, Conformance conformance, Optional<JsonSchemaValidator> json, Optional<Schema> avro, String description) {
        this.file = file;
        this.conformance = conformance;
        this.json = json;
        this.avro = avro;
        this.description = description;
    }

    /**
     * Loads {@code file} by its ending: {@code .avsc} an Avro schema, {@code .yaml}/{@code .yml} a
     * contract (Confluent ids looked up in {@code registry} when there is one), anything else a JSON Schema.
     *
     * @throws IllegalArgumentException naming the file when it is missing or not what its ending says
     */
    public static InjectSchema load(Path file, Optional<SchemaLookup> registry) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no schema or contract file at " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".avsc")) {
            Schema schema = PayloadDecoding.avroSchemaFile(file);
            Conformance plain = ContractChecker.standalone().schemaConformance(
                    new ContractSchema(SchemaFormat.AVRO, schema.toString(), file.toString(), ContractSchema.Encoding.PLAIN));
            return new InjectSchema(file, plain, Optional.empty(), Optional.of(schema),
                    "Avro schema " + schema.getFullName() + " (" + file.getFileName() + ")");
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            Contract contract = Contracts.loadOne(file);
            ContractChecker checker = registry.map(ContractChecker::withRegistry).orElseGet(ContractChecker::standalone);
            Optional<ContractSchema> payload = contract.payload();
            Optional<JsonSchemaValidator> json = payload.filter(p -> p.format() == SchemaFormat.JSON_SCHEMA)
                    .map(p -> JsonSchemas.fromString(p.text()));
            Optional<Schema> avro = payload.filter(p -> p.format() == SchemaFormat.AVRO)
                    .map(p -> AvroSchemas.parseOne(p.source(), p.text()));
            Conformance c = checker.conformance(contract);
            return new InjectSchema(file, c, json, avro, c.describe());
        }
        JsonSchemaValidator validator = JsonSchemas.fromFile(file);
        return new InjectSchema(file, validator, Optional.of(validator), Optional.empty(), "JSON Schema " + file.getFileName());
    }

    public Path file() {
        return file;
    }

    /** "JSON Schema payment.json", "Avro schema io.sitkit.Order (order.avsc)", "contract orders-placed (…)". */
    public String describe() {
        return description;
    }

    /** The Avro schema samples follow and plain Avro payloads are encoded with, if this is Avro. */
    public Optional<Schema> avro() {
        return avro;
    }

    /**
     * A payload valid against the schema, deterministic for {@code seed}: pretty JSON, or the JSON
     * view of an Avro record.
     *
     * @throws IllegalArgumentException when there is no payload schema to sample from
     */
    public String sample(long seed) {
        SampleGenerator g = SampleGenerator.seeded(seed);
        JsonNode value;
        if (json.isPresent()) {
            value = g.json(json.get());
        } else if (avro.isPresent()) {
            value = AvroJson.view(avro.get(), g.avroValue(avro.get()));
        } else {
            throw new IllegalArgumentException(description + " has no payload schema to make a sample from");
        }
        return PayloadDecoding.pretty(value);
    }

    /** What is wrong with {@code m} (payload, key, headers), one line each; empty when it conforms. */
    public List<String> violations(OutgoingMessage m) {
        return conformance.violations(asReceived(m));
    }

    /** {@code m} as it would be received, so the core's checks can read it. */
    static Message asReceived(OutgoingMessage m) {
        Destination d = m.destination();
        TransportMetadata metadata = d.isKafka() ? new KafkaMetadata(m.partition() == null ? 0 : m.partition(), 0, "CreateTime", -1)
                : new JmsMetadata(null, m.correlationId(), m.replyTo(), m.type(), m.priority() == null ? 4 : m.priority(),
                m.persistent() == null || m.persistent(), null, false, null);
        Instant now = Instant.now();
        return new Message(d, m.key(), m.headers(), m.payload(), m.bodyType(), now, now, metadata);
    }

    @Override
    public String toString() {
        return "InjectSchema[" + description + "]";
    }
}
