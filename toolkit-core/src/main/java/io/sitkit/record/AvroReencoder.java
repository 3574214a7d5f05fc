package io.sitkit.record;

import io.sitkit.core.Destination;
import io.sitkit.core.SitkitException;
import io.sitkit.schema.SchemaLookup;
import io.sitkit.schema.avro.ConfluentWireFormat;
import io.sitkit.schema.registry.SchemaRegistryClient;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Rewrites the schema id of Confluent-framed payloads for a target registry: the schema is taken
 * from the recording's schema lines (or the source registry), registered in the target under the
 * target destination's subject, and the frame gets the target's id; the Avro body is unchanged.
 *
 * <p>Thread-safety: confined to the replay's thread.
 */
final class AvroReencoder {
    private final SchemaRegistryClient target;
    private final SchemaLookup source;
    private final BiFunction<Destination, RecordedSchema, String> subjects;
    private final Map<Integer, RecordedSchema> recorded = new HashMap<>();
    private final Map<String, Integer> targetIds = new HashMap<>();

    AvroReencoder(SchemaRegistryClient target, SchemaLookup source, BiFunction<Destination, RecordedSchema, String> subjects) {
        this.target = target;
        this.source = source;
        this.subjects = subjects;
    }

    /** A schema line of the recording. */
    void remember(RecordedSchema schema) {
        recorded.put(schema.id(), schema);
    }

    /** How many schemas were registered in the target. */
    int registered() {
        return targetIds.size();
    }

    /**
     * The payload framed with the target's id, or the payload itself when it is not framed (or is
     * framed with an id nobody knows and the line did not say it was framed).
     *
     * @throws IllegalStateException saying what is missing or what the target registry answered
     */
    byte[] reencode(CaptureFileReader.Entry entry, Destination to) {
        byte[] payload = entry.message().payload();
        if (!ConfluentWireFormat.looksFramed(payload)) {
            if (entry.schemaId() != null) {
                throw new IllegalStateException("the line says the payload is framed with schema id " + entry.schemaId()
                        + ", but it does not start with a Confluent frame");
            }
            return payload;
        }
        int id = ByteBuffer.wrap(payload, 1, 4).getInt();
        RecordedSchema schema = schema(id, entry);
        if (schema == null) {
            return payload;
        }
        String subject = subjects.apply(to, schema);
        Integer targetId = targetIds.get(subject + "\u0000" + id);
        if (targetId == null) {
            try {
                targetId = target.register(subject, schema.format(), schema.text());
            } catch (SitkitException e) {
                throw new IllegalStateException("cannot register schema " + id + " under " + subject + " in the target registry "
                        + target.settings().url() + ": " + e.getMessage(), e);
            }
            targetIds.put(subject + "\u0000" + id, targetId);
        }
        if (targetId == id) {
            return payload;
        }
        byte[] out = payload.clone();
        ByteBuffer.wrap(out, 1, 4).putInt(targetId);
        return out;
    }

    private RecordedSchema schema(int id, CaptureFileReader.Entry entry) {
        RecordedSchema schema = recorded.get(id);
        if (schema != null) {
            return schema;
        }
        if (source != null) {
            try {
                schema = RecordedSchema.of(source.schemaById(id));
                recorded.put(id, schema);
                return schema;
            } catch (SitkitException e) {
                if (entry.schemaId() != null) {
                    throw new IllegalStateException("schema id " + id + " of " + entry.message().destination()
                            + " is not in the recording and the source registry says: " + e.getMessage(), e);
                }
                return null;
            }
        }
        if (entry.schemaId() != null) {
            throw new IllegalStateException("schema id " + id + " of " + entry.message().destination() + " is not in the recording"
                    + " (no schema line before it); give the source registry: reencodingAvro(target, sourceRegistry)");
        }
        return null;
    }
}
