package io.sitkit.contract.asyncapi;

import io.sitkit.contract.asyncapi.internal.AsyncApiReader;
import io.sitkit.schema.SchemaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Imports AsyncAPI 2.x (2.6) and 3.x (3.0) documents, YAML or JSON, into sitkit
 * {@link io.sitkit.contract.Contract}s and an {@link IntegrationInventory}.
 *
 * <pre>{@code
 * AsyncApiImport shop = AsyncApi.read(Path.of("src/test/resources/asyncapi/shop-3.0.yaml"));
 * Contract placed = shop.contract("orders.orderPlaced").orElseThrow();
 * List<IntegrationPoint> onOrders = shop.inventory().at(Destination.kafka("shop.orders.v1"));
 * }</pre>
 *
 * <p>{@code $ref}s are followed within the document and to local files relative to the file that
 * refers; schemas come out fully resolved. What cannot be mapped (a channel on another protocol, a
 * schema format other than JSON Schema and Avro) is skipped and reported in
 * {@link AsyncApiImport#warnings()}; what is broken (unparseable text, a missing {@code $ref}
 * target, an unsupported version) fails with a {@link SchemaException} naming the file and place.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class AsyncApi {
    private static final String INLINE = "inline AsyncAPI document";

    private AsyncApi() {
    }

    /**
     * Reads a document file; relative references start from its directory.
     *
     * @throws SchemaException when the file cannot be read or the document cannot be imported
     */
    public static AsyncApiImport read(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        String text;
        try {
            text = Files.readString(absolute);
        } catch (NoSuchFileException e) {
            throw new SchemaException(file.toString(), 0, 0, "no such file", e);
        } catch (CharacterCodingException e) {
            throw new SchemaException(file.toString(), 0, 0, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new SchemaException(file.toString(), 0, 0, "cannot be read: " + e, e);
        }
        return AsyncApiReader.read(text, name, absolute.getParent(), absolute);
    }

    /**
     * Reads a document from a stream (UTF-8; the stream is not closed).
     *
     * @param baseDirectory where relative file references start
     */
    public static AsyncApiImport read(InputStream in, Path baseDirectory) {
        Objects.requireNonNull(in, "in");
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), baseDirectory);
        } catch (IOException e) {
            throw new SchemaException(INLINE, 0, 0, "cannot be read: " + e, e);
        }
    }

    /**
     * Reads a document given as text; it is named "inline AsyncAPI document" in messages.
     *
     * @param baseDirectory where relative file references start
     */
    public static AsyncApiImport parse(String text, Path baseDirectory) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        return AsyncApiReader.read(text, INLINE, baseDirectory, null);
    }
}
