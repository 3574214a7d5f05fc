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
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Topic and consumer-group administration through one Kafka {@link Admin} client.
 *
 * <p>Thread-safety: thread-safe (the Admin client is).
 */
final class KafkaAdminOps implements AutoCloseable {
    /** How long offsets may take before the partitions waited for are checked to still exist. */
    private static final java.time.Duration STALL = java.time.Duration.ofMillis(200);
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

    /**
     * Every topic with its partitions and offsets. Topics come and go while this runs: one deleted
     * after the names were listed is left out; one whose offsets cannot be read (deleted meanwhile,
     * or created so recently that its leader does not host it yet) is listed with a message count of
     * -1 and no end offsets. A topic created after the names were listed shows on the next listing.
     */
    List<DestinationInfo> listTopics(boolean includeInternal) {
        String what = "listing topics";
        Collection<String> names = get(admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions()
                .listInternal(includeInternal)).names(), what);
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> described = new TreeMap<>();
        admin.describeTopics(names).topicNameValues().forEach((name, future) -> {
            TopicDescription d = orAbsent(future, what);
            if (d != null) {
                described.put(name, d);
            }
        });
        List<TopicPartition> partitions = new ArrayList<>();
        described.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        Map<TopicPartition, Long> earliest = knownOffsets(partitions, OffsetSpec.earliest(), what);
        Map<TopicPartition, Long> latest = knownOffsets(partitions, OffsetSpec.latest(), what);
        List<DestinationInfo> out = new ArrayList<>();
        for (TopicDescription d : described.values()) {
            Map<Integer, Long> ends = new TreeMap<>();
            long count = 0;
            for (var p : d.partitions()) {
                TopicPartition tp = new TopicPartition(d.name(), p.partition());
                Long begin = earliest.get(tp);
                Long end = latest.get(tp);
                if (begin == null || end == null) {
                    count = -1;
                    break;
                }
                ends.put(p.partition(), end);
                count += end - begin;
            }
            out.add(new DestinationInfo(Destination.kafka(d.name()), d.partitions().size(), count,
                    count < 0 ? Map.of() : ends, false));
        }
        return out;
    }

    /** Offsets of every partition; any failure fails the whole call. */
    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec, String what) {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(admin.listOffsets(query).all(), what);
        Map<TopicPartition, Long> out = new HashMap<>();
        result.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /**
     * Offsets of the partitions that have them: those of a topic deleted meanwhile, or not hosted
     * yet, are left out. The admin client retries a partition whose topic was deleted after it found
     * the leader until its timeout; so while answers are slow, the topics still waited for are
     * described again, and partitions that no longer exist are not waited for.
     */
    private Map<TopicPartition, Long> knownOffsets(List<TopicPartition> partitions, OffsetSpec spec, String what) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, spec));
        ListOffsetsResult result = admin.listOffsets(query);
        Map<TopicPartition, org.apache.kafka.common.KafkaFuture<ListOffsetsResult.ListOffsetsResultInfo>> pending = new HashMap<>();
        partitions.forEach(tp -> pending.put(tp, result.partitionResult(tp)));
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (!awaitAll(pending.values(), deadline, what)) {
            Set<TopicPartition> existing = existingPartitions(pending.keySet(), what);
            pending.keySet().removeIf(tp -> !pending.get(tp).isDone() && !existing.contains(tp));
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        pending.forEach((tp, future) -> {
            if (!future.isDone()) {
                throw KafkaErrors.timeout(what + " (offsets of " + tp + ")", settings,
                        new org.apache.kafka.common.errors.TimeoutException("no offsets within " + settings.timeout()));
            }
            ListOffsetsResult.ListOffsetsResultInfo info = orAbsent(future, what);
            if (info != null) {
                out.put(tp, info.offset());
            }
        });
        return out;
    }

    /**
     * Waits up to {@link #STALL} for every future; true when all are done or the deadline passed
     * (the futures then say what happened), false when some are still running.
     */
    private static boolean awaitAll(Collection<? extends org.apache.kafka.common.KafkaFuture<?>> futures, long deadline,
                                    String what) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return true;
        }
        CompletableFuture<?>[] all = futures.stream().map(f -> f.toCompletionStage().toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(Math.min(left, STALL.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return System.nanoTime() >= deadline;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitkitException("interrupted while " + what, e);
        }
    }

    /** Which of {@code partitions} exist now, as a fresh description of their topics says. */
    private Set<TopicPartition> existingPartitions(Set<TopicPartition> partitions, String what) {
        Set<String> topics = new TreeSet<>();
        partitions.forEach(tp -> topics.add(tp.topic()));
        Set<TopicPartition> out = new HashSet<>();
        admin.describeTopics(topics).topicNameValues().forEach((name, future) -> {
            TopicDescription d = orAbsent(future, what);
            if (d != null) {
                d.partitions().forEach(p -> out.add(new TopicPartition(name, p.partition())));
            }
        });
        return out;
    }

    /** The result, or null when the topic, partition or group it is about does not exist (any more, or yet). */
    private <T> T orAbsent(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return get(future, what, cause -> cause instanceof UnknownTopicOrPartitionException
                    || cause instanceof org.apache.kafka.common.errors.GroupIdNotFoundException ? new Expected() : null);
        } catch (Expected absent) {
            return null;
        }
    }

    void createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        Destination.kafka(name);
        get(admin.createTopics(List.of(new NewTopic(name, partitions, replicationFactor).configs(configs))).all(),
                "creating kafka:" + name, cause -> cause instanceof TopicExistsException
                        ? new InvalidDestinationException("cannot create kafka:" + name + ": it already exists") : null);
        TopicReadiness.await(admin, List.of(name), settings);
    }

    /** Whether the topic exists, as the broker describes it now. */
    boolean exists(String name) {
        return orAbsent(admin.describeTopics(List.of(name)).topicNameValues().get(name), "describing kafka:" + name) != null;
    }

    /** Creates the topic unless it exists; true when it was created now. */
    boolean createTopicIfMissing(String name, int partitions) {
        Destination.kafka(name);
        try {
            get(admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all(), "creating kafka:" + name,
                    cause -> cause instanceof TopicExistsException ? new Expected() : null);
            TopicReadiness.await(admin, List.of(name), settings);
            return true;
        } catch (Expected e) {
            return false;
        }
    }

    /** Marks a failure the caller expects and handles: a topic already there, or one gone. */
    private static final class Expected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expected() {
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
        TopicReadiness.await(admin, names, settings);
    }

    void deleteTopic(String name) {
        get(admin.deleteTopics(List.of(name)).all(), "deleting kafka:" + name,
                cause -> cause instanceof UnknownTopicOrPartitionException
                        ? new InvalidDestinationException("cannot delete kafka:" + name + ": no such topic") : null);
    }

    /**
     * Consumer groups with their committed offsets and lag. A group deleted while this runs is left
     * out, and so are its offsets on a topic that is gone (or not hosted yet).
     */
    List<ConsumerGroupInfo> consumerGroups() {
        String what = "listing consumer groups";
        Collection<GroupListing> listings = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all(), what);
        List<String> ids = listings.stream().map(GroupListing::groupId).sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, org.apache.kafka.common.KafkaFuture<ConsumerGroupDescription>> descriptions =
                admin.describeConsumerGroups(ids).describedGroups();
        List<ConsumerGroupInfo> out = new ArrayList<>();
        for (String id : ids) {
            ConsumerGroupDescription d = orAbsent(descriptions.get(id), what);
            Map<TopicPartition, OffsetAndMetadata> committed = orAbsent(admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata(), what);
            if (d == null || committed == null) {
                continue;
            }
            List<TopicPartition> tps = new ArrayList<>(committed.keySet());
            Map<TopicPartition, Long> ends = knownOffsets(tps, OffsetSpec.latest(), what);
            List<ConsumerGroupInfo.PartitionLag> lags = new ArrayList<>();
            tps.sort((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
            for (TopicPartition tp : tps) {
                OffsetAndMetadata om = committed.get(tp);
                Long end = ends.get(tp);
                if (om == null || end == null) {
                    continue;
                }
                lags.add(new ConsumerGroupInfo.PartitionLag(tp.topic(), tp.partition(), om.offset(), end,
                        Math.max(0, end - om.offset())));
            }
            out.add(new ConsumerGroupInfo(id, d.groupState().toString(), lags));
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
