package io.sitkit.jms;

import io.sitkit.core.Destination;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.SitkitException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Lists destinations with their depth through ActiveMQ Classic's statistics plugin
 * ({@code <statisticsBrokerPlugin/>}, enabled on the embedded broker): a request to
 * {@code ActiveMQ.Statistics.Destination.>} answers one map per destination, then an empty one.
 *
 * <p>Thread-safety: stateless; each call uses its own session.
 */
final class ActiveMqStatistics {
    private static final String QUERY = "ActiveMQ.Statistics.Destination.>";
    private static final String END_WITH_NULL = "ActiveMQ.Statistics.Destination.List.End.With.Null";

    private ActiveMqStatistics() {
    }

    static List<DestinationInfo> list(JmsClient client, JmsSettings settings) {
        String what = "listing destinations";
        try (Session s = client.connection(what).createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = s.createTemporaryQueue();
            List<DestinationInfo> out = new ArrayList<>();
            try (MessageConsumer c = s.createConsumer(replies); MessageProducer p = s.createProducer(s.createQueue(QUERY))) {
                jakarta.jms.Message query = s.createMessage();
                query.setJMSReplyTo(replies);
                query.setBooleanProperty(END_WITH_NULL, true);
                p.send(query);
                long deadline = System.nanoTime() + settings.timeout().toNanos();
                while (true) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    jakarta.jms.Message m = left <= 0 ? null : c.receive(left);
                    if (m == null) {
                        throw new SitkitException(what + " on " + settings.address() + " got no answer within "
                                + settings.timeout() + ": the broker needs ActiveMQ Classic's statistics plugin "
                                + "(<plugins><statisticsBrokerPlugin/></plugins>); other providers: use their management console");
                    }
                    if (!(m instanceof MapMessage map) || !map.getMapNames().hasMoreElements()) {
                        break;
                    }
                    DestinationInfo info = toInfo(map);
                    if (info != null) {
                        out.add(info);
                    }
                }
            } finally {
                replies.delete();
            }
            out.sort(Comparator.comparing(i -> i.destination().toString()));
            return out;
        } catch (JMSException e) {
            throw client.translate(e, what);
        }
    }

    private static DestinationInfo toInfo(MapMessage map) throws JMSException {
        String name = map.getString("destinationName");
        if (name == null) {
            return null;
        }
        Destination d;
        if (name.startsWith("queue://")) {
            d = Destination.jmsQueue(name.substring("queue://".length()));
        } else if (name.startsWith("topic://")) {
            d = Destination.jmsTopic(name.substring("topic://".length()));
        } else {
            return null;
        }
        if (d.name().startsWith("ActiveMQ.Advisory") || d.name().startsWith("ActiveMQ.Statistics")) {
            return null;
        }
        long size = d.isQueue() ? map.getLong("size") : -1;
        return new DestinationInfo(d, 0, size, Map.of(), isDeadLetterQueue(d));
    }

    /**
     * Classic's shared dead-letter queue, its individual ones ({@code ActiveMQ.DLQ.Queue.<name>},
     * {@code ActiveMQ.DLQ.Topic.<name>}) and the common {@code DLQ.<name>} convention.
     */
    static boolean isDeadLetterQueue(Destination d) {
        return d.isQueue() && (d.name().equals("ActiveMQ.DLQ") || d.name().startsWith("ActiveMQ.DLQ.") || d.name().startsWith("DLQ."));
    }
}
