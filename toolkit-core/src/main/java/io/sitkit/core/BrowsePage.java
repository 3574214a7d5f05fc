package io.sitkit.core;

import java.util.List;
import java.util.Optional;

/**
 * One page of a browse.
 *
 * <p>Thread-safety: immutable.
 *
 * @param messages what was read, ordered by partition then offset (Kafka) or browse order (JMS)
 * @param next     the request for the following page, empty when the end was reached
 */
public record BrowsePage(List<Message> messages, Optional<BrowseRequest> next) {
    public BrowsePage {
        messages = List.copyOf(messages);
    }
}
