package io.sitkit.kafka;

import io.sitkit.core.BrowsePage;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.InvalidDestinationException;
import io.sitkit.core.Message;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Non-destructive reads of a topic: a group-less consumer assigned one partition at a time,
 * read from the computed start up to the end offset seen when the browse began.
 *
 * <p>Thread-safety: each call uses its own consumer on the calling thread.
 */
final class KafkaBrowser {
    private final KafkaSettings settings;

    KafkaBrowser(KafkaSettings settings) {
        this.settings = settings;
    }

    BrowsePage browse(BrowseRequest request) {
        String topic = request.destination().name();
        String what = "browsing " + request.destination();
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(KafkaClients.consumer(settings));
        try {
            List<PartitionInfo> infos = c.partitionsFor(topic, settings.timeout());
            if (infos == null || infos.isEmpty()) {
                throw new InvalidDestinationException("cannot browse " + request.destination()
                        + ": the topic does not exist on Kafka at " + settings.bootstrapServers());
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : infos) {
                if (request.partition() == null || request.partition() == p.partition()) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            if (partitions.isEmpty()) {
                throw new InvalidDestinationException("cannot browse " + request.destination() + " partition "
                        + request.partition() + ": the topic has partitions 0.." + (infos.size() - 1));
            }
            partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            Map<TopicPartition, Long> begin = c.beginningOffsets(partitions, settings.timeout());
            Map<TopicPartition, Long> end = c.endOffsets(partitions, settings.timeout());
            Map<TopicPartition, Long> start = starts(c, request, partitions, begin, end);

            List<Message> out = new ArrayList<>();
            Map<Integer, Long> next = new TreeMap<>();
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            Instant now = Instant.now();
            for (TopicPartition tp : partitions) {
                long from = start.get(tp);
                long to = end.get(tp);
                long position = from;
                if (from < to && out.size() < request.limit()) {
                    c.assign(List.of(tp));
                    c.seek(tp, from);
                    while (position < to && out.size() < request.limit()) {
                        if (System.nanoTime() > deadline) {
                            throw KafkaErrors.timeout(what + " (read " + out.size() + " messages, partition "
                                    + tp.partition() + " at offset " + position + " of " + to + ")", settings,
                                    new org.apache.kafka.common.errors.TimeoutException("browse deadline"));
                        }
                        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200)).records(tp)) {
                            if (r.offset() >= to || out.size() >= request.limit()) {
                                break;
                            }
                            out.add(KafkaRecords.toMessage(r, request.destination(), now));
                            position = r.offset() + 1;
                        }
                        // Skips transaction markers and compacted gaps: the consumer's position is authoritative.
                        if (out.size() < request.limit()) {
                            position = Math.max(position, c.position(tp, settings.timeout()));
                        }
                    }
                }
                next.put(tp.partition(), Math.min(position, to));
            }
            boolean more = partitions.stream().anyMatch(tp -> next.get(tp.partition()) < end.get(tp));
            Optional<BrowseRequest> nextRequest = more ? Optional.of(request.fromOffsets(next)) : Optional.empty();
            return new BrowsePage(out, nextRequest);
        } catch (RuntimeException e) {
            throw KafkaErrors.translate(e, what, settings, 0);
        } finally {
            KafkaClients.closeNow(c);
        }
    }

    private Map<TopicPartition, Long> starts(KafkaConsumer<byte[], byte[]> c, BrowseRequest request,
                                             List<TopicPartition> partitions, Map<TopicPartition, Long> begin,
                                             Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> start = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
        BrowseRequest.From from = request.from();
        if (from instanceof BrowseRequest.From.Timestamp ts) {
            Map<TopicPartition, Long> query = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
            partitions.forEach(tp -> query.put(tp, ts.timestamp().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = c.offsetsForTimes(query, settings.timeout());
            partitions.forEach(tp -> start.put(tp, found.get(tp) == null ? end.get(tp) : found.get(tp).offset()));
            return start;
        }
        for (TopicPartition tp : partitions) {
            long b = begin.get(tp);
            long e = end.get(tp);
            long s;
            if (from instanceof BrowseRequest.From.Offsets o) {
                s = o.offsetFor(tp.partition());
            } else if (from instanceof BrowseRequest.From.Last l) {
                s = e - l.n();
            } else {
                s = b;
            }
            start.put(tp, Math.min(Math.max(s, b), e));
        }
        return start;
    }
}
