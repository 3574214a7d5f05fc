package io.sitkit.kafka;

import io.sitkit.core.BrokerUnavailableException;
import io.sitkit.core.SitkitException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeReplicaLogDirsResult.ReplicaLogDirInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.TopicPartitionReplica;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * After a topic is created, waits until its brokers serve it. A KRaft controller acknowledges a
 * creation once the metadata log holds it; each broker applies that log a moment later (first its
 * metadata cache, then its replicas) and, until then, answers "unknown topic or partition" — which a
 * describe right after the creation may get from a broker that lags (a loaded machine, a cluster of
 * several nodes).
 *
 * <p>Kafka tells a client of neither step, so this asks: it describes the topics until every
 * partition has a leader, then asks each replica's broker for its replica's log dir until every
 * replica has one (a broker holding the replica's log has applied the topic's metadata too). The
 * rounds are paced from {@value #FIRST_PAUSE_MS} ms to {@value #MAX_PAUSE_MS} ms apart, so a loaded
 * machine is not kept busier than it is; the whole wait is bounded by {@link KafkaSettings#timeout()}.
 * A broker holding no replica of the topic may learn of it a moment later; on a cluster whose every
 * node holds a replica (replication factor = nodes) that leaves none.
 *
 * <p>Where the check is not allowed (describing log dirs needs Describe on the cluster) it is
 * skipped: the creation itself succeeded.
 *
 * <p>Thread-safety: stateless; safe from any thread, as the admin client is.
 */
final class TopicReadiness {
    private static final Logger LOG = LoggerFactory.getLogger(TopicReadiness.class);
    private static final long FIRST_PAUSE_MS = 5;
    private static final long MAX_PAUSE_MS = 100;

    private TopicReadiness() {
    }

    /**
     * Returns once every partition of {@code topics} has a leader and every replica's broker holds its log.
     *
     * @throws BrokerUnavailableException when that is not so within {@link KafkaSettings#timeout()}
     */
    static void await(Admin admin, Collection<String> topics, KafkaSettings settings) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        String what = "kafka:" + String.join(", kafka:", topics);
        Pace pace = new Pace(deadline);
        try {
            List<TopicPartitionReplica> pending = replicas(describe(admin, topics, pace, what, settings));
            while (true) {
                Map<TopicPartitionReplica, ReplicaLogDirInfo> dirs = get(admin.describeReplicaLogDirs(pending).all(), deadline);
                pending.removeIf(r -> dirs.get(r) != null && dirs.get(r).getCurrentReplicaLogDir() != null);
                if (pending.isEmpty()) {
                    return;
                }
                if (!pace.next()) {
                    throw notServed(what, settings, "these replicas have no log yet: " + byBroker(pending));
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ClusterAuthorizationException || cause instanceof TopicAuthorizationException
                    || cause instanceof UnsupportedVersionException) {
                LOG.debug("not checking that the brokers serve {} yet: {}", what, cause.toString());
                return;
            }
            throw KafkaErrors.translate(cause, "checking that the brokers serve " + what, settings, 0);
        } catch (java.util.concurrent.TimeoutException e) {
            throw notServed(what, settings, "the last check got no answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitkitException("interrupted while waiting for the brokers to serve " + what, e);
        }
    }

    /** Describes the topics until the broker asked knows them and every partition has a leader. */
    private static Collection<TopicDescription> describe(Admin admin, Collection<String> topics, Pace pace, String what,
                                                         KafkaSettings settings)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        while (true) {
            List<String> leaderless = new ArrayList<>();
            try {
                Collection<TopicDescription> found = get(admin.describeTopics(topics).allTopicNames(), pace.deadline).values();
                found.forEach(d -> d.partitions().stream().filter(p -> p.leader() == null || p.leader().isEmpty())
                        .forEach(p -> leaderless.add(d.name() + "-" + p.partition())));
                if (leaderless.isEmpty()) {
                    return found;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                leaderless.add("(not described yet)");
            }
            if (!pace.next()) {
                throw notServed(what, settings, "partitions without a leader: " + String.join(", ", leaderless));
            }
        }
    }

    private static List<TopicPartitionReplica> replicas(Collection<TopicDescription> topics) {
        List<TopicPartitionReplica> out = new ArrayList<>();
        for (TopicDescription d : topics) {
            for (TopicPartitionInfo p : d.partitions()) {
                p.replicas().forEach(n -> out.add(new TopicPartitionReplica(d.name(), p.partition(), n.id())));
            }
        }
        return out;
    }

    /** {@code node 2: orders-0, orders-1} for the failure message. */
    private static String byBroker(List<TopicPartitionReplica> replicas) {
        Map<Integer, List<String>> out = new TreeMap<>();
        replicas.forEach(r -> out.computeIfAbsent(r.brokerId(), b -> new ArrayList<>()).add(r.topic() + "-" + r.partition()));
        List<String> lines = new ArrayList<>();
        out.forEach((b, held) -> lines.add("node " + b + ": " + String.join(", ", held)));
        return String.join("; ", lines);
    }

    private static <T> T get(KafkaFuture<T> future, long deadline)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static BrokerUnavailableException notServed(String what, KafkaSettings settings, String seen) {
        return new BrokerUnavailableException(what + " was created, but its brokers did not all serve it within "
                + settings.timeout() + " (sitkit.kafka.timeout): " + seen + "; a broker may be down or slow to apply "
                + "the cluster's metadata", null);
    }

    /** The interval between two checks: doubling from the first pause to the longest, never past the deadline. */
    private static final class Pace {
        private final long deadline;
        private long pauseMs = FIRST_PAUSE_MS;

        Pace(long deadline) {
            this.deadline = deadline;
        }

        /** Waits out the interval before the next check; false when the deadline has passed instead. */
        boolean next() {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // A poll interval, not a wait for an event: Kafka notifies clients of neither step of a creation.
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(pauseMs)));
            pauseMs = Math.min(MAX_PAUSE_MS, pauseMs * 2);
            return System.nanoTime() - deadline < 0;
        }
    }
}
