package io.sitkit.contract;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sitkit.core.Destination;
import io.sitkit.core.InvalidDestinationException;
import io.sitkit.schema.FieldType;
import io.sitkit.schema.SchemaException;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.avro.AvroSchemas;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Reads contract files (YAML). One file holds one contract; a directory contributes every
 * {@code .yaml}/{@code .yml} file below it. Schema files are named relative to the contract file.
 *
 * <pre>{@code
 * name: orders-placed
 * destination: kafka:orders
 * contentType: avro/binary
 * payload:
 *   format: avro                  # or json-schema
 *   encoding: confluent           # or plain (default)
 *   file: ../avro/orders/OrderPlaced.avsc
 *   include: [../avro/common]     # files or directories with named types it uses
 *   type: io.sitkit.samples.orders.OrderPlaced
 * headers:
 *   - name: traceparent
 *     pattern: "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"
 *   - name: eventType
 * examples:
 *   - {orderId: o-1001, ...}
 * consumers:
 *   - name: billing
 *     reads:
 *       - {path: $.total.amount, type: number}
 *       - $.orderId               # any type
 *     schema: {format: json-schema, file: billing-order.schema.json}
 * }</pre>
 *
 * <pre>{@code
 * List<Contract> all = Contracts.load(Path.of("src/test/contracts"));
 * }</pre>
 *
 * <p>Errors name the file, and the line and column for malformed YAML or the field for a bad
 * value. Thread-safety: stateless.
 */
public final class Contracts {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern YAML_EVENT = Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\([^>]*\\)>");
    private static final Set<String> TOP = Set.of("name", "destination", "contentType", "key", "payload", "headers",
            "examples", "consumers", "description");

    private Contracts() {
    }

    /** Every contract in a file or below a directory; names must be unique. */
    public static List<Contract> load(Path fileOrDirectory) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrDirectory)) {
            try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
                walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new SchemaException(fileOrDirectory.toString(), "cannot list the directory: " + e.getMessage());
            }
        } else {
            files.add(fileOrDirectory);
        }
        List<Contract> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path f : files) {
            Contract c = loadOne(f);
            if (!names.add(c.name())) {
                throw new SchemaException(f.toString(), "contract name '" + c.name() + "' is used by another file too");
            }
            out.add(c);
        }
        return out;
    }

    /**
     * The contract in one YAML file; schema files are named relative to its directory.
     *
     * @throws SchemaException naming the file, with the line and column for malformed YAML or the
     *                         field for a bad value
     */
    public static Contract loadOne(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SchemaException(file.toString(), "cannot read the file: " + e.getMessage());
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent());
    }

    /**
     * The contract in YAML text; {@code source} names it in errors, schema files are named relative
     * to {@code baseDirectory}.
     *
     * <pre>{@code
     * Contract c = Contracts.parse(yaml, "orders-placed (inline)", Path.of("src/test/contracts"));
     * }</pre>
     *
     * @throws SchemaException naming {@code source}, with the line and column for malformed YAML or
     *                         the field for a bad value
     */
    public static Contract parse(String yaml, String source, Path baseDirectory) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SchemaException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid YAML: " + yamlReason(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new SchemaException(source, "a contract file must hold a mapping with name and destination");
        }
        root.fieldNames().forEachRemaining(n -> {
            if (!TOP.contains(n)) {
                throw new SchemaException(source, "unknown key '" + n + "'; known keys: " + String.join(", ", new java.util.TreeSet<>(TOP)));
            }
        });
        Path base = baseDirectory;
        String name = text(root, "name", source);
        Destination destination;
        try {
            destination = Destination.parse(text(root, "destination", source));
        } catch (InvalidDestinationException e) {
            throw new SchemaException(source, "destination: " + e.getMessage());
        }
        Optional<ContractSchema> key = schema(root.get("key"), base, source, "key");
        Optional<ContractSchema> payload = schema(root.get("payload"), base, source, "payload");
        List<RequiredHeader> headers = new ArrayList<>();
        for (JsonNode h : root.path("headers")) {
            String hn = h.isTextual() ? h.asText() : text(h, "name", source + " headers");
            if (h.has("pattern")) {
                try {
                    headers.add(new RequiredHeader(hn, Optional.of(Pattern.compile(h.get("pattern").asText()))));
                } catch (PatternSyntaxException e) {
                    throw new SchemaException(source, "headers." + hn + ".pattern is not a regular expression: " + e.getDescription());
                }
            } else {
                headers.add(RequiredHeader.present(hn));
            }
        }
        List<String> examples = new ArrayList<>();
        for (JsonNode ex : root.path("examples")) {
            examples.add(ex.isTextual() ? ex.asText() : ex.toString());
        }
        List<ConsumerExpectation> consumers = new ArrayList<>();
        for (JsonNode c : root.path("consumers")) {
            String cn = text(c, "name", source + " consumers");
            List<FieldRead> reads = new ArrayList<>();
            for (JsonNode r : c.path("reads")) {
                try {
                    reads.add(r.isTextual() ? new FieldRead(r.asText(), FieldType.ANY)
                            : new FieldRead(text(r, "path", source + " consumers." + cn + ".reads"),
                            FieldType.parse(r.path("type").asText("any"))));
                } catch (IllegalArgumentException e) {
                    throw new SchemaException(source, "consumers." + cn + ".reads: " + e.getMessage());
                }
            }
            consumers.add(new ConsumerExpectation(cn, reads, schema(c.get("schema"), base, source, "consumers." + cn + ".schema")));
        }
        return new Contract(name, destination, key, payload, root.path("contentType").asText(""), headers, examples,
                consumers, source);
    }

    private static Optional<ContractSchema> schema(JsonNode node, Path base, String source, String where) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        SchemaFormat format;
        try {
            format = SchemaFormat.parse(node.path("format").asText("json-schema"));
        } catch (IllegalArgumentException e) {
            throw new SchemaException(source, where + ".format: " + e.getMessage());
        }
        ContractSchema.Encoding encoding;
        String enc = node.path("encoding").asText("plain");
        switch (enc.toLowerCase(java.util.Locale.ROOT)) {
            case "plain" -> encoding = ContractSchema.Encoding.PLAIN;
            case "confluent" -> encoding = ContractSchema.Encoding.CONFLUENT;
            default -> throw new SchemaException(source, where + ".encoding '" + enc + "' is unknown; use plain or confluent");
        }
        if (node.has("file") == node.has("schema")) {
            throw new SchemaException(source, where + " needs exactly one of file or schema (inline)");
        }
        String schemaSource;
        String text;
        if (node.has("schema")) {
            schemaSource = source + "#" + where;
            text = node.get("schema").isTextual() ? node.get("schema").asText() : node.get("schema").toString();
        } else {
            Path f = base.resolve(node.get("file").asText()).normalize();
            schemaSource = f.toString();
            try {
                text = Files.readString(f);
            } catch (IOException e) {
                throw new SchemaException(source, where + ".file " + f + " cannot be read: " + e.getMessage());
            }
        }
        try {
            text = format == SchemaFormat.AVRO ? avro(node, base, schemaSource, text, source, where) : json(text, schemaSource);
        } catch (SchemaException e) {
            // The schema's own error (file, line, column) after the contract and field that refer to it.
            throw new SchemaException(source, 0, 0, where + ": " + e.getMessage(), e);
        }
        return Optional.of(new ContractSchema(format, text, schemaSource, encoding));
    }

    /** Resolves named types from {@code include} and returns the self-contained schema text. */
    private static String avro(JsonNode node, Path base, String schemaSource, String text, String source, String where) {
        List<Path> include = new ArrayList<>();
        node.path("include").forEach(i -> include.add(base.resolve(i.asText()).normalize()));
        AvroSchemas set = AvroSchemas.parseWith(schemaSource, text, include.toArray(Path[]::new));
        if (node.has("type")) {
            return set.get(node.get("type").asText()).toString();
        }
        return set.bySource().values().iterator().next().toString();
    }

    private static String json(String text, String schemaSource) {
        try {
            return JSON.readTree(text).toString();
        } catch (JsonProcessingException e) {
            try {
                return YAML.readTree(text).toString();
            } catch (JsonProcessingException notYaml) {
                JsonLocation at = e.getLocation();
                throw new SchemaException(schemaSource, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                        "not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
    }

    /**
     * The parser's reason on one line: SnakeYAML's problem without its excerpt of the text (the line
     * and column say where), and its event dumps ({@code <org.yaml…MappingStartEvent(…)>}) in words.
     */
    private static String yamlReason(JsonProcessingException e) {
        String reason = e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null
                ? m.getProblem() : String.valueOf(e.getOriginalMessage());
        Matcher event = YAML_EVENT.matcher(reason);
        StringBuilder out = new StringBuilder();
        while (event.find()) {
            String words = switch (event.group(1)) {
                case "MappingStart" -> "a mapping";
                case "SequenceStart" -> "a list";
                case "Alias" -> "an alias";
                case "Scalar" -> "a value";
                default -> "the end of a " + event.group(1).replace("End", "").toLowerCase(java.util.Locale.ROOT);
            };
            event.appendReplacement(out, Matcher.quoteReplacement(words));
        }
        return event.appendTail(out).toString();
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new SchemaException(where, "'" + field + "' is required");
        }
        return v.asText();
    }
}
