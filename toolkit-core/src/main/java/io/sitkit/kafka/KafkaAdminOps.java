package io.sitkit.kafka;

import io.sitkit.core.Destination;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.InvalidDestinationException;
import io.sitkit.core.SitkitException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Topic and consumer-group administration through one Kafka {@link Admin} client.
 *
 * <p>Thread-safety: thread-safe (the Admin client is).
 */
final class KafkaAdminOps implements AutoCloseable {
    private final KafkaSettings settings;
    private final Admin admin;

    KafkaAdminOps(KafkaSettings settings) {
        this.settings = settings;
        this.admin = Admin.create(KafkaClients.admin(settings));
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        return get(future, what, cause -> null);
    }

    /**
     * Waits for an admin result within the timeout; {@code known} may turn a cause into a specific
     * error (or return null to use the generic translation).
     */
    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what,
                      java.util.function.Function<Throwable, RuntimeException> known) {
        try {
            return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            RuntimeException specific = known.apply(e.getCause());
            throw specific != null ? specific : KafkaErrors.translate(e, what, settings, 0);
        } catch (java.util.concurrent.TimeoutException e) {
            throw KafkaErrors.timeout(what, settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitkitException("interrupted while " + what, e);
        }
    }

    List<DestinationInfo> listTopics(boolean includeInternal) {
        String what = "listing topics";
        Collection<String> names = get(admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions()
                .listInternal(includeInternal)).names(), what);
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> described = get(admin.describeTopics(names).allTopicNames(), what);
        List<TopicPartition> partitions = new ArrayList<>();
        described.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest(), what);
        Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest(), what);
        List<DestinationInfo> out = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(names)) {
            TopicDescription d = described.get(name);
            Map<Integer, Long> ends = new TreeMap<>();
            long count = 0;
            for (var p : d.partitions()) {
                TopicPartition tp = new TopicPartition(name, p.partition());
                ends.put(p.partition(), latest.getOrDefault(tp, 0L));
                count += latest.getOrDefault(tp, 0L) - earliest.getOrDefault(tp, 0L);
            }
            out.add(new DestinationInfo(Destination.kafka(name), d.partitions().size(), count, ends, false));
        }
        return out;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec, String what) {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(admin.listOffsets(query).all(), what);
        Map<TopicPartition, Long> out = new HashMap<>();
        result.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    void createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        Destination.kafka(name);
        get(admin.createTopics(List.of(new NewTopic(name, partitions, replicationFactor).configs(configs))).all(),
                "creating kafka:" + name, cause -> cause instanceof TopicExistsException
                        ? new InvalidDestinationException("cannot create kafka:" + name + ": it already exists") : null);
    }

    /** Creates the topic unless it exists; true when it was created now. */
    boolean createTopicIfMissing(String name, int partitions) {
        Destination.kafka(name);
        try {
            get(admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all(), "creating kafka:" + name,
                    cause -> cause instanceof TopicExistsException ? new AlreadyThere() : null);
            return true;
        } catch (AlreadyThere e) {
            return false;
        }
    }

    /** Marks the one failure {@link #createTopicIfMissing} expects. */
    private static final class AlreadyThere extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyThere() {
            super(null, null, false, false);
        }
    }

    void createTopics(List<String> names, int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String n : names) {
            Destination.kafka(n);
            topics.add(new NewTopic(n, partitions, (short) 1));
        }
        get(admin.createTopics(topics).all(), "creating " + names.size() + " topics (" + String.join(", ", names) + ")",
                cause -> cause instanceof TopicExistsException
                        ? new InvalidDestinationException("cannot create topics " + names + ": one already exists") : null);
    }

    void deleteTopic(String name) {
        get(admin.deleteTopics(List.of(name)).all(), "deleting kafka:" + name,
                cause -> cause instanceof UnknownTopicOrPartitionException
                        ? new InvalidDestinationException("cannot delete kafka:" + name + ": no such topic") : null);
    }

    List<ConsumerGroupInfo> consumerGroups() {
        String what = "listing consumer groups";
        Collection<GroupListing> listings = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all(), what);
        List<String> ids = listings.stream().map(GroupListing::groupId).sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = get(admin.describeConsumerGroups(ids).all(), what);
        List<ConsumerGroupInfo> out = new ArrayList<>();
        for (String id : ids) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    get(admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata(), what);
            List<TopicPartition> tps = new ArrayList<>(committed.keySet());
            Map<TopicPartition, Long> ends = tps.isEmpty() ? Map.of() : offsets(tps, OffsetSpec.latest(), what);
            List<ConsumerGroupInfo.PartitionLag> lags = new ArrayList<>();
            tps.sort((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
            for (TopicPartition tp : tps) {
                OffsetAndMetadata om = committed.get(tp);
                if (om == null) {
                    continue;
                }
                long end = ends.getOrDefault(tp, om.offset());
                lags.add(new ConsumerGroupInfo.PartitionLag(tp.topic(), tp.partition(), om.offset(), end,
                        Math.max(0, end - om.offset())));
            }
            ConsumerGroupDescription d = descriptions.get(id);
            out.add(new ConsumerGroupInfo(id, d == null ? "Unknown" : d.groupState().toString(), lags));
        }
        return out;
    }

    void resetOffsets(String groupId, String topic, OffsetReset to) {
        String what = "resetting offsets of group '" + groupId + "' on kafka:" + topic;
        Map<String, TopicDescription> d = get(admin.describeTopics(List.of(topic)).allTopicNames(), what);
        List<TopicPartition> tps = d.get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> target;
        if (to instanceof OffsetReset.Earliest) {
            target = offsets(tps, OffsetSpec.earliest(), what);
        } else if (to instanceof OffsetReset.Latest) {
            target = offsets(tps, OffsetSpec.latest(), what);
        } else if (to instanceof OffsetReset.ToTimestamp ts) {
            target = offsets(tps, OffsetSpec.forTimestamp(ts.timestamp().toEpochMilli()), what);
            Map<TopicPartition, Long> latest = offsets(tps, OffsetSpec.latest(), what);
            target.replaceAll((tp, o) -> o < 0 ? latest.get(tp) : o);
        } else {
            long o = ((OffsetReset.ToOffset) to).offset();
            target = new HashMap<>();
            tps.forEach(tp -> target.put(tp, o));
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        target.forEach((tp, o) -> offsets.put(tp, new OffsetAndMetadata(o)));
        get(admin.alterConsumerGroupOffsets(groupId, offsets).all(), what,
                cause -> cause instanceof org.apache.kafka.common.errors.UnknownMemberIdException
                        || cause instanceof org.apache.kafka.common.errors.GroupNotEmptyException
                        ? new SitkitException(what + " failed: the group has active members; stop its consumers first", cause)
                        : null);
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
