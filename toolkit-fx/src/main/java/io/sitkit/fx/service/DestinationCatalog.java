package io.sitkit.fx.service;

import io.sitkit.core.DestinationInfo;
import io.sitkit.kafka.ConsumerGroupInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists a connection's destinations with what the core's admin API knows: Kafka topics with
 * partitions, end offsets and consumer groups with lag; JMS queues with depth, and JMS topics.
 * Mirror topics of observed queues ({@code VirtualTopic.Mirror.*}) and Kafka's internal topics are
 * left out.
 *
 * <pre>{@code
 * List<DestinationEntry> entries = DestinationCatalog.list(connection);
 * }</pre>
 *
 * <p>Thread-safety: stateless; blocks on the brokers.
 */
public final class DestinationCatalog {
    private DestinationCatalog() {
    }

    /** Every destination, Kafka first, then JMS queues, then JMS topics, each sorted by name. */
    public static List<DestinationEntry> list(Connection connection) {
        var bus = connection.bus();
        Map<String, List<DestinationEntry.GroupLag>> groupsByTopic = new LinkedHashMap<>();
        if (bus.hasKafka()) {
            for (ConsumerGroupInfo g : bus.kafka().consumerGroups()) {
                Map<String, Long> lagByTopic = new LinkedHashMap<>();
                g.lags().forEach(l -> lagByTopic.merge(l.topic(), l.lag(), Long::sum));
                lagByTopic.forEach((topic, lag) -> groupsByTopic.computeIfAbsent(topic, t -> new ArrayList<>())
                        .add(new DestinationEntry.GroupLag(g.groupId(), g.state(), lag)));
            }
        }
        List<DestinationEntry> out = new ArrayList<>();
        for (DestinationInfo info : bus.listDestinations()) {
            String name = info.destination().name();
            if (name.startsWith("__") || info.destination().isJms() && name.startsWith("VirtualTopic.Mirror.")
                    || info.destination().isJms() && name.startsWith("ActiveMQ.")) {
                continue;
            }
            out.add(new DestinationEntry(info.destination(), info.partitions(), info.messageCount(), info.endOffsets(),
                    info.destination().isKafka() ? groupsByTopic.getOrDefault(name, List.of()) : List.of()));
        }
        out.sort(Comparator.comparing((DestinationEntry e) -> e.destination().isJms())
                .thenComparing(e -> !e.destination().isQueue())
                .thenComparing(e -> e.destination().name()));
        return out;
    }
}
