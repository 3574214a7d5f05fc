package io.sitkit.record;

import io.sitkit.core.Message;
import io.sitkit.core.SitkitException;
import io.sitkit.schema.SchemaLookup;
import io.sitkit.schema.avro.ConfluentWireFormat;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recorder's view of schema ids: which Confluent-framed payloads have a schema the lookup
 * knows, each id looked up once (a miss too).
 *
 * <p>Thread-safety: thread-safe; two threads may look up the same new id at once (the registry
 * client caches, so that costs at most one request more).
 */
final class SchemaIds {
    /** An id with what the lookup said: the schema, or why it has none. */
    record Lookup(int id, RecordedSchema schema, String problem) {
    }

    private final SchemaLookup lookup;
    private final ConcurrentHashMap<Integer, Lookup> known = new ConcurrentHashMap<>();

    SchemaIds(SchemaLookup lookup) {
        this.lookup = lookup;
    }

    /** The id of a framed payload and its schema lookup; empty when there is no lookup or the payload is not framed. */
    Optional<Lookup> of(Message m) {
        if (lookup == null) {
            return Optional.empty();
        }
        byte[] payload = m.payload();
        if (!ConfluentWireFormat.looksFramed(payload)) {
            return Optional.empty();
        }
        int id = ByteBuffer.wrap(payload, 1, 4).getInt();
        if (id < 0) {
            return Optional.empty();
        }
        Lookup found = known.get(id);
        if (found == null) {
            try {
                found = new Lookup(id, RecordedSchema.of(lookup.schemaById(id)), null);
            } catch (SitkitException | IllegalArgumentException e) {
                found = new Lookup(id, null, "schema id " + id + " of " + m.position() + " not found: " + e.getMessage());
            }
            Lookup raced = known.putIfAbsent(id, found);
            found = raced != null ? raced : found;
        }
        return Optional.of(found);
    }
}
