package io.sitkit.junit.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Message;
import io.sitkit.diff.FieldDifference;
import io.sitkit.diff.JsonDiff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@link MessageAssert#isEquivalentTo} check: parses the payload, compares, and writes the
 * failure with each difference, values shown from redacted documents.
 *
 * <p>Thread-safety: one instance per check.
 */
final class Equivalence {
    private static final int EXPECTED_SHOWN = 120;
    /** A last step {@code .name} of a path, and the path before it. */
    private static final Pattern LAST_NAME = Pattern.compile("(\\$.*)\\.([A-Za-z0-9_$\\-]+)");

    private final MessageAssert owner;
    private final PayloadComparison comparison;
    private final Rendering rendering;

    Equivalence(MessageAssert owner, PayloadComparison comparison, Rendering rendering) {
        this.owner = owner;
        this.comparison = comparison;
        this.rendering = rendering;
    }

    void check(JsonNode expected, Message subject) {
        Optional<JsonNode> parsed = parse(subject);
        if (parsed.isEmpty()) {
            String had = subject.payloadSize() <= 0 ? "it has no payload" : "the payload is not JSON";
            String hint = subject.payloadSize() <= 0 ? "" : "\n  hint: for Avro or other encodings, decode first: decodedWith(decoder)";
            owner.fail(ShouldHaveJsonPayload.shouldHaveJsonPayload(rendering.mask(JsonDiff.render(rendering.redact(expected), EXPECTED_SHOWN)),
                    subject.position(), had, rendering.payload(subject), hint));
            return;
        }
        JsonNode actual = parsed.get();
        List<PayloadComparison.Line> lines = comparison.compare(expected, actual);
        if (lines.isEmpty()) {
            return;
        }
        JsonNode shownExpected = rendering.redact(expected);
        List<String> texts = shownLines(lines, shownExpected, actual);
        StringBuilder differences = new StringBuilder();
        texts.forEach(t -> differences.append("\n    ").append(t));
        Set<String> hints = new LinkedHashSet<>();
        for (PayloadComparison.Line l : lines) {
            namingHint(l.difference(), actual).ifPresent(hints::add);
        }
        StringBuilder hintLines = new StringBuilder();
        hints.forEach(h -> hintLines.append("\n  hint: ").append(h));
        String count = lines.size() + (lines.size() == 1 ? " field differs" : " fields differ");
        owner.fail(ShouldBeEquivalent.shouldBeEquivalent(rendering.mask(JsonDiff.render(shownExpected, EXPECTED_SHOWN)),
                comparison.describe(), subject.position(), count, rendering.mask(differences.toString()),
                rendering.payload(subject), rendering.mask(hintLines.toString())));
    }

    /** The payload as JSON, or empty when there is none or it is not JSON. */
    private static Optional<JsonNode> parse(Message subject) {
        if (subject.payloadSize() <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readTree(subject.payloadStream()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The lines to show: the real differences, each described from the redacted documents; a
     * difference redaction hides entirely (both sides masked) reads {@code $.ssn: differs (redacted)}.
     */
    private List<String> shownLines(List<PayloadComparison.Line> real, JsonNode shownExpected, JsonNode actual) {
        if (!rendering.redacts()) {
            return real.stream().map(PayloadComparison.Line::text).toList();
        }
        Map<String, String> shown = new LinkedHashMap<>();
        for (PayloadComparison.Line l : comparison.compare(shownExpected, rendering.redact(actual))) {
            shown.putIfAbsent(l.path(), l.text());
        }
        List<String> out = new ArrayList<>();
        for (PayloadComparison.Line l : real) {
            out.add(shown.getOrDefault(l.path(), l.path() + ": differs (redacted)"));
        }
        return out;
    }

    /** For a missing field the message spells differently: the core's naming hint sentence. */
    private static Optional<String> namingHint(FieldDifference d, JsonNode actual) {
        if (d.kind() != FieldDifference.Kind.MISSING) {
            return Optional.empty();
        }
        Matcher m = LAST_NAME.matcher(d.path());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<JsonNode> parent;
        try {
            parent = JsonDiff.at(actual, m.group(1));
        } catch (IllegalArgumentException notSimple) {
            return Optional.empty();
        }
        if (parent.isEmpty() || !parent.get().isObject()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        parent.get().fieldNames().forEachRemaining(names::add);
        return JsonDiff.namingHint(m.group(2), names);
    }
}
