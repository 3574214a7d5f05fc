package io.sitkit.fx.service;

import io.sitkit.core.Destination;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One destination as the tree shows it: partitions, message count, end offsets and the consumer
 * groups reading it with their lag (Kafka), or depth (JMS queues).
 *
 * <p>Thread-safety: immutable.
 *
 * @param destination  the destination
 * @param partitions   Kafka partitions, 0 for JMS
 * @param messageCount messages held (Kafka: end minus start offsets; queue depth), -1 when unknown
 * @param endOffsets   Kafka end offset per partition
 * @param groups       consumer groups with committed offsets on this topic
 */
public record DestinationEntry(Destination destination, int partitions, long messageCount, Map<Integer, Long> endOffsets,
                               List<GroupLag> groups) {
    public DestinationEntry {
        Objects.requireNonNull(destination, "destination");
        endOffsets = Map.copyOf(endOffsets);
        groups = List.copyOf(groups);
    }

    /** A short line for the tree: "3 partitions · 1,204 messages · 2 groups (lag 17)"; one partition is not mentioned. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (destination.isKafka() && partitions != 1) {
            sb.append(partitions).append(" partitions · ");
        }
        if (destination.isJms() && !destination.isQueue()) {
            sb.append("topic (nothing kept to browse)");
        } else {
            sb.append(messageCount < 0 ? "? messages" : String.format("%,d", messageCount) + (messageCount == 1 ? " message" : " messages"));
        }
        if (!groups.isEmpty()) {
            long lag = groups.stream().mapToLong(GroupLag::lag).sum();
            sb.append(" · ").append(groups.size()).append(groups.size() == 1 ? " group" : " groups").append(" (lag ").append(lag).append(')');
        }
        return sb.toString();
    }

    /**
     * A consumer group's position on one topic.
     *
     * @param groupId the group
     * @param state   as the broker reports it
     * @param lag     end minus committed, summed over the topic's partitions
     */
    public record GroupLag(String groupId, String state, long lag) {
    }
}
