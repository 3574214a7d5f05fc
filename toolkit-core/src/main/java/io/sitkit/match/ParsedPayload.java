package io.sitkit.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.Message;

/**
 * Parses a message's payload as JSON once per thread and message: several JSON-path checks on the
 * same message (an {@code and}, a failure explanation) share one tree.
 *
 * <p>Thread-safety: one cached entry per thread.
 */
final class ParsedPayload {
    /** The one mapper of the matchers (thread-safe once configured; never reconfigured). */
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    private ParsedPayload() {
    }

    /** The payload as a JSON tree, or null when it is absent or not JSON. */
    static JsonNode json(Message message) {
        Object[] last = LAST.get();
        if (last[0] == message) {
            return (JsonNode) last[1];
        }
        JsonNode node = null;
        if (message.payloadSize() > 0) {
            try {
                node = MAPPER.readTree(message.payloadStream());
            } catch (java.io.IOException | RuntimeException e) {
                node = null;
            }
        }
        last[0] = message;
        last[1] = node;
        return node;
    }
}
