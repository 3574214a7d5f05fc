package io.sitkit.kafka;

import java.util.List;

/**
 * A consumer group with its committed offsets and lag.
 *
 * <pre>{@code
 * long lag = bus.kafka().consumerGroups().get(0).totalLag();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param groupId the group id
 * @param state   the group state as the broker reports it (Stable, Empty…)
 * @param lags    committed offset, end offset and lag per partition
 */
public record ConsumerGroupInfo(String groupId, String state, List<PartitionLag> lags) {
    public ConsumerGroupInfo {
        lags = List.copyOf(lags);
    }

    /** Total lag over all partitions. */
    public long totalLag() {
        return lags.stream().mapToLong(PartitionLag::lag).sum();
    }

    /**
     * @param topic     topic
     * @param partition partition
     * @param committed committed offset
     * @param end       end offset
     * @param lag       end minus committed, never negative
     */
    public record PartitionLag(String topic, int partition, long committed, long end, long lag) {
    }
}
