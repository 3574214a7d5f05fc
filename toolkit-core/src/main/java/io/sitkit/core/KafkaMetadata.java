package io.sitkit.core;

/**
 * Kafka's view of a record.
 *
 * <p>Thread-safety: immutable.
 *
 * @param partition     the partition, ≥ 0
 * @param offset        the offset within the partition, ≥ 0
 * @param timestampType {@code CreateTime} or {@code LogAppendTime} — which clock the message timestamp is
 * @param leaderEpoch   the leader epoch, or -1 if unknown
 */
public record KafkaMetadata(int partition, long offset, String timestampType, int leaderEpoch)
        implements TransportMetadata {
    public KafkaMetadata {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0: " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
    }
}
