package io.sitkit.fx.service;

import io.sitkit.core.BrowsePage;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads pages of a destination without consuming anything, through the core's non-destructive
 * browse, and decodes each row. Kafka topics page by offsets (every partition, or one), a
 * timestamp, the beginning or the end; JMS queues by browse index.
 *
 * <pre>{@code
 * MessageBrowser browser = new MessageBrowser(connection, PayloadDecoding.using(connection.schemas()));
 * MessagePage first = browser.open(Destination.kafka("orders"), PagePosition.beginning(), 100, DecoderChoice.AUTO);
 * MessagePage second = browser.read(first.next().orElseThrow(), DecoderChoice.AUTO);
 * }</pre>
 *
 * <p>Thread-safety: thread-safe; every call blocks on the broker (run it off the FX thread).
 */
public final class MessageBrowser {
    private final Connection connection;
    private final PayloadDecoding decoding;

    public MessageBrowser(Connection connection, PayloadDecoding decoding) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.decoding = Objects.requireNonNull(decoding, "decoding");
    }

    public PayloadDecoding decoding() {
        return decoding;
    }

    /** The browse that starts at {@code position} with {@code pageSize} rows. */
    public BrowseRequest request(Destination d, PagePosition position, int pageSize) {
        if (d.isJms() && !d.isQueue()) {
            throw new IllegalArgumentException(d + " is a JMS topic: it keeps no messages to browse; use Live tail to watch it");
        }
        BrowseRequest r = BrowseRequest.of(d).withLimit(pageSize);
        if (position instanceof PagePosition.Offset o) {
            r = r.fromOffset(o.offset());
            if (o.partition() != null) {
                if (!d.isKafka()) {
                    throw new IllegalArgumentException("a partition only applies to Kafka topics, not " + d);
                }
                r = r.withPartition(o.partition());
            }
        } else if (position instanceof PagePosition.Timestamp t) {
            if (!d.isKafka()) {
                throw new IllegalArgumentException("a JMS queue cannot be browsed from a timestamp; filter by time range instead");
            }
            r = r.fromTimestamp(t.at());
        } else if (position instanceof PagePosition.End) {
            r = d.isKafka() ? endOfTopic(d, pageSize) : r.fromOffset(Math.max(0, connection.bus().jms().depth(d) - pageSize));
        }
        return r;
    }

    private BrowseRequest endOfTopic(Destination d, int pageSize) {
        int partitions = Math.max(1, connection.bus().kafka().listDestinations().stream()
                .filter(i -> i.destination().equals(d)).mapToInt(i -> i.partitions()).findFirst().orElse(1));
        return BrowseRequest.of(d).withLimit(pageSize).last(Math.max(1, (pageSize + partitions - 1) / partitions));
    }

    /** Opens the page at {@code position}. */
    public MessagePage open(Destination d, PagePosition position, int pageSize, DecoderChoice choice) {
        return read(request(d, position, pageSize), choice);
    }

    /** Reads and decodes the page {@code request} names. */
    public MessagePage read(BrowseRequest request, DecoderChoice choice) {
        BrowsePage page = connection.bus().browse(request);
        long index = request.from() instanceof BrowseRequest.From.Offsets o && request.destination().isJms() ? o.offsetFor(0) : 0;
        List<MessageRow> rows = new ArrayList<>(page.messages().size());
        for (Message m : page.messages()) {
            rows.add(MessageRow.of(m, index++, decoding, choice));
        }
        return new MessagePage(request, rows, page.next());
    }
}
