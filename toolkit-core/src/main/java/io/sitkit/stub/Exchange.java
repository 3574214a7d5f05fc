package io.sitkit.stub;

import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request a stub received and what it did about it: the rule that answered (none when no
 * rule matched), the scenario state before and after, the replies it sent after faults (none when
 * dropped, two when duplicated), and the error that kept it from answering, if any.
 *
 * <p>Thread-safety: immutable.
 *
 * @param received    when the stub took the request
 * @param request     the request as received
 * @param rule        the answering rule's description, or null when no rule matched
 * @param stateBefore the scenario state the rule saw
 * @param stateAfter  the scenario state after answering
 * @param replies     what was sent (or scheduled to be sent after a delay)
 * @param error       why no reply went out (no reply address, template error, send failure), or null
 */
public record Exchange(Instant received, Message request, String rule, String stateBefore, String stateAfter,
                       List<OutgoingMessage> replies, String error) {
    public Exchange {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(request, "request");
        replies = List.copyOf(replies);
    }

    /** Whether a rule took the request. */
    public boolean matched() {
        return rule != null;
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(error);
    }
}
