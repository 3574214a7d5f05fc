package io.sitkit.record;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.core.StartPosition;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.env.Bus;
import io.sitkit.redact.Redactor;
import io.sitkit.schema.SchemaLookup;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How to record a live session to a capture file: where, with which annotations, redaction,
 * schema ids and correlation keys, from where on. {@link #start} starts the {@link Recorder}.
 *
 * <pre>{@code
 * static final RecorderSpec SESSION = RecorderSpec.to(Path.of("target/sessions/checkout.jsonl"))
 *         .annotated("session", "checkout with a discount code")
 *         .withSchemas(registry)                  // schema ids and schemas of Confluent-framed payloads
 *         .correlatedBy(CorrelationRules.byDefault(KeySource.kafkaKey()));
 *
 * try (Recorder recorder = SESSION.redactedBy(Redactor.from(config)).start(bus, "kafka:orders", "jms:queue:payments")) {
 *     recorder.inject(OutgoingMessage.text("kafka:orders", order).withKey("o-1"));
 *     recorder.finding("the payment request has no currency");
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable; every {@code with…}/{@code …ed…} method returns a new spec, so a spec
 * can be a shared constant.
 */
public final class RecorderSpec {
    private final Path file;
    private final Map<String, String> annotations;
    private final Redactor redactor;
    private final SchemaLookup schemas;
    private final CorrelationRules correlation;
    private final StartPosition from;
    private final UnaryOperator<Destination> naming;

    private RecorderSpec(Path file, Map<String, String> annotations, Redactor redactor, SchemaLookup schemas,
                         CorrelationRules correlation, StartPosition from, UnaryOperator<Destination> naming) {
        this.file = file;
        this.annotations = annotations;
        this.redactor = redactor;
        this.schemas = schemas;
        this.correlation = correlation;
        this.from = from;
        this.naming = naming;
    }

    /** Records to {@code file} (replaced if it exists; missing directories are created), from now, unredacted. */
    public static RecorderSpec to(Path file) {
        return new RecorderSpec(Objects.requireNonNull(file, "file"), Map.of(), Redactor.none(), null, null,
                StartPosition.now(), UnaryOperator.identity());
    }

    /** Adds a header annotation (session name, tester, build, …). */
    public RecorderSpec annotated(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(annotations);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value of annotation " + name));
        return new RecorderSpec(file, java.util.Collections.unmodifiableMap(more), redactor, schemas, correlation, from, naming);
    }

    /** Masks secrets and sensitive fields in every line written (messages, notes, annotations). */
    public RecorderSpec redactedBy(Redactor redactor) {
        return new RecorderSpec(file, annotations, Objects.requireNonNull(redactor, "redactor"), schemas, correlation, from, naming);
    }

    /**
     * Looks up the schema of every Confluent-framed payload by its id (once per id) and writes it
     * into the recording as a {@link RecordedSchema} line before the first message that uses it;
     * those messages carry the id as {@code schemaId}. A replay can then re-register the schemas in
     * another registry without this one, and a comparison can decode the payloads.
     */
    public RecorderSpec withSchemas(SchemaLookup lookup) {
        return new RecorderSpec(file, annotations, redactor, Objects.requireNonNull(lookup, "lookup"), correlation, from, naming);
    }

    /**
     * Writes each message's correlation key under these rules, named by the rule's
     * {@link io.sitkit.correlate.KeySource#text()} ({@code "correlation":{"jsonPath:$.orderId":"o-1"}}).
     */
    public RecorderSpec correlatedBy(CorrelationRules rules) {
        return new RecorderSpec(file, annotations, redactor, schemas, Objects.requireNonNull(rules, "rules"), from, naming);
    }

    /**
     * Kafka destinations start at {@code start} (from the beginning, a timestamp) instead of now.
     * JMS destinations can only be recorded from now.
     */
    public RecorderSpec from(StartPosition start) {
        return new RecorderSpec(file, annotations, redactor, schemas, correlation, Objects.requireNonNull(start, "start"), naming);
    }

    /**
     * Writes destinations (and JMS reply-to addresses) as {@code asWritten} names them, e.g. a
     * test's logical addresses for its unique real names, so recordings of different runs compare.
     */
    public RecorderSpec writingNames(UnaryOperator<Destination> asWritten) {
        return new RecorderSpec(file, annotations, redactor, schemas, correlation, from, Objects.requireNonNull(asWritten, "asWritten"));
    }

    /** Starts recording these addresses on {@code bus}; returns once every destination is listening. */
    public Recorder start(Bus bus, String... addresses) {
        return start(bus, Arrays.stream(addresses).map(Destination::parse).toList());
    }

    /** Starts recording these destinations on {@code bus}, injecting through {@link Bus#publish}. */
    public Recorder start(Bus bus, Collection<Destination> destinations) {
        Objects.requireNonNull(bus, "bus");
        return start(bus, destinations, bus::publish);
    }

    /**
     * Starts recording, injecting through {@code publisher} — for wrappers that publish under other
     * names (a JUnit test's {@code SitBus}); the destinations here are the real ones.
     *
     * @throws IllegalArgumentException when no destination is given, or JMS destinations with a start other than now
     * @throws CaptureFileException     when the file cannot be created
     */
    public Recorder start(Bus bus, Collection<Destination> destinations, Function<OutgoingMessage, PublishResult> publisher) {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(publisher, "publisher");
        List<Destination> all = List.copyOf(new LinkedHashSet<>(destinations));
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a recording needs at least one destination to watch, e.g. start(bus, \"kafka:orders\")");
        }
        List<Destination> jms = all.stream().filter(Destination::isJms).toList();
        if (!jms.isEmpty() && !(from instanceof StartPosition.Now)) {
            throw new IllegalArgumentException("JMS destinations " + jms + " can only be recorded from now, not from " + from
                    + "; record them with a second RecorderSpec");
        }
        return Recorder.start(this, bus, all, publisher);
    }

    Path file() {
        return file;
    }

    Map<String, String> annotations() {
        return annotations;
    }

    /** The redactor lines pass through ({@link Redactor#none()} unless set). */
    public Redactor redactor() {
        return redactor;
    }

    SchemaLookup schemas() {
        return schemas;
    }

    CorrelationRules correlation() {
        return correlation;
    }

    StartPosition startPosition() {
        return from;
    }

    UnaryOperator<Destination> naming() {
        return naming;
    }

    @Override
    public String toString() {
        return "RecorderSpec{" + file + ", from " + from + (schemas == null ? "" : ", with schemas")
                + (correlation == null ? "" : ", " + correlation) + ", " + redactor + "}";
    }
}
