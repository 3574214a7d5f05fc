package io.sitkit.env;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.BrokerUnavailableException;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.OutgoingMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every operation against a broker that is not there fails within the configured bound, naming the address. */
class UnreachableBrokerIT {
    private static final Duration BOUND = Duration.ofSeconds(2);
    /** The bound plus the reachability probe and client shutdown. */
    private static final long ALLOWED_MS = BOUND.toMillis() + 4_000;
    private static Environment env;
    private static Bus bus;
    private static String kafkaAddress;
    private static String jmsAddress;

    @BeforeAll
    static void connectToNothing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        kafkaAddress = "127.0.0.1:" + port;
        jmsAddress = "tcp://127.0.0.1:" + port;
        env = Environments.start(SitkitConfig.of(Map.of("sitkit.environment", "external",
                "sitkit.kafka.bootstrap-servers", kafkaAddress, "sitkit.kafka.timeout", "2s",
                "sitkit.jms.url", jmsAddress + "?jms.password=topsecret", "sitkit.jms.timeout", "2s",
                "sitkit.jms.queue-observation", "mirror")));
        bus = env.openBus();
    }

    @AfterAll
    static void close() {
        env.close();
    }

    private static void assertFailsFast(Runnable action, String address, String attempted) {
        long t0 = System.nanoTime();
        assertThatThrownBy(action::run)
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining(address)
                .hasMessageContaining(attempted)
                .hasMessageNotContaining("topsecret");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("milliseconds to fail").isLessThan(ALLOWED_MS);
    }

    @Test
    void publishingToKafkaFailsWithinTheBound() {
        assertFailsFast(() -> bus.publish(OutgoingMessage.text("kafka:orders", "x")), kafkaAddress, "publishing to kafka:orders");
    }

    @Test
    void capturingKafkaFailsWithinTheBound() {
        assertFailsFast(() -> bus.capture("kafka:orders"), kafkaAddress, "capture of [kafka:orders]");
    }

    @Test
    void browsingKafkaFailsWithinTheBound() {
        assertFailsFast(() -> bus.browse(BrowseRequest.of("kafka:orders")), kafkaAddress, "browsing kafka:orders");
    }

    @Test
    void listingKafkaTopicsFailsWithinTheBound() {
        assertFailsFast(() -> bus.kafka().listDestinations(), kafkaAddress, "listing topics");
    }

    @Test
    void publishingToJmsFailsWithinTheBound() {
        assertFailsFast(() -> bus.publish(OutgoingMessage.text("jms:queue:payments", "x")), "tcp://127.0.0.1:", "publishing to jms:queue:payments");
    }

    @Test
    void capturingAndBrowsingJmsFailWithinTheBound() {
        assertFailsFast(() -> bus.capture("jms:queue:payments"), "tcp://127.0.0.1:", "capturing [jms:queue:payments]");
        assertFailsFast(() -> bus.browse(BrowseRequest.of("jms:queue:payments")), "tcp://127.0.0.1:", "browsing jms:queue:payments");
    }
}
