package io.sitkit.match;

import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every matcher, by static factory; combine with {@link MessageMatcher#and}, {@link #allOf},
 * {@link #anyOf} and {@link #not}.
 *
 * <pre>{@code
 * import static io.sitkit.match.Matchers.*;
 *
 * MessageMatcher m = key("o-1")
 *         .and(header("traceparent"))
 *         .and(jsonPath("$.total").isGreaterThan(0))
 *         .and(not(payloadContains("\"test\":true")));
 * }</pre>
 *
 * <p>Thread-safety: stateless; every matcher it returns is immutable.
 */
public final class Matchers {
    private static final int SHOWN = 60;

    private Matchers() {
    }

    /** Matches every message. */
    public static MessageMatcher anyMessage() {
        return new SimpleMatcher("any message", m -> true, null);
    }

    /** The key (Kafka key, or JMSXGroupID on JMS) equals {@code key} as text. */
    public static MessageMatcher key(String key) {
        Objects.requireNonNull(key, "key");
        return new SimpleMatcher("key == " + quote(key), m -> m.keyText().filter(key::equals).isPresent(), Matchers::keyWas);
    }

    /** The key matches the whole regular expression. */
    public static MessageMatcher keyMatches(String regex) {
        Pattern p = Pattern.compile(regex);
        return new SimpleMatcher("key matches /" + regex + "/", m -> m.keyText().filter(k -> p.matcher(k).matches()).isPresent(),
                Matchers::keyWas);
    }

    /** A header (Kafka) or property (JMS) with that name is present. */
    public static MessageMatcher header(String name) {
        return new SimpleMatcher("header " + name + " present", m -> m.headers().contains(name), m -> headerWas(m, name));
    }

    /** The last header with that name has this text value (typed JMS properties compare by their text). */
    public static MessageMatcher header(String name, String value) {
        Objects.requireNonNull(value, "value");
        return new SimpleMatcher("header " + name + " == " + quote(value),
                m -> m.headers().last(name).map(Matchers::headerText).filter(value::equals).isPresent(), m -> headerWas(m, name));
    }

    /** The last header with that name matches the whole regular expression. */
    public static MessageMatcher headerMatches(String name, String regex) {
        Pattern p = Pattern.compile(regex);
        return new SimpleMatcher("header " + name + " matches /" + regex + "/",
                m -> m.headers().last(name).map(Matchers::headerText).filter(v -> p.matcher(v).matches()).isPresent(),
                m -> headerWas(m, name));
    }

    /** A JMS property equals {@code value} by type and value ({@code property("retries", 3)} wants an int 3). */
    public static MessageMatcher property(String name, Object value) {
        Objects.requireNonNull(value, "value");
        return new SimpleMatcher("property " + name + " == " + (value instanceof String s ? quote(s) : value + " (" + value.getClass().getSimpleName() + ")"),
                m -> m.headers().last(name).map(Header::typedValue).filter(value::equals).isPresent(), m -> headerWas(m, name));
    }

    /** The JMS correlation id equals {@code id}. */
    public static MessageMatcher correlationId(String id) {
        Objects.requireNonNull(id, "id");
        return new SimpleMatcher("JMSCorrelationID == " + quote(id),
                m -> m.jms().map(j -> id.equals(j.correlationId())).orElse(false),
                m -> m.jms().map(j -> j.correlationId() == null ? "absent" : "was " + quote(j.correlationId())).orElse("not a JMS message"));
    }

    /** The JMS message was redelivered at least once ({@code JMSRedelivered} or {@code JMSXDeliveryCount > 1}). */
    public static MessageMatcher redelivered() {
        return deliveryCountAtLeast(2).or(new SimpleMatcher("JMSRedelivered", m -> m.jms().map(j -> j.redelivered()).orElse(false),
                m -> "was not"));
    }

    /** {@code JMSXDeliveryCount} is at least {@code count} (1 is the first delivery). */
    public static MessageMatcher deliveryCountAtLeast(int count) {
        return new SimpleMatcher("JMSXDeliveryCount >= " + count,
                m -> deliveryCount(m).filter(c -> c >= count).isPresent(),
                m -> deliveryCount(m).map(c -> "was " + c).orElse("absent"));
    }

    private static Optional<Integer> deliveryCount(Message m) {
        return m.headers().last("JMSXDeliveryCount").map(Header::typedValue)
                .map(v -> v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString()));
    }

    /** The payload, read as UTF-8, contains {@code text}. */
    public static MessageMatcher payloadContains(String text) {
        Objects.requireNonNull(text, "text");
        return new SimpleMatcher("payload contains " + quote(text), m -> m.payloadText().filter(p -> p.contains(text)).isPresent(),
                Matchers::payloadWas);
    }

    /** The payload, read as UTF-8, matches the regular expression somewhere ({@code find}, not whole). */
    public static MessageMatcher payloadMatches(String regex) {
        Pattern p = Pattern.compile(regex);
        return new SimpleMatcher("payload matches /" + regex + "/", m -> m.payloadText().filter(t -> p.matcher(t).find()).isPresent(),
                Matchers::payloadWas);
    }

    /** A condition on the value at a JSON path of the payload, e.g. {@code jsonPath("$.total").isEqualTo(42)}. */
    public static JsonPathCondition jsonPath(String path) {
        return new JsonPathCondition(path);
    }

    /** The payload is JSON equal to {@code expectedJson} (numbers by value); near misses list each differing field. */
    public static MessageMatcher jsonEquivalentTo(String expectedJson) {
        return new JsonEquivalence(expectedJson, io.sitkit.diff.JsonDiff.strict());
    }

    /**
     * The payload is JSON equivalent to {@code expectedJson} under {@code diff}, e.g.
     * {@code JsonDiff.strict().ignoring("$.timestamp").allowingExtraFields()}.
     */
    public static MessageMatcher jsonEquivalentTo(String expectedJson, io.sitkit.diff.JsonDiff diff) {
        return new JsonEquivalence(expectedJson, diff);
    }

    /** The message was seen on {@code destination}. */
    public static MessageMatcher destination(Destination destination) {
        Objects.requireNonNull(destination, "destination");
        return new SimpleMatcher("destination == " + destination, m -> m.destination().equals(destination),
                m -> "was " + m.destination());
    }

    /** The message was seen on the destination at {@code address} ({@code kafka:orders}, {@code jms:queue:q}). */
    public static MessageMatcher destination(String address) {
        return destination(Destination.parse(address));
    }

    /**
     * Applies {@code matcher} to the JSON view the decoder gives of each payload, so JSON-path
     * and equivalence matchers read Avro payloads too. A payload that does not decode does not
     * match, and the explanation says why.
     *
     * <pre>{@code
     * decoded(RegistryAvro.using(registry).payloads(), jsonPath("$.total").isEqualTo(42.5))
     * }</pre>
     */
    public static MessageMatcher decoded(io.sitkit.schema.PayloadDecoder decoder, MessageMatcher matcher) {
        return new DecodedMatcher(decoder, matcher);
    }

    /** Any predicate, with the description failure messages will show. */
    public static MessageMatcher matching(String description, Predicate<Message> predicate) {
        return new SimpleMatcher(description, predicate, null);
    }

    /** A matcher from a predicate: itself when it is one, else described as {@code custom predicate}. */
    static MessageMatcher of(Predicate<? super Message> p) {
        return p instanceof MessageMatcher m ? m : matching("custom predicate", p::test);
    }

    public static MessageMatcher allOf(MessageMatcher... matchers) {
        return new CompositeMatcher(CompositeMatcher.Kind.AND, List.of(matchers));
    }

    public static MessageMatcher anyOf(MessageMatcher... matchers) {
        return new CompositeMatcher(CompositeMatcher.Kind.OR, List.of(matchers));
    }

    public static MessageMatcher not(MessageMatcher matcher) {
        return new CompositeMatcher(CompositeMatcher.Kind.NOT, List.of(matcher));
    }

    private static String headerText(Header h) {
        Object typed = h.typedValue();
        return typed == null ? null : typed instanceof byte[] ? h.valueAsString() : typed.toString();
    }

    private static String keyWas(Message m) {
        return m.keyText().map(k -> "was " + quote(k)).orElse("no key");
    }

    private static String headerWas(Message m, String name) {
        Optional<Header> h = m.headers().last(name);
        if (h.isPresent()) {
            String v = headerText(h.get());
            return v == null ? "was null" : "was " + quote(v);
        }
        String names = m.headers().asList().stream().map(Header::name).distinct().collect(Collectors.joining(", "));
        return "absent" + (names.isEmpty() ? " (no headers)" : " (headers: " + names + ")");
    }

    private static String payloadWas(Message m) {
        return "payload was " + Payloads.preview(m.payload(), SHOWN);
    }

    static String quote(String s) {
        String shown = s.length() > SHOWN ? s.substring(0, SHOWN) + "…" : s;
        return "\"" + shown + "\"";
    }
}
