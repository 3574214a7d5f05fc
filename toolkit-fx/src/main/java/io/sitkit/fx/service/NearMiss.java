package io.sitkit.fx.service;

import io.sitkit.core.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the nearest misses a failed expectation lists, read back from its failure message (the
 * core's {@code FailureReport} layout: a {@code nearest misses (2 of 5 on kafka:orders):} line, each
 * miss on the next indent — position, key, payload preview — and its checks below it).
 *
 * <pre>{@code
 * List<NearMiss> misses = NearMiss.parse(failureText);
 * misses.get(0).position();     // "kafka:orders[0]@3" or "jms:queue:payments id=ID:…"
 * misses.get(0).checks();       // ["ok   $.orderId == \"o-1\"", "FAIL $.amount == 25.0: was 2.5"]
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param expectation the failed expectation it is a near miss of: the {@code expected …} line above it ("" when none)
 * @param where       the destination the misses were looked for on, as the section names it
 * @param position    where the message was: {@code kafka:orders[0]@3} or {@code jms:queue:payments id=ID:…}
 * @param line        the whole message line (position, key and payload preview)
 * @param checks      the checks under it, each as written ({@code FAIL $.amount == 25.0: was 2.5})
 */
public record NearMiss(String expectation, String where, String position, String line, List<String> checks) {
    private static final Pattern SECTION = Pattern.compile("^( *)nearest misses \\(\\d+ of \\d+ on (.+)\\):$");
    private static final Pattern KAFKA_POSITION = Pattern.compile("^(\\S+\\[\\d+\\]@\\d+)(?: |$)");
    private static final Pattern JMS_POSITION = Pattern.compile("^(\\S+ id=\\S+)(?: |$)");

    public NearMiss {
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(line, "line");
        checks = List.copyOf(checks);
    }

    /** The near misses of every expectation {@code failure} reports, in order; empty when it lists none. */
    public static List<NearMiss> parse(String failure) {
        List<NearMiss> out = new ArrayList<>();
        if (failure == null || failure.isEmpty()) {
            return out;
        }
        String[] lines = failure.split("\r?\n");
        String expectation = "";
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (trimmed.startsWith("expected ")) {
                expectation = trimmed;
            }
            Matcher section = SECTION.matcher(lines[i]);
            if (!section.matches()) {
                continue;
            }
            String missIndent = section.group(1) + "  ";
            String checkIndent = missIndent + "  ";
            String where = section.group(2);
            String position = null;
            String line = null;
            List<String> checks = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.length && lines[j].startsWith(missIndent); j++) {
                String l = lines[j];
                if (l.startsWith(checkIndent)) {
                    checks.add(l.strip());
                } else {
                    if (position != null) {
                        out.add(new NearMiss(expectation, where, position, line, checks));
                    }
                    line = l.strip();
                    position = position(line);
                    checks = new ArrayList<>();
                }
            }
            if (position != null) {
                out.add(new NearMiss(expectation, where, position, line, checks));
            }
            i = j - 1;
        }
        return out;
    }

    /** The position at the start of a miss line: Kafka {@code dest[p]@o}, JMS {@code dest id=…}, else its first word. */
    static String position(String line) {
        Matcher kafka = KAFKA_POSITION.matcher(line);
        if (kafka.find()) {
            return kafka.group(1);
        }
        Matcher jms = JMS_POSITION.matcher(line);
        if (jms.find()) {
            return jms.group(1);
        }
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    /** Whether {@code m} is this miss: the same position. */
    public boolean is(Message m) {
        return position.equals(m.position());
    }

    /** The failed checks only ({@code FAIL …}). */
    public List<String> failedChecks() {
        return checks.stream().filter(c -> c.startsWith("FAIL")).toList();
    }
}
