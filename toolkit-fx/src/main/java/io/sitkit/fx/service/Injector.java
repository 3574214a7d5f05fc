package io.sitkit.fx.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.SchemaLookup;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.AvroSchemas;
import io.sitkit.schema.avro.ConfluentWireFormat;
import io.sitkit.template.Template;
import io.sitkit.template.TemplateContext;
import org.apache.avro.Schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Sends what the inject dialog composed: renders templates (the core's {@code io.sitkit.template}
 * engine, each copy anew), checks JSON, encodes Avro from its JSON view with the schema the
 * connection looks up by id and frames it in the Confluent wire format (or plain, with a chosen
 * {@code .avsc}), and checks every copy against a JSON Schema, Avro schema or contract when one is
 * chosen ({@link InjectSchema}) — all before the first message goes out, so a bad copy 7 does not
 * leave six sent. Copies go out as fast as the broker takes them or at a rate, cancellable. Publishing goes through the
 * connection ({@link Connection#inject}: its bus, or a running session's recorder), so a protected environment refuses
 * it and every sent message is audited.
 *
 * <pre>{@code
 * Injector injector = new Injector(connection);
 * List<OutgoingMessage> checked = injector.prepare(request);       // validate only
 * List<PublishResult> sent = injector.send(request);               // validate, then publish
 * Injector.Sent paced = injector.send(request.withCopies(100).atRate(10), n -> { }, stop::get);   // 10 a second, cancellable
 * }</pre>
 *
 * <p>Thread-safety: thread-safe; {@link #send} blocks on the broker.
 */
public final class Injector {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;

    public Injector(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Renders and encodes every copy without sending anything.
     *
     * @throws IllegalArgumentException saying what is wrong with which copy (template error, invalid
     *                                  JSON, a value the Avro schema refuses, an unknown schema id)
     */
    public List<OutgoingMessage> prepare(InjectRequest r) {
        Template payload = r.template() ? (r.format() == InjectRequest.Format.TEXT ? Template.text("payload", r.payload())
                : Template.json("payload", r.payload())) : null;
        Template key = r.template() && r.key() != null ? Template.text("key", r.key()) : null;
        AvroCodec codec = r.format() == InjectRequest.Format.AVRO ? codec(r.schemaId())
                : r.format() == InjectRequest.Format.AVRO_PLAIN ? AvroCodec.of(r.check().avro().orElseThrow()) : null;
        boolean framed = r.format() == InjectRequest.Format.AVRO;
        TemplateContext context = TemplateContext.seeded(System.nanoTime());
        List<OutgoingMessage> out = new ArrayList<>(r.copies());
        for (int copy = 1; copy <= r.copies(); copy++) {
            String where = r.copies() == 1 ? "" : "copy " + copy + ": ";
            String text;
            try {
                text = payload == null ? r.payload() : payload.render(context);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            byte[] body;
            if (r.format() == InjectRequest.Format.TEXT) {
                body = text.getBytes(StandardCharsets.UTF_8);
            } else {
                try {
                    JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(where + "the payload is not valid JSON: " + e.getOriginalMessage()
                            + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
                }
                if (codec != null) {
                    try {
                        body = framed ? ConfluentWireFormat.frame(r.schemaId(), codec.encodeJson(text)) : codec.encodeJson(text);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(where + "does not fit Avro schema " + codec.schema().getFullName()
                                + (framed ? " (id " + r.schemaId() + ")" : "") + ": " + e.getMessage(), e);
                    }
                } else {
                    body = text.getBytes(StandardCharsets.UTF_8);
                }
            }
            OutgoingMessage m = codec == null
                    ? OutgoingMessage.text(r.destination(), new String(body, StandardCharsets.UTF_8))
                    : OutgoingMessage.bytes(r.destination(), body);
            if (r.key() != null) {
                m = m.withKey(key == null ? r.key() : key.render(context));
            }
            for (Map.Entry<String, String> h : r.headers()) {
                m = m.withHeader(h.getKey(), h.getValue());
            }
            if (r.check() != null) {
                List<String> problems = r.check().violations(m);
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException(where + "does not conform to " + r.check().describe() + ": "
                            + String.join("; ", problems));
                }
            }
            out.add(m);
        }
        return out;
    }

    /** Prepares every copy, then publishes them in order; returns where each went. */
    public List<PublishResult> send(InjectRequest r) {
        return send(r, n -> { }, () -> false).sent();
    }

    /**
     * What a send did.
     *
     * @param sent      where each sent message went, in order
     * @param total     how many copies were prepared
     * @param cancelled whether it stopped before the last
     */
    public record Sent(List<PublishResult> sent, int total, boolean cancelled) {
    }

    /**
     * Prepares and checks every copy, then publishes them in order — at {@link InjectRequest#rate()}
     * messages a second when it is set — telling {@code progress} how many went, and stopping when
     * {@code cancelled} says so.
     *
     * @throws io.sitkit.core.ProtectedEnvironmentException when the connection is locked (nothing is sent)
     */
    public Sent send(InjectRequest r, IntConsumer progress, BooleanSupplier cancelled) {
        List<OutgoingMessage> messages = prepare(r);
        connection.protection().checkWrite("inject into", r.destination());
        List<PublishResult> results = new ArrayList<>(messages.size());
        long t0 = System.nanoTime();
        for (int i = 0; i < messages.size(); i++) {
            if (r.rate() > 0) {
                long due = t0 + (long) (i * 1e9 / r.rate());
                // paced, not waiting for something: park until this copy's slot, looking up for a cancel now and then
                for (long left = due - System.nanoTime(); left > 0 && !cancelled.getAsBoolean(); left = due - System.nanoTime()) {
                    LockSupport.parkNanos(Math.min(left, 50_000_000L));
                }
            }
            if (cancelled.getAsBoolean()) {
                return new Sent(results, messages.size(), true);
            }
            results.add(connection.inject(messages.get(i)));
            progress.accept(results.size());
        }
        return new Sent(results, messages.size(), false);
    }

    private AvroCodec codec(int schemaId) {
        SchemaLookup lookup = connection.schemas().orElseThrow(() -> new IllegalArgumentException(
                "this connection has no schema registry to look schema id " + schemaId + " up in;"
                        + " set sitkit.schema-registry.url on the profile"));
        RegisteredSchema found;
        try {
            found = lookup.schemaById(schemaId);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("schema id " + schemaId + " could not be looked up: " + e.getMessage(), e);
        }
        if (found == null) {
            throw new IllegalArgumentException("unknown schema id " + schemaId);
        }
        if (found.format() != SchemaFormat.AVRO) {
            throw new IllegalArgumentException("schema id " + schemaId + " is " + found.format() + ", not Avro");
        }
        Schema schema = AvroSchemas.parseOne("schema id " + schemaId, found.text());
        return AvroCodec.of(schema);
    }
}
