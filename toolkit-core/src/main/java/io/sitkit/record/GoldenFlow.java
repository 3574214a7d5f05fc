package io.sitkit.record;

import io.sitkit.core.Destination;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.diff.JsonDiff;
import io.sitkit.redact.Redactor;
import io.sitkit.schema.PayloadDecoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Golden-flow regression: compares a new recording with a baseline recording of the same flow and
 * reports the messages added, missing and changed — each change with its field-level differences —
 * ignoring what differs from run to run by nature: offsets, message ids, timestamps and capture
 * times are never compared; values shaped like uuids, ISO times, trace ids and JMS message ids are
 * compared by shape; further JSON paths and header names are ignored as configured.
 *
 * <pre>{@code
 * static final GoldenFlow CHECKOUT = GoldenFlow.baseline(Path.of("src/test/resources/golden/checkout.jsonl"))
 *         .ignoring("$.paymentId", "$..placedAt")             // payload paths (JsonDiff patterns)
 *         .ignoringHeaders("x-request-id")
 *         .pairedBy(CorrelationRules.byDefault(KeySource.kafkaKey()).on("kafka:inventory-events", KeySource.jsonPath("$.orderId")));
 *
 * CHECKOUT.assertMatches(Path.of("target/recordings/checkout.jsonl"));   // an AssertionError listing every difference
 * }</pre>
 *
 * <p>Messages pair up by destination and pairing key — the correlation rules' key when
 * {@link #pairedBy} is given, else the message key, else the JMS correlation id — and, among
 * those, identical ones first, then in file order. Payloads compare as JSON where they are JSON or
 * can be decoded: by {@link #decoding} for a destination, or, for Confluent-framed Avro recorded
 * with {@link RecorderSpec#withSchemas}, with the schemas in the recording itself; otherwise as
 * text or bytes. Headers compare by name and values; JMS messages also by correlation id and type.
 * Both recordings are read into memory (a flow's worth of messages).
 *
 * <p>Thread-safety: immutable; every configuring method returns a new instance.
 */
public final class GoldenFlow {
    final Path baseline;
    final JsonDiff base;
    final List<String> ignoredPaths;
    final JsonDiff diff;
    final Set<String> ignoredHeaders;
    final boolean volatileValues;
    final CorrelationRules pairing;
    final Map<Destination, PayloadDecoder> decoders;
    final Predicate<CaptureFileReader.Entry> filter;
    final Redactor redactor;

    private GoldenFlow(Path baseline, JsonDiff base, List<String> ignoredPaths, Set<String> ignoredHeaders, boolean volatileValues,
                       CorrelationRules pairing, Map<Destination, PayloadDecoder> decoders, Predicate<CaptureFileReader.Entry> filter,
                       Redactor redactor) {
        this.baseline = baseline;
        this.base = base;
        this.ignoredPaths = ignoredPaths;
        this.diff = GoldenMessages.diff(base, ignoredPaths);
        this.ignoredHeaders = ignoredHeaders;
        this.volatileValues = volatileValues;
        this.pairing = pairing;
        this.decoders = decoders;
        this.filter = filter;
        this.redactor = redactor;
    }

    /** Compares with the message lines of {@code file}: strict JSON diff, volatile values by shape, no redaction. */
    public static GoldenFlow baseline(Path file) {
        return new GoldenFlow(Objects.requireNonNull(file, "file"), JsonDiff.strict(), List.of(), Set.of(), true, null, Map.of(),
                e -> true, Redactor.none());
    }

    private GoldenFlow with(JsonDiff base, List<String> paths, Set<String> headers, boolean volatileValues, CorrelationRules pairing,
                            Map<Destination, PayloadDecoder> decoders, Predicate<CaptureFileReader.Entry> filter, Redactor redactor) {
        return new GoldenFlow(baseline, base, paths, headers, volatileValues, pairing, decoders, filter, redactor);
    }

    /**
     * Also ignores these payload paths or patterns ({@code $.eventId}, {@code $.lines[*].id},
     * {@code $..traceId}), in every message.
     *
     * @throws IllegalArgumentException naming a pattern that is not a path
     */
    public GoldenFlow ignoring(String... jsonPaths) {
        List<String> all = new ArrayList<>(ignoredPaths);
        all.addAll(List.of(jsonPaths));
        GoldenMessages.diff(base, all);
        return with(base, List.copyOf(all), ignoredHeaders, volatileValues, pairing, decoders, filter, redactor);
    }

    /** Also ignores the headers (JMS properties) of these names, any case. */
    public GoldenFlow ignoringHeaders(String... names) {
        Set<String> all = new LinkedHashSet<>(ignoredHeaders);
        for (String n : names) {
            all.add(n.toLowerCase(Locale.ROOT));
        }
        return with(base, ignoredPaths, Collections.unmodifiableSet(all), volatileValues, pairing, decoders, filter, redactor);
    }

    /** Compares payloads with {@code diff}'s rules (extra fields allowed, array order, numeric tolerance, its own ignores). */
    public GoldenFlow withDiff(JsonDiff diff) {
        return with(Objects.requireNonNull(diff, "diff"), ignoredPaths, ignoredHeaders, volatileValues, pairing, decoders, filter, redactor);
    }

    /** Compares uuids, times, trace ids and message ids by value too (off by default: they differ each run). */
    public GoldenFlow comparingVolatileValues() {
        return with(base, ignoredPaths, ignoredHeaders, false, pairing, decoders, filter, redactor);
    }

    /** Pairs messages by these rules' correlation key per destination (keys are then compared as fields). */
    public GoldenFlow pairedBy(CorrelationRules rules) {
        return with(base, ignoredPaths, ignoredHeaders, volatileValues, Objects.requireNonNull(rules, "rules"), decoders, filter, redactor);
    }

    /** Decodes the payloads on {@code address} (e.g. {@code RegistryAvro.using(registry).payloads()}) before comparing. */
    public GoldenFlow decoding(String address, PayloadDecoder decoder) {
        Map<Destination, PayloadDecoder> all = new LinkedHashMap<>(decoders);
        all.put(Destination.parse(address), Objects.requireNonNull(decoder, "decoder"));
        return with(base, ignoredPaths, ignoredHeaders, volatileValues, pairing, Collections.unmodifiableMap(all), filter, redactor);
    }

    /** Only the message lines {@code which} accepts, in both recordings (e.g. {@link Replay#OBSERVED}). */
    public GoldenFlow only(Predicate<CaptureFileReader.Entry> which) {
        return with(base, ignoredPaths, ignoredHeaders, volatileValues, pairing, decoders, filter.and(Objects.requireNonNull(which, "which")),
                redactor);
    }

    /** Masks secrets and sensitive fields in the failure message. */
    public GoldenFlow redactedBy(Redactor redactor) {
        return with(base, ignoredPaths, ignoredHeaders, volatileValues, pairing, decoders, filter, Objects.requireNonNull(redactor, "redactor"));
    }

    /**
     * Compares {@code actual} with the baseline.
     *
     * @throws CaptureFileException naming the file and line when either recording cannot be read
     */
    public GoldenFlowResult compare(Path actual) {
        GoldenMessages.Recording expected = GoldenMessages.load(baseline, this);
        GoldenMessages.Recording seen = GoldenMessages.load(Objects.requireNonNull(actual, "actual"), this);
        return GoldenPairing.pair(expected, seen, this);
    }

    /**
     * Compares and fails when anything differs.
     *
     * @throws io.sitkit.expect.ExpectationFailedError listing counts, changed, missing and added messages, and hints
     */
    public void assertMatches(Path actual) {
        compare(actual).assertMatches();
    }

    /** What is ignored, for failure messages: {@code payload $.paymentId; headers x-request-id; values shaped like …}. */
    String describeIgnored() {
        List<String> parts = new ArrayList<>();
        if (!ignoredPaths.isEmpty()) {
            parts.add("payload " + String.join(", ", ignoredPaths));
        }
        if (!ignoredHeaders.isEmpty()) {
            parts.add("headers " + String.join(", ", ignoredHeaders));
        }
        if (volatileValues) {
            parts.add(VolatileValues.DESCRIPTION + " (compared by shape)");
        }
        parts.add("offsets, message ids and times");
        return String.join("; ", parts);
    }

    @Override
    public String toString() {
        return "GoldenFlow{" + baseline + ", ignoring " + describeIgnored() + (pairing == null ? "" : ", paired by " + pairing) + "}";
    }
}
