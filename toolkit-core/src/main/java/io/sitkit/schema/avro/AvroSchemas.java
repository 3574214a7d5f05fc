package io.sitkit.schema.avro;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.schema.SchemaException;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.SchemaParser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A set of Avro schemas loaded together, so a named type defined in one {@code .avsc} file can be
 * used by another, in any order.
 *
 * <pre>{@code
 * AvroSchemas schemas = AvroSchemas.load(Path.of("src/test/resources/schemas/avro"));
 * Schema placed = schemas.get("io.sitkit.orders.OrderPlaced");
 * AvroSchemas more = AvroSchemas.fromClasspath("schemas/avro/payment.avsc");
 * }</pre>
 *
 * <p>A file that is not valid JSON fails with a {@link SchemaException} naming the file, line and
 * column; a type that no loaded file defines fails naming the type, the file that uses it and the
 * types that are defined.
 *
 * <p>Thread-safety: immutable once loaded.
 */
public final class AvroSchemas {
    private final Map<String, Schema> byName;
    private final Map<String, Schema> bySource;

    private AvroSchemas(Map<String, Schema> byName, Map<String, Schema> bySource) {
        this.byName = Collections.unmodifiableMap(byName);
        this.bySource = Collections.unmodifiableMap(bySource);
    }

    /**
     * Loads {@code .avsc} files; a directory contributes every {@code .avsc} file below it, in
     * path order.
     */
    public static AvroSchemas load(Path... filesOrDirectories) {
        List<Source> sources = new ArrayList<>();
        for (Path p : filesOrDirectories) {
            if (Files.isDirectory(p)) {
                addDirectory(p, sources);
            } else {
                sources.add(Source.of(p));
            }
        }
        return parse(sources);
    }

    /**
     * Loads {@code .avsc} resources from the class path; a resource that is a directory on the
     * file system contributes its {@code .avsc} files.
     */
    public static AvroSchemas fromClasspath(String... resources) {
        List<Source> sources = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String name : resources) {
            String resource = name.startsWith("/") ? name.substring(1) : name;
            URL url = loader == null ? null : loader.getResource(resource);
            if (url == null) {
                url = AvroSchemas.class.getClassLoader().getResource(resource);
            }
            if (url == null) {
                throw new SchemaException("classpath:" + resource, "no such resource on the class path");
            }
            if ("file".equals(url.getProtocol())) {
                try {
                    Path path = Path.of(url.toURI());
                    if (Files.isDirectory(path)) {
                        addDirectory(path, sources);
                        continue;
                    }
                } catch (URISyntaxException e) {
                    throw new SchemaException("classpath:" + resource, "unreadable location " + url);
                }
            }
            try (InputStream in = url.openStream()) {
                sources.add(new Source("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new SchemaException("classpath:" + resource, "cannot read: " + e.getMessage());
            }
        }
        return parse(sources);
    }

    private static void addDirectory(Path dir, List<Source> sources) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(f -> f.toString().endsWith(".avsc") && Files.isRegularFile(f)).sorted()
                    .forEach(f -> sources.add(Source.of(f)));
        } catch (IOException e) {
            throw new SchemaException(dir.toString(), "cannot list the directory: " + e.getMessage());
        }
    }

    /** Parses schema documents given as text; {@code name} says where each came from in errors. */
    public static AvroSchemas parse(String sourceName, String text) {
        return parse(List.of(new Source(sourceName, text)));
    }

    /**
     * Parses a schema document given as text together with the {@code .avsc} files (or
     * directories) holding the named types it uses; {@link #bySource()} lists the document first.
     */
    public static AvroSchemas parseWith(String sourceName, String text, Path... includes) {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(sourceName, text));
        for (Path p : includes) {
            if (Files.isDirectory(p)) {
                addDirectory(p, sources);
            } else {
                sources.add(Source.of(p));
            }
        }
        return parse(sources);
    }

    /** Parses one self-contained schema document. */
    public static Schema parseOne(String sourceName, String text) {
        AvroSchemas set = parse(sourceName, text);
        return set.bySource.get(sourceName);
    }

    private static AvroSchemas parse(List<Source> sources) {
        SchemaParser parser = new SchemaParser();
        Map<String, SchemaParser.ParseResult> results = new LinkedHashMap<>();
        for (Source s : sources) {
            try {
                results.put(s.name(), parser.parse(s.text()));
            } catch (SchemaParseException | AvroTypeException e) {
                throw located(s.name(), e);
            }
        }
        Map<String, Schema> bySource = new LinkedHashMap<>();
        Map<String, Schema> byName = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, SchemaParser.ParseResult> r : results.entrySet()) {
                bySource.put(r.getKey(), parser.resolve(r.getValue()));
            }
            for (Schema s : parser.getParsedNamedSchemas()) {
                byName.put(s.getFullName(), s);
            }
        } catch (AvroTypeException | SchemaParseException e) {
            throw undefined(sources, e);
        }
        return new AvroSchemas(byName, bySource);
    }

    private static SchemaException located(String source, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException j) {
                JsonLocation at = j.getLocation();
                return new SchemaException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                        "not valid JSON: " + j.getOriginalMessage(), e);
            }
        }
        return new SchemaException(source, 0, 0, "not a valid Avro schema: " + e.getMessage(), e);
    }

    /** Full names of the records, enums and fixed types a schema document defines, read from its JSON. */
    private static void definedNames(JsonNode node, String namespace, Set<String> names) {
        if (node.isArray()) {
            node.forEach(n -> definedNames(n, namespace, names));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String ns = node.path("namespace").isTextual() ? node.get("namespace").asText() : namespace;
        String type = node.path("type").asText("");
        if (node.path("name").isTextual() && (type.equals("record") || type.equals("enum") || type.equals("fixed")
                || type.equals("error"))) {
            String name = node.get("name").asText();
            String full = name.contains(".") || ns.isEmpty() ? name : ns + "." + name;
            names.add(full);
            ns = full.contains(".") ? full.substring(0, full.lastIndexOf('.')) : "";
        }
        for (String child : List.of("type", "fields", "items", "values")) {
            if (node.has(child)) {
                definedNames(node.get(child), ns, names);
            }
        }
    }

    private static SchemaException undefined(List<Source> sources, RuntimeException e) {
        TreeSet<String> known = new TreeSet<>();
        for (Source s : sources) {
            try {
                definedNames(Json.MAPPER.readTree(s.text()), "", known);
            } catch (IOException ignored) {
                // parsed once already; cannot fail here
            }
        }
        String message = String.valueOf(e.getMessage());
        String prefix = "Undefined schema: ";
        if (!message.startsWith(prefix)) {
            return new SchemaException(sources.size() == 1 ? sources.get(0).name() : "loaded schemas", 0, 0,
                    "not a valid Avro schema: " + message, e);
        }
        String missing = message.substring(prefix.length());
        String simple = missing.substring(missing.lastIndexOf('.') + 1);
        String user = sources.stream()
                .filter(s -> s.text().contains('"' + missing + '"') || s.text().contains('"' + simple + '"'))
                .map(Source::name).findFirst().orElse("loaded schemas");
        return new SchemaException(user, 0, 0, "uses the named type " + missing
                + ", which no loaded file defines (defined: " + String.join(", ", known) + ")", e);
    }

    /**
     * The named type (record, enum or fixed) with this full name.
     *
     * @throws SchemaException naming the type and listing the defined ones
     */
    public Schema get(String fullName) {
        Schema s = byName.get(fullName);
        if (s == null) {
            throw new SchemaException("loaded schemas", "no named type " + fullName + " (defined: "
                    + String.join(", ", new TreeSet<>(byName.keySet())) + ")");
        }
        return s;
    }

    /** The named type with this full name, if loaded. */
    public Optional<Schema> find(String fullName) {
        return Optional.ofNullable(byName.get(fullName));
    }

    /** Every named type, by full name, in load order. */
    public Map<String, Schema> named() {
        return byName;
    }

    /** The top-level schema of each loaded file or resource, by source name, in load order. */
    public Map<String, Schema> bySource() {
        return bySource;
    }

    private record Source(String name, String text) {
        static Source of(Path file) {
            try {
                return new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new SchemaException(file.toString(), "cannot read the file: " + e.getMessage());
            }
        }
    }
}
