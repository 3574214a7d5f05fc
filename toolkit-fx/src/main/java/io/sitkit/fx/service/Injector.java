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

/**
 * Sends what the inject dialog composed: renders templates (the core's {@code io.sitkit.template}
 * engine, each copy anew), checks JSON, encodes Avro from its JSON view with the schema the
 * connection looks up by id and frames it in the Confluent wire format — all before the first
 * message goes out, so a bad copy 7 does not leave six sent. Publishing goes through the
 * connection's bus, so a protected environment refuses it and every sent message is audited.
 *
 * <pre>{@code
 * Injector injector = new Injector(connection);
 * List<OutgoingMessage> checked = injector.prepare(request);       // validate only
 * List<PublishResult> sent = injector.send(request);               // validate, then publish
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
        AvroCodec codec = r.format() == InjectRequest.Format.AVRO ? codec(r.schemaId()) : null;
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
                        body = ConfluentWireFormat.frame(r.schemaId(), codec.encodeJson(text));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(where + "does not fit Avro schema " + codec.schema().getFullName()
                                + " (id " + r.schemaId() + "): " + e.getMessage(), e);
                    }
                } else {
                    body = text.getBytes(StandardCharsets.UTF_8);
                }
            }
            OutgoingMessage m = codec == null && r.format() != InjectRequest.Format.AVRO
                    ? OutgoingMessage.text(r.destination(), new String(body, StandardCharsets.UTF_8))
                    : OutgoingMessage.bytes(r.destination(), body);
            if (r.key() != null) {
                m = m.withKey(key == null ? r.key() : key.render(context));
            }
            for (Map.Entry<String, String> h : r.headers()) {
                m = m.withHeader(h.getKey(), h.getValue());
            }
            out.add(m);
        }
        return out;
    }

    /** Prepares every copy, then publishes them in order; returns where each went. */
    public List<PublishResult> send(InjectRequest r) {
        List<OutgoingMessage> messages = prepare(r);
        connection.protection().checkWrite("inject into", r.destination());
        List<PublishResult> results = new ArrayList<>(messages.size());
        for (OutgoingMessage m : messages) {
            results.add(connection.bus().publish(m));
        }
        return results;
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
