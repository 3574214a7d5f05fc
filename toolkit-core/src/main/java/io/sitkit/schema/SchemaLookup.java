package io.sitkit.schema;

/**
 * Finds a schema by the global id carried in a message (Confluent wire format or a header).
 * The registry client implements it with a cache; tests can pass a lambda over a map.
 *
 * <pre>{@code
 * SchemaLookup lookup = registryClient;             // or: id -> knownSchemas.get(id)
 * RegisteredSchema s = lookup.schemaById(7);
 * }</pre>
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface SchemaLookup {
    /**
     * @throws io.sitkit.core.SitkitException naming the id when the schema is unknown or the
     *                                        registry cannot be reached
     */
    RegisteredSchema schemaById(int id);
}
