package io.sitkit.jms;

import io.sitkit.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ComponentConfigurationRoutingType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same JMS contract on a real embedded ActiveMQ Artemis broker, reached only through
 * {@code jakarta.jms} and a ConnectionFactory named by class — proof the JMS layer is provider-neutral.
 * Queue observation uses Artemis's equivalent of mirrored queues: a non-exclusive divert per queue.
 */
class ArtemisJmsIT extends JmsContract {
    private static EmbeddedActiveMQ server;
    private static String url;
    private static Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        url = "tcp://127.0.0.1:" + port;
        dir = Files.createTempDirectory("sitkit-artemis-");
        Configuration config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setBrokerInstance(dir.toFile());
        config.addAcceptorConfiguration("tcp", url);
        for (String q : QUEUES) {
            config.addDivertConfiguration(new DivertConfiguration().setName("mirror-" + q).setAddress(q)
                    .setForwardingAddress(JmsSettings.DEFAULT_MIRROR_PREFIX + q).setExclusive(false)
                    .setRoutingType(ComponentConfigurationRoutingType.MULTICAST));
        }
        server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        for (String q : QUEUES) {
            server.getActiveMQServer().createQueue(new org.apache.activemq.artemis.api.core.QueueConfiguration(SimpleString.of(q))
                    .setRoutingType(org.apache.activemq.artemis.api.core.RoutingType.ANYCAST).setDurable(false));
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        server.stop();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    protected JmsSettings settings() {
        return JmsSettings.from(io.sitkit.config.SitkitConfig.of(java.util.Map.of(
                "sitkit.jms.connection-factory", "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory")),
                url, QueueObservation.MIRROR);
    }

    @Override
    protected void assertObjectMessage(Message m) {
        assertThat(m.jms().orElseThrow().objectClassName()).isEqualTo("java.util.ArrayList");
        assertThat(m.payload()).startsWith((byte) 0xAC, (byte) 0xED);
    }

    @org.junit.jupiter.api.Test
    void destinationsAreListedWithQueueDepthThroughArtemisManagement() {
        io.sitkit.core.Destination queue = io.sitkit.core.Destination.jmsQueue("q7");
        for (int i = 0; i < 3; i++) {
            client.publish(io.sitkit.core.OutgoingMessage.text(queue, "d"));
        }
        client.publish(io.sitkit.core.OutgoingMessage.text("jms:topic:artemis.listed", "t"));
        java.util.List<io.sitkit.core.DestinationInfo> infos = client.listDestinations();
        assertThat(infos).filteredOn(i -> i.destination().equals(queue)).singleElement()
                .satisfies(i -> assertThat(i.messageCount()).isEqualTo(3));
        assertThat(infos).extracting(i -> i.destination().toString()).contains("jms:topic:artemis.listed")
                .noneMatch(n -> n.contains("activemq.management"));
    }
}
