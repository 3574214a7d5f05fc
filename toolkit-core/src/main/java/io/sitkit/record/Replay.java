package io.sitkit.record;

import io.sitkit.core.Destination;
import io.sitkit.env.Bus;
import io.sitkit.schema.SchemaLookup;
import io.sitkit.schema.registry.SchemaRegistryClient;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * How to replay a recording into an environment: at the original pace (scaled) or as fast as the
 * target takes it, which message lines, to which destinations, with which keys, and whether to
 * re-encode Confluent-framed Avro for the target's schema registry. The file is read line by line
 * as messages go out, with a bounded number in flight, so a replay of millions of messages needs
 * no more memory than a few thousand.
 *
 * <pre>{@code
 * ReplayResult r = Replay.of(Path.of("src/test/resources/golden/checkout.jsonl"))
 *         .only(Replay.INJECTED)                                 // what the session sent; the system does the rest
 *         .mapDestination("kafka:orders", "kafka:orders.staging")
 *         .mapKeys(k -> "replay-" + k)
 *         .reencodingAvro(stagingRegistry)                       // schemas from the recording, ids of the target
 *         .atSpeed(2.0)                                          // twice the recorded pace
 *         .into(stagingBus);
 * }</pre>
 *
 * <p>Messages go out in file order, each with the recording's key, headers (JMS property types
 * kept), payload and JMS correlation id, reply-to (mapped like destinations), type, priority and
 * delivery mode; the brokers give them new offsets, message ids and timestamps. Errors name the
 * file and line and say how many messages were sent before: a line that cannot be read, a
 * destination without a mapping ({@link #onlyMappedDestinations()}), a schema missing from the
 * recording, an unreachable target.
 *
 * <p>Thread-safety: immutable; every method that configures returns a new instance.
 */
public final class Replay {
    /** The message lines the recording session injected itself. */
    public static final Predicate<CaptureFileReader.Entry> INJECTED = CaptureFileReader.Entry::injected;
    /** The message lines the recording session observed. */
    public static final Predicate<CaptureFileReader.Entry> OBSERVED = e -> !e.injected();
    /** How many messages may wait for their acknowledgement at once, unless set. */
    public static final int DEFAULT_IN_FLIGHT = 1_000;

    final Path file;
    final double speed;
    final Predicate<CaptureFileReader.Entry> filter;
    final Map<Destination, Destination> destinations;
    final boolean onlyMapped;
    final UnaryOperator<String> keys;
    final SchemaRegistryClient targetRegistry;
    final SchemaLookup sourceRegistry;
    final BiFunction<Destination, RecordedSchema, String> subjects;
    final int inFlight;

    private Replay(Path file, double speed, Predicate<CaptureFileReader.Entry> filter, Map<Destination, Destination> destinations,
                   boolean onlyMapped, UnaryOperator<String> keys, SchemaRegistryClient targetRegistry, SchemaLookup sourceRegistry,
                   BiFunction<Destination, RecordedSchema, String> subjects, int inFlight) {
        this.file = file;
        this.speed = speed;
        this.filter = filter;
        this.destinations = destinations;
        this.onlyMapped = onlyMapped;
        this.keys = keys;
        this.targetRegistry = targetRegistry;
        this.sourceRegistry = sourceRegistry;
        this.subjects = subjects;
        this.inFlight = inFlight;
    }

    /** Every message line of {@code file}, as fast as possible, to the destinations as recorded. */
    public static Replay of(Path file) {
        return new Replay(Objects.requireNonNull(file, "file"), 0, e -> true, Map.of(), false, null, null, null,
                (to, schema) -> to.name() + "-value", DEFAULT_IN_FLIGHT);
    }

    private Replay copy(double speed, Predicate<CaptureFileReader.Entry> filter, Map<Destination, Destination> destinations,
                        boolean onlyMapped, UnaryOperator<String> keys, SchemaRegistryClient target, SchemaLookup source,
                        BiFunction<Destination, RecordedSchema, String> subjects, int inFlight) {
        return new Replay(file, speed, filter, destinations, onlyMapped, keys, target, source, subjects, inFlight);
    }

    /** Sends each message as soon as the one before is handed to the client (the default). */
    public Replay asFastAsPossible() {
        return copy(0, filter, destinations, onlyMapped, keys, targetRegistry, sourceRegistry, subjects, inFlight);
    }

    /** Keeps the recorded gaps between messages (by their capture times). */
    public Replay atOriginalPace() {
        return atSpeed(1.0);
    }

    /**
     * Keeps the recorded gaps divided by {@code factor}: 2.0 replays twice as fast, 0.5 at half speed.
     *
     * @throws IllegalArgumentException when {@code factor} is not a positive finite number
     */
    public Replay atSpeed(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("replay speed must be a positive factor (1.0 = the recorded pace), was " + factor);
        }
        return copy(factor, filter, destinations, onlyMapped, keys, targetRegistry, sourceRegistry, subjects, inFlight);
    }

    /** Only the message lines {@code which} accepts (e.g. {@link #INJECTED}); combined with earlier filters. */
    public Replay only(Predicate<CaptureFileReader.Entry> which) {
        Objects.requireNonNull(which, "which");
        return copy(speed, filter.and(which), destinations, onlyMapped, keys, targetRegistry, sourceRegistry, subjects, inFlight);
    }

    /** Messages recorded on {@code from} (an address) go to {@code to}; so do JMS reply-to addresses. */
    public Replay mapDestination(String from, String to) {
        return mapDestination(Destination.parse(from), Destination.parse(to));
    }

    /** Messages recorded on {@code from} go to {@code to}; so do JMS reply-to addresses. */
    public Replay mapDestination(Destination from, Destination to) {
        Map<Destination, Destination> more = new LinkedHashMap<>(destinations);
        more.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
        return copy(speed, filter, java.util.Collections.unmodifiableMap(more), onlyMapped, keys, targetRegistry, sourceRegistry,
                subjects, inFlight);
    }

    /**
     * Every destination a replayed message was recorded on must have a mapping: a message on any
     * other stops the replay with an error naming it, instead of going to the recorded name (the
     * guard for replaying into a shared environment).
     */
    public Replay onlyMappedDestinations() {
        return copy(speed, filter, destinations, true, keys, targetRegistry, sourceRegistry, subjects, inFlight);
    }

    /** Replaces UTF-8 keys through {@code mapping} (after earlier key mappings); other keys are kept. */
    public Replay mapKeys(UnaryOperator<String> mapping) {
        Objects.requireNonNull(mapping, "mapping");
        UnaryOperator<String> before = keys;
        UnaryOperator<String> all = before == null ? mapping : k -> mapping.apply(before.apply(k));
        return copy(speed, filter, destinations, onlyMapped, all, targetRegistry, sourceRegistry, subjects, inFlight);
    }

    /** Replaces the key {@code from} by {@code to}. */
    public Replay mapKey(String from, String to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return mapKeys(k -> k.equals(from) ? to : k);
    }

    /**
     * Re-encodes Confluent-framed payloads for {@code target}: each schema, taken from the recording
     * ({@link RecorderSpec#withSchemas}), is registered there under {@code <target topic>-value} and
     * the frame's id rewritten to the target's. A framed payload whose schema the recording lacks
     * stops the replay if its line carries a schema id, and is sent unchanged otherwise.
     */
    public Replay reencodingAvro(SchemaRegistryClient target) {
        return copy(speed, filter, destinations, onlyMapped, keys, Objects.requireNonNull(target, "target"), sourceRegistry,
                subjects, inFlight);
    }

    /** As {@link #reencodingAvro(SchemaRegistryClient)}, looking up schemas the recording lacks in {@code source} by id. */
    public Replay reencodingAvro(SchemaRegistryClient target, SchemaLookup source) {
        return copy(speed, filter, destinations, onlyMapped, keys, Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(source, "source"), subjects, inFlight);
    }

    /** The subject a schema is registered under for a target destination (default {@code <name>-value}). */
    public Replay withSubjects(BiFunction<Destination, RecordedSchema, String> naming) {
        return copy(speed, filter, destinations, onlyMapped, keys, targetRegistry, sourceRegistry,
                Objects.requireNonNull(naming, "naming"), inFlight);
    }

    /**
     * At most {@code messages} wait for their acknowledgement at once (default {@value #DEFAULT_IN_FLIGHT}).
     *
     * @throws IllegalArgumentException when {@code messages < 1}
     */
    public Replay withInFlight(int messages) {
        if (messages < 1) {
            throw new IllegalArgumentException("in-flight messages must be >= 1, was " + messages);
        }
        return copy(speed, filter, destinations, onlyMapped, keys, targetRegistry, sourceRegistry, subjects, messages);
    }

    /**
     * Replays on this thread and returns once every message is acknowledged.
     *
     * @throws ReplayException naming the file, the line and what went wrong
     */
    public ReplayResult into(Bus bus) {
        return new ReplayRun(this, Objects.requireNonNull(bus, "bus"), () -> false).run();
    }

    /** Replays on a daemon thread of its own; the {@link Replayer} follows, awaits or cancels it. */
    public Replayer start(Bus bus) {
        return Replayer.start(this, Objects.requireNonNull(bus, "bus"));
    }

    @Override
    public String toString() {
        return "Replay{" + file + ", " + (speed == 0 ? "as fast as possible" : "at " + speed + "x the recorded pace")
                + (destinations.isEmpty() ? "" : ", " + destinations) + (onlyMapped ? ", only mapped destinations" : "")
                + (targetRegistry == null ? "" : ", re-encoding for " + targetRegistry.settings().url()) + "}";
    }
}
