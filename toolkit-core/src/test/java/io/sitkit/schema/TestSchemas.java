package io.sitkit.schema;

import io.sitkit.schema.json.JsonSchemaValidator;
import io.sitkit.schema.json.JsonSchemas;
import org.apache.avro.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Test support: the sample-domain schemas under {@code src/test/resources/schemas/}, several
 * versions each.
 */
public final class TestSchemas {
    /** The domains, each with versions v1..v3, as Avro ({@code avro/<name>-vN.avsc}) and JSON ({@code json/<name>-vN.json}). */
    public static final List<String> DOMAINS = List.of("order-placed", "payment-authorized", "patient-registered");
    public static final int VERSIONS = 3;

    private TestSchemas() {
    }

    /** {@code avro("order-placed-v1")}. */
    public static Schema avro(String name) {
        String resource = "schemas/avro/" + name + ".avsc";
        try (InputStream in = TestSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test schema " + resource);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code json("order-placed-v1")}, loaded from the classpath. */
    public static JsonSchemaValidator json(String name) {
        return JsonSchemas.fromResource("schemas/json/" + name + ".json");
    }

    /** The file of a test resource, e.g. {@code file("schemas/json/order-placed-v1.json")}. */
    public static Path file(String resource) {
        try {
            return Path.of(TestSchemas.class.getClassLoader().getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
