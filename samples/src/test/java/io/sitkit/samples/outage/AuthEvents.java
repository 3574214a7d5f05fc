package io.sitkit.samples.outage;

import io.sitkit.contract.Contract;
import io.sitkit.contract.ContractSchema;
import io.sitkit.contract.Contracts;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.json.JsonSchemaValidator;
import io.sitkit.schema.json.JsonSchemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The auth-events channel as the outage suites see it: its destinations, schemas and contract (test resources under {@code outage/}). */
final class AuthEvents {
    static final String AUTH_EVENTS = "kafka:auth-events";
    static final String SUBSCRIPTIONS = "jms:queue:billing.subscriptions";

    private AuthEvents() {
    }

    /** The auth-events contract: auth's v1 schema, and billing as a consumer that forbids unknown fields. */
    static Contract contract() {
        return Contracts.loadOne(resource("outage/contracts/user-signed-up.yaml"));
    }

    /** The schema auth publishes with {@code release}, for the compatibility check. */
    static JsonSchemaValidator schema(AuthRelease release) {
        return JsonSchemas.fromResource(schemaFile(release));
    }

    /** The same schema as a contract sees a producer's candidate. */
    static ContractSchema candidate(AuthRelease release) {
        Path file = resource(schemaFile(release));
        try {
            return new ContractSchema(SchemaFormat.JSON_SCHEMA, Files.readString(file), file.getFileName().toString(),
                    ContractSchema.Encoding.PLAIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String schemaFile(AuthRelease release) {
        return "outage/schemas/user-signed-up." + release.name().toLowerCase(Locale.ROOT) + ".schema.json";
    }

    private static Path resource(String name) {
        try {
            return Path.of(AuthEvents.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
