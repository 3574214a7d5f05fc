package io.sitkit.record;

import io.sitkit.core.Destination;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a finished replay did: messages sent per target destination, message lines it left out by
 * its filter, schemas it registered in the target registry, and how long it took.
 *
 * <pre>{@code
 * ReplayResult r = Replay.of(file).only(Replay.INJECTED).into(bus);
 * r.describe();  // replayed 12 messages from capture file run.jsonl in 85ms: kafka:orders=10, jms:queue:payments=2; 30 left out
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param source     the recording, as errors name it
 * @param sent       messages sent and acknowledged
 * @param skipped    message lines the replay's filter left out
 * @param sentTo     messages sent per target destination, in first-sent order
 * @param registered schemas registered in the target registry (re-encoding)
 * @param took       from the first line read to the last acknowledgement
 */
public record ReplayResult(String source, long sent, long skipped, Map<Destination, Long> sentTo, int registered, Duration took) {
    public ReplayResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(took, "took");
        sentTo = Collections.unmodifiableMap(new LinkedHashMap<>(sentTo));
    }

    /** One line for logs and reports. */
    public String describe() {
        String per = sentTo.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return "replayed " + sent + " messages from " + source + " in " + took.toMillis() + "ms" + (per.isEmpty() ? "" : ": " + per)
                + (skipped > 0 ? "; " + skipped + " left out" : "") + (registered > 0 ? "; " + registered + " schemas registered" : "");
    }
}
