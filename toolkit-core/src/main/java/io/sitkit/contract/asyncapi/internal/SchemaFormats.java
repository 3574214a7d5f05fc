package io.sitkit.contract.asyncapi.internal;

import io.sitkit.schema.SchemaFormat;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads AsyncAPI {@code schemaFormat} media types: the AsyncAPI schema object and JSON Schema
 * ({@code application/vnd.aai.asyncapi+json;version=3.0.0}, {@code application/schema+json;version=draft-07})
 * are JSON Schema; {@code application/vnd.apache.avro;version=1.9.0} and its {@code +json}/{@code +yaml}
 * forms are Avro. Anything else (Protobuf, RAML, OpenAPI) is not read.
 *
 * <pre>{@code
 * Optional<SchemaFormat> avro = SchemaFormats.of("application/vnd.apache.avro+json;version=1.9.0");
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class SchemaFormats {
    private SchemaFormats() {
    }

    /** The format a media type names; empty when sitkit does not read it. */
    public static Optional<SchemaFormat> of(String mediaType) {
        String type = mediaType.strip().toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        String base = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        switch (base) {
            case "application/vnd.aai.asyncapi", "application/vnd.aai.asyncapi+json",
                 "application/vnd.aai.asyncapi+yaml", "application/schema+json", "application/schema+yaml":
                return Optional.of(SchemaFormat.JSON_SCHEMA);
            case "application/vnd.apache.avro", "application/vnd.apache.avro+json",
                 "application/vnd.apache.avro+yaml":
                return Optional.of(SchemaFormat.AVRO);
            default:
                return Optional.empty();
        }
    }
}
