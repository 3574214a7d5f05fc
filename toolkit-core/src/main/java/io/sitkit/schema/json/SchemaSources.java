package io.sitkit.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;
import io.sitkit.schema.SchemaException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the documents of one schema load: the schema's own file and the files its {@code $ref}s
 * name, from {@code file:} and {@code classpath:/} IRIs only (never the network). Each document is
 * read and checked once; a missing or malformed one is a {@link SchemaException} naming it.
 *
 * <p>Thread-safety: safe for concurrent use (a concurrent cache), though one load uses it from one thread.
 */
final class SchemaSources implements ResourceLoader {
    static final String CLASSPATH = "classpath:";

    private final ClassLoader classLoader;
    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();

    SchemaSources(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** The IRI of a classpath resource: {@code classpath:/schemas/order.json}. */
    static String classpathIri(String name) {
        return CLASSPATH + "/" + stripSlashes(name);
    }

    /** Whether this reader serves the IRI: a {@code file:} or {@code classpath:/} IRI. */
    static boolean serves(String iri) {
        return iri.startsWith("file:") || iri.startsWith(CLASSPATH + "/");
    }

    /** The IRI without fragment, {@code ..} resolved, files in the form {@code file:///…}. */
    static String canonical(String iri) {
        int hash = iri.indexOf('#');
        String base = hash < 0 ? iri : iri.substring(0, hash);
        if (base.startsWith("file:")) {
            return Path.of(URI.create(base)).normalize().toUri().toString();
        }
        if (base.startsWith(CLASSPATH)) {
            return CLASSPATH + "/" + stripSlashes(URI.create("/" + stripSlashes(base.substring(CLASSPATH.length())))
                    .normalize().getPath());
        }
        return base;
    }

    /** How errors name the document: the file path, or {@code classpath:name}. */
    static String sourceName(String iri) {
        String c = canonical(iri);
        if (c.startsWith("file:")) {
            return Path.of(URI.create(c)).toString();
        }
        if (c.startsWith(CLASSPATH)) {
            return CLASSPATH + stripSlashes(c.substring(CLASSPATH.length()));
        }
        return c;
    }

    /** The parsed document at the IRI (fragment ignored). @throws SchemaException naming it */
    JsonNode document(String iri) {
        String key = canonical(iri);
        JsonNode cached = documents.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode parsed = JsonText.readSchema(sourceName(key), bytes(key));
        documents.put(key, parsed);
        return parsed;
    }

    /** The raw bytes at the IRI. @throws SchemaException when it cannot be read */
    byte[] bytes(String iri) {
        String key = canonical(iri);
        byte[] cached = bytes.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] read = read(key);
        bytes.put(key, read);
        return read;
    }

    @Override
    public InputStreamSource getResource(AbsoluteIri iri) {
        String text = iri.toString();
        if (!serves(text)) {
            return null;
        }
        document(text);
        byte[] content = bytes(text);
        return () -> new ByteArrayInputStream(content);
    }

    private byte[] read(String canonicalIri) {
        String source = sourceName(canonicalIri);
        if (canonicalIri.startsWith("file:")) {
            Path file = Path.of(URI.create(canonicalIri));
            try {
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new SchemaException(source, 0, 0, "no such file", e);
            } catch (IOException e) {
                throw new SchemaException(source, 0, 0, "cannot read: " + e, e);
            }
        }
        if (canonicalIri.startsWith(CLASSPATH)) {
            String name = stripSlashes(canonicalIri.substring(CLASSPATH.length()));
            try (InputStream in = classLoader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new SchemaException(source, 0, 0, "no such classpath resource", null);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new SchemaException(source, 0, 0, "cannot read: " + e, e);
            }
        }
        throw new SchemaException(source, 0, 0,
                "only files and classpath resources are read, never the network; keep the referenced schema beside this one", null);
    }

    private static String stripSlashes(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '/') {
            i++;
        }
        return name.substring(i);
    }
}
