package io.sitkit.kafka;

import io.sitkit.core.BrokerUnavailableException;
import io.sitkit.core.CaptureSink;
import io.sitkit.core.Destination;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;

import java.util.List;

/**
 * Tells a capture's sink when its consumer loses and regains every broker connection, read from
 * the consumer's own {@code connection-count} metric (no extra broker calls), and ends the capture
 * once it has had no connection for the configured timeout: a short outage (a broker restart) is a
 * blind spot the capture survives, a broker that stays down is an error naming its address.
 *
 * <p>Thread-safety: used only by the capture thread that owns the consumer.
 */
final class BrokerContact {
    private static final long CHECK_EVERY_NANOS = 100_000_000L;

    private final Metric connections;
    private final KafkaSettings settings;
    private boolean blind;
    private long lastCheck;
    /** Consecutive samples without a connection: one alone may be a reconnect in passing. */
    private int zeros;
    /** When the first sample without a connection of the current outage was taken (System.nanoTime). */
    private long zeroSince;

    BrokerContact(KafkaConsumer<?, ?> consumer, KafkaSettings settings) {
        this.settings = settings;
        this.connections = consumer.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("connection-count") && e.getKey().group().equals("consumer-metrics"))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
        if (connections == null) {
            org.slf4j.LoggerFactory.getLogger(BrokerContact.class).warn("the Kafka consumer has no connection-count metric; "
                    + "this capture cannot tell when it loses its broker, so negative expectations cannot rely on it");
        }
    }

    /** Records arrived: the broker is reachable. */
    void seen(List<Destination> destinations, CaptureSink sink) {
        if (blind) {
            blind = false;
            destinations.forEach(d -> sink.health(d, null));
        }
    }

    /**
     * An empty poll: look at the connection count, at most every 100 ms; blind after two samples without one.
     *
     * @throws BrokerUnavailableException when there has been no connection for the settings' timeout
     */
    void check(List<Destination> destinations, CaptureSink sink) {
        long now = System.nanoTime();
        if (connections == null || now - lastCheck < CHECK_EVERY_NANOS) {
            return;
        }
        lastCheck = now;
        boolean none = ((Number) connections.metricValue()).doubleValue() < 1;
        zeros = none ? zeros + 1 : 0;
        if (zeros == 1) {
            zeroSince = now;
        }
        if (none && now - zeroSince >= settings.timeout().toNanos()) {
            throw new BrokerUnavailableException("Kafka at " + settings.bootstrapServers() + " is unreachable: capturing "
                    + destinations + " had no broker connection for " + settings.timeout() + " (sitkit.kafka.timeout); "
                    + "check that the broker runs and that sitkit.kafka.bootstrap-servers is right", null);
        }
        if (zeros >= 2 && !blind) {
            blind = true;
            String problem = "no connection to Kafka at " + settings.bootstrapServers();
            destinations.forEach(d -> sink.health(d, problem));
        } else if (!none) {
            seen(destinations, sink);
        }
    }
}
