package io.sitkit.kafka;

import io.sitkit.core.BrokerUnavailableException;
import io.sitkit.core.SitkitException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
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

/**
 * After a topic is created, waits until its brokers serve it. A KRaft controller acknowledges a
 * creation once the metadata log holds it; each broker applies that log a moment later and, until
 * then, answers "unknown topic or partition" for it — which a describe right after the creation
 * may get from a broker that lags (a loaded machine, a cluster of several nodes).
 *
 * <p>The wait is Kafka's own: {@code DescribeProducers} answers "unknown topic or partition" until
 * the broker asked holds the partition, and the admin client retries that answer itself (every
 * {@code retry.backoff.ms}) within the call's timeout. It is asked first of each partition's
 * leader, then, once the topic can be described, of every broker holding a replica. A broker
 * holding no replica of the topic may still learn of it a moment later; on a cluster whose every
 * node holds a replica (replication factor = nodes) that leaves none.
 *
 * <p>Where the check is not allowed (no Read ACL on the topic, a broker older than 2.8) it is
 * skipped: the creation itself succeeded.
 *
 * <p>Thread-safety: stateless; safe from any thread, as the admin client is.
 */
final class TopicReadiness {
    private static final Logger LOG = LoggerFactory.getLogger(TopicReadiness.class);

    private TopicReadiness() {
    }

    /**
     * Returns once every partition of {@code topics} has a leader and every replica's broker holds it.
     *
     * @param partitions the partitions of each topic, as created
     * @throws BrokerUnavailableException when that is not so within {@link KafkaSettings#timeout()}
     */
    static void await(Admin admin, Map<String, Integer> partitions, KafkaSettings settings) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        List<TopicPartition> all = new ArrayList<>();
        partitions.forEach((topic, n) -> {
            for (int p = 0; p < n; p++) {
                all.add(new TopicPartition(topic, p));
            }
        });
        String what = "kafka:" + String.join(", kafka:", partitions.keySet());
        try {
            get(admin.describeProducers(all, options(deadline)).all(), deadline);
            Map<Integer, List<TopicPartition>> byBroker = replicas(describe(admin, partitions.keySet(), deadline));
            List<KafkaFuture<?>> asked = new ArrayList<>();
            byBroker.forEach((broker, held) ->
                    asked.add(admin.describeProducers(held, options(deadline).brokerId(broker)).all()));
            for (KafkaFuture<?> f : asked) {
                get(f, deadline);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TopicAuthorizationException || cause instanceof ClusterAuthorizationException
                    || cause instanceof UnsupportedVersionException) {
                LOG.debug("not checking that the brokers serve {} yet: {}", what, cause.toString());
                return;
            }
            if (cause instanceof TimeoutException) {
                throw notServed(what, settings, cause);
            }
            throw KafkaErrors.translate(cause, "checking that the brokers serve " + what, settings, 0);
        } catch (java.util.concurrent.TimeoutException e) {
            throw notServed(what, settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitkitException("interrupted while waiting for the brokers to serve " + what, e);
        }
    }

    /**
     * Describes the topics. Their leaders hold them by now, so the broker asked (the admin's least
     * loaded connection, most likely a leader's) knows them; one that still lags is asked again.
     */
    private static Collection<TopicDescription> describe(Admin admin, Collection<String> topics, long deadline)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        while (true) {
            try {
                return get(admin.describeTopics(topics).allTopicNames(), deadline).values();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            }
        }
    }

    /** The partitions each broker holds a replica of. */
    private static Map<Integer, List<TopicPartition>> replicas(Collection<TopicDescription> topics) {
        Map<Integer, List<TopicPartition>> out = new TreeMap<>();
        for (TopicDescription d : topics) {
            for (TopicPartitionInfo p : d.partitions()) {
                p.replicas().forEach(n -> out.computeIfAbsent(n.id(), id -> new ArrayList<>())
                        .add(new TopicPartition(d.name(), p.partition())));
            }
        }
        return out;
    }

    private static DescribeProducersOptions options(long deadline) {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        return new DescribeProducersOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, left));
    }

    private static <T> T get(KafkaFuture<T> future, long deadline)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static BrokerUnavailableException notServed(String what, KafkaSettings settings, Throwable cause) {
        return new BrokerUnavailableException(what + " was created, but its brokers did not all serve it within "
                + settings.timeout() + " (sitkit.kafka.timeout): a broker holding one of its replicas may be down or "
                + "slow to apply the cluster's metadata (" + cause.getMessage() + ")", cause);
    }
}
