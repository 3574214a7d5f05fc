package io.sitkit.expect;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Message;
import io.sitkit.correlate.KeySource;
import io.sitkit.match.JsonPathExpression;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An invariant over the messages of one destination, per key: in order of a sequence field, or at
 * most once. {@link #now()} checks what is held; {@link #during} watches a window and fails at the
 * first violation.
 *
 * <pre>{@code
 * expect.expect("kafka:orders").inOrderPerKey(KeySource.kafkaKey(), "$.seq").during(Duration.ofSeconds(2));
 * expect.expect("kafka:orders").atMostOncePerKey(KeySource.jsonPath("$.orderId")).now();
 * }</pre>
 *
 * <p>Thread-safety: immutable; each check keeps its own state.
 */
public final class PerKeyExpectation {
    private final DestinationExpectation on;
    private final KeySource key;
    private final JsonPathExpression sequence;

    private PerKeyExpectation(DestinationExpectation on, KeySource key, JsonPathExpression sequence) {
        this.on = on;
        this.key = Objects.requireNonNull(key, "key");
        this.sequence = sequence;
    }

    static PerKeyExpectation ordered(DestinationExpectation on, KeySource key, String sequencePath) {
        return new PerKeyExpectation(on, key, JsonPathExpression.compile(sequencePath));
    }

    static PerKeyExpectation unique(DestinationExpectation on, KeySource key) {
        return new PerKeyExpectation(on, key, null);
    }

    /** Checks the messages held now. */
    public void now() {
        Scan scan = new Scan();
        scan.advance();
        if (scan.violation != null) {
            throw scan.failure(Duration.ZERO, Instant.now());
        }
    }

    /** Watches {@code window}; fails at the first violation, or with an environment error if the capture was blind. */
    public void during(Duration window) {
        Watch watch = new Watch(on.context().capture(), window, on.context().redactor());
        Scan scan = new Scan();
        watch.until(() -> scan.advance() != null);
        if (scan.violation != null) {
            throw scan.failure(window, watch.start());
        }
        List<String> problems = watch.problems(on.lookBack());
        if (!problems.isEmpty()) {
            throw watch.blind("cannot confirm " + expected() + " on " + on.destination() + " during "
                    + Watch.human(window) + ": the capture was not healthy for the whole window:\n  " + String.join("\n  ", problems));
        }
    }

    private String expected() {
        return sequence == null ? "at most one message per " + key.describe()
                : "messages in increasing order of " + sequence.path() + " per " + key.describe();
    }

    /** The running state of one check: last message per key, and the first violation found. */
    private final class Scan {
        private final Map<String, Message> last = new HashMap<>();
        private int scanned;
        private Message[] violation;
        private String why;

        /** Reads what arrived since the last call; returns the violation once found. */
        Message[] advance() {
            List<Message> held = on.held();
            for (int i = scanned; i < held.size() && violation == null; i++) {
                Message m = held.get(i);
                Optional<String> k = key.keyOf(m);
                if (k.isEmpty()) {
                    continue;
                }
                if (sequence != null && number(m) == null) {
                    violation = new Message[]{m, m};
                    why = "key " + k.get() + " has no number at " + sequence.path();
                    break;
                }
                Message before = last.put(k.get(), m);
                if (before == null) {
                    continue;
                }
                if (sequence == null) {
                    violation = new Message[]{before, m};
                    why = "key " + k.get() + " was seen twice";
                } else {
                    BigDecimal a = number(before);
                    BigDecimal b = number(m);
                    if (a != null && b != null && b.compareTo(a) <= 0) {
                        violation = new Message[]{before, m};
                        why = "key " + k.get() + " went from " + sequence.path() + " " + a.toPlainString() + " to " + b.toPlainString();
                    }
                }
            }
            scanned = held.size();
            return violation;
        }

        private BigDecimal number(Message m) {
            return sequence.read(m).map(v -> v.isNumber() ? v.decimalValue() : parse(v.asText())).orElse(null);
        }

        private static BigDecimal parse(String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        ExpectationFailedError failure(Duration window, Instant start) {
            FailureReport r = on.report(expected(), window, "but " + why + ":", start);
            r.message(violation[0]);
            if (violation[1] != violation[0]) {
                r.message(violation[1]);
            }
            on.seen(r, start);
            return r.capture(on.context().capture(), start).error();
        }
    }
}
