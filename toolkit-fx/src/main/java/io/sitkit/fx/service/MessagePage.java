package io.sitkit.fx.service;

import io.sitkit.core.BrowseRequest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a destination, decoded and ready for the table.
 *
 * <p>Thread-safety: immutable.
 *
 * @param request the browse that read it (kept to page back to it)
 * @param rows    the rows, in partition then offset order (Kafka) or browse order (JMS)
 * @param next    the browse of the following page, empty at the end
 */
public record MessagePage(BrowseRequest request, List<MessageRow> rows, Optional<BrowseRequest> next) {
    public MessagePage {
        Objects.requireNonNull(request, "request");
        rows = List.copyOf(rows);
        Objects.requireNonNull(next, "next");
    }
}
