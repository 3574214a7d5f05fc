package io.sitkit.jms;

import io.sitkit.core.Capture;
import io.sitkit.core.CaptureTimeoutException;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.StartPosition;
import io.sitkit.core.internal.CaptureBuffer;
import org.apache.activemq.broker.BrokerService;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broker that goes away is reported to captures at once, and the client reconnects when it is back. */
class JmsReconnectIT {

    private static BrokerService broker(int port) throws Exception {
        BrokerService b = new BrokerService();
        b.setBrokerName("reconnect-" + System.nanoTime());
        b.setUseJmx(false);
        b.setUseShutdownHook(false);
        b.setPersistent(false);
        b.addConnector("tcp://127.0.0.1:" + port);
        b.start();
        b.waitUntilStarted();
        return b;
    }

    @Test
    void aLostConnectionFailsWaitingCapturesAtOnceAndTheNextCallReconnects() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Destination topic = Destination.jmsTopic("reconnect");
        BrokerService first = broker(port);
        try (JmsClient client = new JmsClient(JmsSettings.activeMq("tcp://127.0.0.1:" + port).withTimeout(Duration.ofSeconds(5)))) {
            CaptureBuffer capture = new CaptureBuffer(Set.of(topic), 100, "from now:");
            capture.own(client.startCapture(List.of(topic), StartPosition.now(), capture));
            client.publish(OutgoingMessage.text(topic, "before"));
            capture.await(topic, 1, Duration.ofSeconds(10));

            first.stop();
            first.waitUntilStopped();

            long t0 = System.nanoTime();
            assertThatThrownBy(() -> capture.await(topic, 2, Duration.ofSeconds(30)))
                    .isInstanceOf(CaptureTimeoutException.class)
                    .hasMessageContaining("capture error")
                    .hasMessageContaining("connection to JMS broker tcp://127.0.0.1:" + port + " lost");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
            capture.close();

            BrokerService second = broker(port);
            try (Capture again = new CaptureBuffer(Set.of(topic), 100, "from now:")) {
                ((CaptureBuffer) again).own(client.startCapture(List.of(topic), StartPosition.now(), (CaptureBuffer) again));
                client.publish(OutgoingMessage.text(topic, "after"));
                assertThat(again.await(topic, 1, Duration.ofSeconds(10)).get(0).payloadText()).contains("after");
            } finally {
                second.stop();
                second.waitUntilStopped();
            }
        }
    }
}
