package io.sitkit.fault;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.jms.JmsSettings;
import io.sitkit.jms.embedded.EmbeddedActiveMq;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import io.sitkit.kafka.embedded.EmbeddedKafkaConfig;
import io.sitkit.net.NetworkProxy;
import io.sitkit.stub.Reply;
import io.sitkit.stub.Rule;
import io.sitkit.stub.Stub;
import io.sitkit.stub.StubSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brokers behind in-process proxies: Kafka advertises its proxy, so every byte goes through it;
 * latency, bandwidth limits and connection resets show in what the clients see.
 */
class SlowNetworkIT {
    private static NetworkProxy kafkaProxy;
    private static NetworkProxy jmsProxy;
    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedActiveMq mq;
    private static Environment env;
    private static Bus bus;

    @BeforeAll
    static void startBrokersBehindProxies() {
        kafkaProxy = NetworkProxy.open("kafka");
        kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults()
                .withBrokerProperty("advertised.listeners", "PLAINTEXT://" + kafkaProxy.address()));
        kafkaProxy.forwardTo(address(kafka.bootstrapServers()));
        mq = EmbeddedActiveMq.start(false, null);
        jmsProxy = NetworkProxy.to("activemq", address(mq.brokerUrl().substring("tcp://".length())));
        env = Environments.external(KafkaSettings.of(kafkaProxy.address()).withTimeout(Duration.ofSeconds(10)),
                JmsSettings.activeMq("failover:(tcp://" + jmsProxy.address() + ")?initialReconnectDelay=20&maxReconnectDelay=200")
                        .withTimeout(Duration.ofSeconds(10)));
        bus = env.openBus();
    }

    @AfterAll
    static void stop() {
        env.close();
        kafkaProxy.close();
        jmsProxy.close();
        mq.close();
        kafka.close();
    }

    @AfterEach
    void clearFaults() {
        kafkaProxy.setLatency(Duration.ZERO).setBandwidth(0);
        jmsProxy.setLatency(Duration.ZERO).setBandwidth(0);
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    @Test
    void kafkaAdvertisesTheProxySoEveryByteGoesThroughIt() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafkaProxy.address()));
             Capture capture = bus.capture("kafka:through-proxy")) {
            Node node = admin.describeCluster().nodes().get().iterator().next();
            long before = kafkaProxy.stats().bytesToTarget();
            bus.publish(OutgoingMessage.text("kafka:through-proxy", "x".repeat(10_000)));
            capture.await(Destination.kafka("through-proxy"), 1, Duration.ofSeconds(10));
            NetworkProxy.Stats stats = kafkaProxy.stats();
            System.out.println("kafka proxy after one 10,000-byte message: " + stats + "; broker listens on "
                    + kafka.bootstrapServers() + ", advertises " + node.host() + ":" + node.port());

            assertThat(node.host() + ":" + node.port()).isEqualTo(kafkaProxy.address()).isNotEqualTo(kafka.bootstrapServers());
            assertThat(stats.bytesToTarget() - before).as("bytes sent through the proxy").isGreaterThan(10_000);
            assertThat(stats.bytesFromTarget()).as("bytes received through the proxy (the capture's fetch)").isGreaterThan(10_000);
        }
    }

    @Test
    void latencyIsPaidOnEveryRoundTrip() {
        bus.publish(OutgoingMessage.text("kafka:slow", "warm"));
        bus.publish(OutgoingMessage.text("jms:topic:slow", "warm"));
        kafkaProxy.setLatency(Duration.ofMillis(100));
        jmsProxy.setLatency(Duration.ofMillis(100));

        Duration kafkaPublish = timed(() -> bus.publish(OutgoingMessage.text("kafka:slow", "late")));
        Duration jmsPublish = timed(() -> bus.publish(OutgoingMessage.text("jms:topic:slow", "late")));
        System.out.println("with 100 ms each way: Kafka publish " + kafkaPublish.toMillis() + " ms, JMS publish "
                + jmsPublish.toMillis() + " ms");

        assertThat(kafkaPublish).isBetween(Duration.ofMillis(200), Duration.ofMillis(2_000));
        assertThat(jmsPublish).isBetween(Duration.ofMillis(200), Duration.ofMillis(2_000));
    }

    @Test
    void aBandwidthLimitSlowsLargeMessages() {
        bus.publish(OutgoingMessage.text("kafka:narrow", "warm"));
        kafkaProxy.setBandwidth(256 * 1024);
        Duration took = timed(() -> bus.publish(OutgoingMessage.bytes("kafka:narrow", new byte[512 * 1024])));
        System.out.println("512 KiB at 256 KiB/s: publish took " + took.toMillis() + " ms");

        assertThat(took).isBetween(Duration.ofMillis(1_900), Duration.ofMillis(6_000));
    }

    @Test
    void capturesSurviveConnectionResetsAndSayWhatHappened() {
        try (Capture capture = bus.capture("kafka:reset", "jms:topic:reset")) {
            bus.publish(OutgoingMessage.text("kafka:reset", "before"));
            bus.publish(OutgoingMessage.text("jms:topic:reset", "before"));
            capture.await(Destination.kafka("reset"), 1, Duration.ofSeconds(10));
            capture.await(Destination.jmsTopic("reset"), 1, Duration.ofSeconds(10));

            int kafkaCut = kafkaProxy.resetConnections();
            int jmsCut = jmsProxy.resetConnections();
            bus.publish(OutgoingMessage.text("kafka:reset", "after"));
            bus.publish(OutgoingMessage.text("jms:topic:reset", "after"));

            assertThat(capture.await(Destination.kafka("reset"), 2, Duration.ofSeconds(15)))
                    .extracting(m -> m.payloadText().orElseThrow()).containsExactly("before", "after");
            assertThat(capture.await(Destination.jmsTopic("reset"), 2, Duration.ofSeconds(15)))
                    .extracting(m -> m.payloadText().orElseThrow()).containsExactly("before", "after");
            System.out.println("reset " + kafkaCut + " Kafka and " + jmsCut + " JMS connection(s); Kafka proxy "
                    + kafkaProxy.stats() + "; JMS proxy " + jmsProxy.stats() + "; capture problems: "
                    + capture.problemsSince(Instant.MIN));
            assertThat(kafkaCut).as("Kafka connections reset (producer, consumer, admin)").isPositive();
            assertThat(jmsCut).as("the JMS connection reset").isEqualTo(1);
            assertThat(kafkaProxy.stats().resets()).isGreaterThanOrEqualTo(kafkaCut);
            assertThat(capture.problemsSince(Instant.MIN)).as("the JMS capture says it was blind while failover reconnected")
                    .anySatisfy(p -> assertThat(p).matches("jms:topic:reset was blind from \\S+ to \\S+: connection to JMS broker "
                            + java.util.regex.Pattern.quote("failover:(tcp://" + jmsProxy.address() + ")")
                            + "\\S* interrupted; the failover transport is reconnecting"));
        }
    }

    @Test
    void stubsKeepAnsweringAfterConnectionResets() {
        try (Stub kafkaStub = StubSpec.on("kafka:ping").alwaysReplyTo("kafka:pong")
                     .rule(Rule.always().reply(Reply.text("pong"))).start(bus);
             Stub jmsStub = StubSpec.on("jms:queue:ping").alwaysReplyTo("jms:queue:pong")
                     .rule(Rule.always().reply(Reply.text("pong"))).start(bus);
             Capture replies = bus.capture("kafka:pong")) {
            bus.publish(OutgoingMessage.text("kafka:ping", "1"));
            bus.publish(OutgoingMessage.text("jms:queue:ping", "1"));
            replies.await(Destination.kafka("pong"), 1, Duration.ofSeconds(10));
            assertThat(bus.jms().receive(Destination.jmsQueue("pong"), Duration.ofSeconds(10))).isPresent();

            int cut = kafkaProxy.resetConnections() + jmsProxy.resetConnections();
            bus.publish(OutgoingMessage.text("kafka:ping", "2"));
            bus.publish(OutgoingMessage.text("jms:queue:ping", "2"));

            assertThat(replies.await(Destination.kafka("pong"), 2, Duration.ofSeconds(15))).hasSize(2);
            assertThat(bus.jms().receive(Destination.jmsQueue("pong"), Duration.ofSeconds(15))).isPresent();
            System.out.println("stubs after " + cut + " resets: Kafka stub answered " + kafkaStub.exchanges().size()
                    + " (send failures " + kafkaStub.sendFailures() + "), JMS stub answered " + jmsStub.exchanges().size()
                    + " (send failures " + jmsStub.sendFailures() + ")");
            assertThat(kafkaStub.requests()).hasSize(2);
            assertThat(jmsStub.requests()).hasSize(2);
            assertThat(kafkaStub.sendFailures()).isEmpty();
            assertThat(jmsStub.sendFailures()).isEmpty();
        }
    }

    private static Duration timed(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
