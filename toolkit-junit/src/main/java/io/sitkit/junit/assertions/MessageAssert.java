package io.sitkit.junit.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.diff.JsonDiff;
import io.sitkit.match.Check;
import io.sitkit.match.Matchers;
import io.sitkit.match.MessageMatcher;
import io.sitkit.redact.Redactor;
import io.sitkit.schema.Conformance;
import io.sitkit.schema.PayloadDecoder;
import io.sitkit.schema.SchemaDiff;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Assertions on one {@link Message}: where it was seen, its key, headers and JMS properties, JSON
 * paths, the payload as a whole, a matcher, a contract. Every AssertJ object assertion
 * ({@code isEqualTo}, {@code satisfies}, {@code as}…) is still there.
 *
 * <pre>{@code
 * assertThat(message)
 *         .isOn("kafka:orders")
 *         .hasKey("o-1")
 *         .hasHeaderMatching("traceparent", "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
 *         .hasJsonPath("$.total", 42)
 *         .ignoringFields("$.timestamp", "$..traceId")
 *         .isEquivalentTo("{\"orderId\":\"o-1\",\"total\":42}");
 * }</pre>
 *
 * <p><b>Configuration comes first.</b> Java cannot see the end of a call chain, so a setting after
 * the check ({@code isEquivalentTo(e).ignoringFields(…)}) could never apply to it. As with
 * AssertJ's {@code usingRecursiveComparison().ignoringFields(…).isEqualTo(…)}, the settings —
 * {@link #ignoringFields}, {@link #allowingExtraFields()}, {@link #ignoringArrayOrder()},
 * {@link #usingDiff}, {@link #usingSchema}, {@link #decodedWith}, {@link #withRedactor} — apply
 * to the checks that follow them in the chain.
 *
 * <p>Failure messages give, one line per part: what was expected, where the message sits, what it
 * had, the field-level differences or failed checks, the payload (redacted, truncated) and hints.
 *
 * <p>Thread-safety: not thread-safe, like every AssertJ assertion: use one chain on one thread.
 */
public class MessageAssert extends AbstractAssert<MessageAssert, Message> {
    private Redactor redactor = io.sitkit.junit.internal.CurrentTest.redactor();
    private PayloadDecoder decoder;
    private PayloadComparison comparison = PayloadComparison.STRICT;

    /** Prefer {@link SitAssertions#assertThat(Message)}. */
    public MessageAssert(Message actual) {
        super(actual, MessageAssert.class);
    }

    // ---- configuration ------------------------------------------------------------------------

    /** Masks secrets and sensitive fields in what failure messages show of the message (see {@link Redactor}).
     * In a sitkit test the test's configured redactor ({@code sitkit.redact.*}) applies without this. */
    public MessageAssert withRedactor(Redactor redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        return myself;
    }

    /**
     * Reads the payload through {@code decoder} (Avro through a registry, say) for the payload and
     * JSON assertions that follow: JSON paths, equivalence, matchers, payload text. Not for
     * {@link #conformsTo}, which decodes by its contract.
     */
    public MessageAssert decodedWith(PayloadDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        return myself;
    }

    /**
     * Skips these paths in the following {@link #isEquivalentTo} checks: exact ({@code $.timestamp}),
     * any index ({@code $.items[*].id}), any depth ({@code $..traceId}); added to whichever diff is in use.
     *
     * @throws IllegalArgumentException naming a pattern that is not a path
     */
    public MessageAssert ignoringFields(String... paths) {
        comparison = comparison.ignoring(paths);
        return myself;
    }

    /** Fields only the message has do not count as differences in the following {@link #isEquivalentTo} checks. */
    public MessageAssert allowingExtraFields() {
        comparison = comparison.allowingExtraFields();
        return myself;
    }

    /** Arrays compare as multisets in the following {@link #isEquivalentTo} checks. */
    public MessageAssert ignoringArrayOrder() {
        comparison = comparison.ignoringArrayOrder();
        return myself;
    }

    /** Compares with {@code diff}'s rules (e.g. a shared constant, or one with a numeric tolerance). */
    public MessageAssert usingDiff(JsonDiff diff) {
        comparison = comparison.using(diff);
        return myself;
    }

    /**
     * Compares with a schema diff — its own rules and ignores, {@code ignoringVolatileFields()}
     * included — and labels each difference with the declared type
     * ({@code $.total.amount (decimal(12,2)): expected 39.80 but was 59.70}).
     *
     * @throws IllegalStateException when JsonDiff rules were set too: set them on the schema diff
     */
    public MessageAssert usingSchema(SchemaDiff schemaDiff) {
        comparison = comparison.using(schemaDiff);
        return myself;
    }

    // ---- where and what -----------------------------------------------------------------------

    /** The message was seen on {@code address} ({@code kafka:orders}, {@code jms:queue:payments}). */
    public MessageAssert isOn(String address) {
        Destination expected = Destination.parse(address);
        isNotNull();
        if (!actual.destination().equals(expected)) {
            throwAssertionError(ShouldBeOn.shouldBeOn(expected.toString(), actual.position()));
        }
        return myself;
    }

    /** The key (Kafka key, or JMSXGroupID on JMS) is {@code key} as text. */
    public MessageAssert hasKey(String key) {
        Objects.requireNonNull(key, "key");
        isNotNull();
        if (!actual.keyText().filter(key::equals).isPresent()) {
            Rendering r = rendering();
            String had = actual.keyText().isPresent() ? "was " + r.key(actual) : "no key";
            throwAssertionError(ShouldHaveKey.shouldHaveKey(r.mask(quote(key)), actual.position(), had));
        }
        return myself;
    }

    /** A header (Kafka) or property (JMS) with that name is present. */
    public MessageAssert hasHeader(String name) {
        return header(Matchers.header(name), name, null);
    }

    /** The last header with that name has this text (typed JMS properties compare by their text). */
    public MessageAssert hasHeader(String name, String value) {
        return header(Matchers.header(name, value), name, null);
    }

    /** The last header with that name matches the whole regular expression. */
    public MessageAssert hasHeaderMatching(String name, String regex) {
        return header(Matchers.headerMatches(name, regex), name, null);
    }

    /** A JMS property equals {@code value} by type and value: {@code hasProperty("retries", 3)} wants an int 3. */
    public MessageAssert hasProperty(String name, Object value) {
        return header(Matchers.property(name, value), name, value);
    }

    private MessageAssert header(MessageMatcher matcher, String name, Object typed) {
        isNotNull();
        if (matcher.matches(actual)) {
            return myself;
        }
        Rendering r = rendering();
        Message shown = r.shown(actual);
        Optional<Header> h = shown.headers().last(name);
        String had;
        StringBuilder hints = new StringBuilder();
        if (h.isEmpty()) {
            had = "it was absent";
            List<String> names = actual.headers().asList().stream().map(Header::name).distinct().toList();
            JsonDiff.namingHint(name, names).ifPresent(s -> hints.append("\n  hint: ").append(s.replaceFirst("^field ", "header ")));
        } else {
            had = "was " + (h.get().value() == null ? "null" : quote(h.get().valueAsString()))
                    + (typed == null ? "" : " (" + h.get().type() + ")");
            if (typed != null && String.valueOf(typed).equals(h.get().valueAsString())) {
                hints.append("\n  hint: the text matches but the property's type is ").append(h.get().type()).append(", not ")
                        .append(typed.getClass().getSimpleName());
            }
        }
        String headers = shown.headers().isEmpty() ? "(none)"
                : shown.headers().asList().stream().map(Header::toString).collect(Collectors.joining(", "));
        throwAssertionError(ShouldHaveHeader.shouldHaveHeader(r.mask(matcher.describe()), actual.position(), r.mask(had),
                r.mask(headers), r.mask(hints.toString())));
        return myself;
    }

    /** The JMS correlation id is {@code id}. */
    public MessageAssert hasCorrelationId(String id) {
        Objects.requireNonNull(id, "id");
        isNotNull();
        if (actual.jms().map(j -> id.equals(j.correlationId())).orElse(false)) {
            return myself;
        }
        Rendering r = rendering();
        String had;
        String hint = "";
        if (actual.jms().isEmpty()) {
            had = "it is not a JMS message";
            hint = "\n  hint: a correlation id is a JMS header; on Kafka assert the key or a header: hasKey(…), hasHeader(…)";
        } else {
            String cid = actual.jms().get().correlationId();
            had = cid == null ? "it had none" : "was " + quote(cid);
        }
        throwAssertionError(ShouldHaveCorrelationId.shouldHaveCorrelationId(r.mask(quote(id)), actual.position(), r.mask(had), hint));
        return myself;
    }

    // ---- payload ------------------------------------------------------------------------------

    /** The path selects a value (JSON {@code null} counts as present). */
    public MessageAssert hasJsonPath(String path) {
        return jsonPath(Matchers.jsonPath(path).exists());
    }

    /**
     * The path selects a value equal to {@code expected}: numbers by value (42 equals 42.0), strings
     * exactly, objects and lists as JSON. For a path selecting several values, any may be equal.
     */
    public MessageAssert hasJsonPath(String path, Object expected) {
        return jsonPath(Matchers.jsonPath(path).isEqualTo(expected));
    }

    private MessageAssert jsonPath(MessageMatcher matcher) {
        isNotNull();
        Message subject = subject();
        if (!matcher.matches(subject)) {
            Rendering r = rendering();
            Check c = r.explain(matcher, subject).get(0);
            throwAssertionError(ShouldHaveJsonPath.shouldHaveJsonPath(r.mask(c.description()), actual.position(),
                    r.mask(but(c.actual())), r.payload(subject), r.mask(hints(List.of(c)))));
        }
        return myself;
    }

    /** The path selects nothing in the JSON payload. */
    public MessageAssert doesNotHaveJsonPath(String path) {
        MessageMatcher absent = Matchers.jsonPath(path).isAbsent();
        isNotNull();
        Message subject = subject();
        if (!absent.matches(subject)) {
            Rendering r = rendering();
            Check c = r.explain(absent, subject).get(0);
            String had = c.actual().startsWith("was ") ? "found " + c.actual().substring(4) : but(c.actual());
            throwAssertionError(ShouldNotHaveJsonPath.shouldNotHaveJsonPath(path, actual.position(), r.mask(had), r.payload(subject)));
        }
        return myself;
    }

    /** The payload, read as UTF-8, contains {@code text}. */
    public MessageAssert hasPayloadContaining(String text) {
        Objects.requireNonNull(text, "text");
        isNotNull();
        Message subject = subject();
        if (!subject.payloadText().filter(p -> p.contains(text)).isPresent()) {
            Rendering r = rendering();
            String payload = r.payload(subject);
            throwAssertionError(ShouldContainPayload.shouldContainPayload(r.mask(quote(text)), actual.position(), payload));
        }
        return myself;
    }

    /** The message matches; a failure lists every check of the matcher, what the message had, and hints. */
    public MessageAssert matches(MessageMatcher matcher) {
        Objects.requireNonNull(matcher, "matcher");
        isNotNull();
        Message subject = subject();
        if (matcher.matches(subject)) {
            return myself;
        }
        Rendering r = rendering();
        List<Check> checks = r.explain(matcher, subject);
        long failed = checks.stream().filter(c -> !c.passed()).count();
        String summary = failed == 0 ? "it did not match" : failed + " of " + checks.size() + (checks.size() == 1 ? " check failed" : " checks failed");
        String lines = checks.stream().map(c -> "\n    " + c.render()).collect(Collectors.joining());
        throwAssertionError(ShouldMatch.shouldMatch(r.mask(matcher.describe()), actual.position(), summary, r.mask(lines),
                r.payload(subject), r.mask(hints(checks))));
        return myself;
    }

    /** The message conforms to a contract or schema; a failure lists each violation on its own line. */
    public MessageAssert conformsTo(Conformance conformance) {
        Objects.requireNonNull(conformance, "conformance");
        isNotNull();
        List<String> violations = conformance.violations(actual);
        if (!violations.isEmpty()) {
            Rendering r = rendering();
            String count = violations.size() + (violations.size() == 1 ? " violation" : " violations");
            String lines = violations.stream().map(v -> "\n    " + v).collect(Collectors.joining());
            throwAssertionError(ShouldConform.shouldConform(conformance.describe(), actual.position(), count, r.mask(lines),
                    r.payload(actual)));
        }
        return myself;
    }

    /**
     * The JSON payload is equivalent to {@code expectedJson} field by field (numbers by value), under
     * the comparison configured before this call; a failure lists each differing field.
     *
     * @throws IllegalArgumentException when {@code expectedJson} is not JSON
     */
    public MessageAssert isEquivalentTo(String expectedJson) {
        Objects.requireNonNull(expectedJson, "expectedJson");
        JsonNode expected;
        try {
            expected = Json.MAPPER.readTree(expectedJson);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("expected JSON does not parse: " + e.getMessage().lines().findFirst().orElse("")
                    + ": " + (expectedJson.length() > 80 ? expectedJson.substring(0, 80) + "…" : expectedJson), e);
        }
        return isEquivalentTo(expected);
    }

    /** As {@link #isEquivalentTo(String)}, for a document already parsed. */
    public MessageAssert isEquivalentTo(JsonNode expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        new Equivalence(this, comparison, rendering()).check(expected, subject());
        return myself;
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Lets the package's helpers fail through this assertion (its description, its overriding message). */
    void fail(org.assertj.core.error.ErrorMessageFactory factory) {
        throwAssertionError(factory);
    }

    /** The message, or its decoded JSON view when a decoder is set. */
    private Message subject() {
        if (decoder == null) {
            return actual;
        }
        try {
            return actual.withPayload(Json.MAPPER.writeValueAsBytes(decoder.decode(actual)), io.sitkit.core.BodyType.TEXT);
        } catch (io.sitkit.schema.DecodeException e) {
            throwAssertionError(ShouldDecode.shouldDecode(decoder.describe(), actual.position(), rendering().mask(e.getMessage())));
            throw new IllegalStateException("unreachable", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the decoded JSON view could not be written: " + e.getOriginalMessage(), e);
        }
    }

    private Rendering rendering() {
        return new Rendering(redactor);
    }

    /** A check's "what the message had" as the clause after "but". */
    private static String but(String had) {
        return switch (had) {
            case "missing" -> "it was missing";
            case "no payload" -> "it has no payload";
            case "payload is not JSON" -> "the payload is not JSON";
            default -> had;
        };
    }

    private static String hints(List<Check> checks) {
        return checks.stream().filter(c -> !c.passed() && c.hint() != null).map(Check::hint).distinct()
                .map(h -> "\n  hint: " + h).collect(Collectors.joining());
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }
}
