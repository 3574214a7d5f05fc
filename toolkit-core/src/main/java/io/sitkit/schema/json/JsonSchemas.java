package io.sitkit.schema.json;

import io.sitkit.schema.SchemaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads JSON Schemas (draft 2020-12 or draft 7, chosen by {@code $schema}; 2020-12 when absent)
 * from a file, a classpath resource or a string. {@code $ref}s to other files resolve relative to
 * the schema's own file or resource; nothing is ever fetched from the network.
 *
 * <pre>{@code
 * JsonSchemaValidator orders = JsonSchemas.fromFile(Path.of("schemas/order-placed.json"));
 * List<JsonViolation> violations = orders.validate(message.payload());
 * assertThat(violations).isEmpty();
 * }</pre>
 *
 * <p>A document that is not JSON, names an unsupported {@code $schema}, breaks its meta-schema
 * (a misspelt type, a string where a number belongs) or references a missing file fails at load
 * with a {@link SchemaException} naming the file, line and column.
 *
 * <p>Thread-safety: stateless; each call loads independently, and the validators are immutable.
 */
public final class JsonSchemas {
    private JsonSchemas() {
    }

    /** Loads the schema in a file. @throws SchemaException naming the file, line and column */
    public static JsonSchemaValidator fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath().normalize();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(absolute);
        } catch (NoSuchFileException e) {
            throw new SchemaException(file.toString(), 0, 0, "no such file", e);
        } catch (IOException e) {
            throw new SchemaException(file.toString(), 0, 0, "cannot read: " + e, e);
        }
        return SchemaLoading.load(absolute.toUri().toString(), file.toString(), bytes, classLoader());
    }

    /**
     * Loads a schema from the classpath, e.g. {@code "schemas/json/order-placed-v1.json"}.
     *
     * @throws SchemaException naming {@code classpath:<name>}, the line and the column
     */
    public static JsonSchemaValidator fromResource(String name) {
        Objects.requireNonNull(name, "name");
        String iri = SchemaSources.classpathIri(name);
        String source = SchemaSources.sourceName(iri);
        ClassLoader loader = classLoader();
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(source.substring(SchemaSources.CLASSPATH.length()))) {
            if (in == null) {
                throw new SchemaException(source, 0, 0, "no such classpath resource", null);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new SchemaException(source, 0, 0, "cannot read: " + e, e);
        }
        return SchemaLoading.load(iri, source, bytes, loader);
    }

    /**
     * Loads a schema given as text. It has no location, so its {@code $ref}s can only point inside
     * it ({@code #/$defs/money}).
     *
     * @throws SchemaException naming "inline", the line and the column
     */
    public static JsonSchemaValidator fromString(String schema) {
        Objects.requireNonNull(schema, "schema");
        return SchemaLoading.load(null, "inline", schema.getBytes(StandardCharsets.UTF_8), classLoader());
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : JsonSchemas.class.getClassLoader();
    }
}
