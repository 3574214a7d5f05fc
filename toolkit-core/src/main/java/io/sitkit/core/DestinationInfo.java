package io.sitkit.core;

import java.util.Map;

/**
 * What an admin listing knows about a destination.
 *
 * <p>Thread-safety: immutable.
 *
 * @param destination  the destination
 * @param partitions   Kafka partition count, or 0 for JMS
 * @param messageCount messages held (Kafka: end minus start offsets; JMS: queue depth), or -1 when the broker does not say
 * @param endOffsets   Kafka end offset per partition; empty for JMS
 * @param deadLetter   whether this is a dead-letter queue
 */
public record DestinationInfo(Destination destination, int partitions, long messageCount,
                              Map<Integer, Long> endOffsets, boolean deadLetter) {
    public DestinationInfo {
        endOffsets = Map.copyOf(endOffsets);
    }
}
