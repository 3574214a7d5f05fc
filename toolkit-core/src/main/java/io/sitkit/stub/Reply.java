package io.sitkit.stub;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.ConfluentWireFormat;
import io.sitkit.template.Template;
import io.sitkit.template.TemplateContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a stub answers with: a body template, and optionally a key, headers, its own destination,
 * a delay and an Avro encoding. Every part is a {@link Template} over the request.
 *
 * <pre>{@code
 * Reply approved = Reply.json("""
 *         {"paymentId": "{{ uuid() }}", "orderId": "{{ $.orderId }}", "status": "APPROVED"}""")
 *     .withHeader("payment-status", "APPROVED")
 *     .withKey("{{ $.orderId }}");
 * Reply asAvro = Reply.file(Path.of("payment-result.json")).asConfluentAvro(codec, 7);
 * }</pre>
 *
 * <p>Without {@link #withKey}, the reply carries the request's key. Thread-safety: immutable.
 */
public final class Reply {
    private final Template body;
    private final Template key;
    private final Map<String, Template> headers;
    private final Destination to;
    private final Duration delay;
    private final AvroCodec codec;
    private final Integer schemaId;
    private final boolean silent;

    private Reply(Template body, Template key, Map<String, Template> headers, Destination to, Duration delay,
                  AvroCodec codec, Integer schemaId, boolean silent) {
        this.body = body;
        this.key = key;
        this.headers = Map.copyOf(headers);
        this.to = to;
        this.delay = delay;
        this.codec = codec;
        this.schemaId = schemaId;
        this.silent = silent;
    }

    private static Reply of(Template body) {
        return new Reply(Objects.requireNonNull(body, "body"), null, Map.of(), null, Duration.ZERO, null, null, false);
    }

    /** A JSON reply given inline (the rendered text must be valid JSON). */
    public static Reply json(String template) {
        return of(Template.json("inline reply", template));
    }

    /** A text reply given inline. */
    public static Reply text(String template) {
        return of(Template.text("inline reply", template));
    }

    /** A reply from a prepared template. */
    public static Reply template(Template template) {
        return of(template);
    }

    /** A reply template read from a file (JSON when the file name ends in {@code .json}). */
    public static Reply file(Path file) {
        return of(Template.load(file));
    }

    /** No answer: the request is taken and recorded, nothing is sent (a one-way consumer, or a timeout to provoke). */
    public static Reply none() {
        return new Reply(null, null, Map.of(), null, Duration.ZERO, null, null, true);
    }

    /** The reply's key, a template over the request ({@code "{{ $.orderId }}"}). */
    public Reply withKey(String template) {
        return new Reply(body, Template.text("reply key", template), headers, to, delay, codec, schemaId, silent);
    }

    /** A header (JMS property) of the reply; its value is a template over the request. */
    public Reply withHeader(String name, String template) {
        Map<String, Template> h = new LinkedHashMap<>(headers);
        h.put(name, Template.text("reply header '" + name + "'", template));
        return new Reply(body, key, h, to, delay, codec, schemaId, silent);
    }

    /** Sends this reply to {@code address}, whatever the request's reply address and the stub's default. */
    public Reply to(String address) {
        return new Reply(body, key, headers, Destination.parse(address), delay, codec, schemaId, silent);
    }

    /** Answers {@code delay} after the request arrived (a service's processing time), without holding the stub. */
    public Reply after(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("reply delay must be >= 0, was " + delay);
        }
        return new Reply(body, key, headers, to, delay, codec, schemaId, silent);
    }

    /** Encodes the rendered JSON as plain Avro binary with {@code codec}. */
    public Reply asAvro(AvroCodec codec) {
        return new Reply(body, key, headers, to, delay, Objects.requireNonNull(codec, "codec"), null, silent);
    }

    /** Encodes the rendered JSON as Avro in the Confluent wire format under registry id {@code schemaId}. */
    public Reply asConfluentAvro(AvroCodec codec, int schemaId) {
        return new Reply(body, key, headers, to, delay, Objects.requireNonNull(codec, "codec"), schemaId, silent);
    }

    /** The same reply with its own destination renamed (a test's isolated names). */
    Reply renamed(java.util.function.UnaryOperator<Destination> names) {
        return to == null ? this : new Reply(body, key, headers, names.apply(to), delay, codec, schemaId, silent);
    }

    /** Whether this reply sends nothing. */
    public boolean isNone() {
        return silent;
    }

    /** Where this reply goes regardless of the request, or null. */
    Destination fixedDestination() {
        return to;
    }

    Duration delay() {
        return delay;
    }

    /** Whether the reply names its own key (otherwise the request's is carried over). */
    boolean hasKey() {
        return key != null;
    }

    /**
     * Renders this reply for the request in {@code context}.
     *
     * @throws io.sitkit.template.TemplateException naming the template, line and expression
     */
    OutgoingMessage render(TemplateContext context, Destination destination) {
        byte[] payload;
        BodyType type = BodyType.TEXT;
        if (codec != null) {
            payload = body.renderAvro(context, codec);
            payload = schemaId == null ? payload : ConfluentWireFormat.frame(schemaId, payload);
            type = BodyType.BYTES;
        } else {
            payload = body.renderBytes(context);
        }
        Headers h = Headers.empty();
        for (Map.Entry<String, Template> e : headers.entrySet()) {
            h = h.with(Header.of(e.getKey(), e.getValue().render(context)));
        }
        OutgoingMessage out = new OutgoingMessage(destination, null, h, payload, type, null, null, null, null, null, null, null);
        return key == null ? out : out.withKey(key.render(context).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code reply from template 'payment-approved'}, for exchanges and failure messages. */
    public String describe() {
        if (silent) {
            return "no reply";
        }
        return "reply from template '" + body.name() + "'" + (to == null ? "" : " to " + to)
                + (delay.isZero() ? "" : " after " + delay.toMillis() + "ms")
                + (codec == null ? "" : schemaId == null ? " as Avro" : " as Confluent Avro (schema id " + schemaId + ")");
    }

    @Override
    public String toString() {
        return describe();
    }
}
