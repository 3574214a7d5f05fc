package io.sitkit.expect;

import io.sitkit.core.Capture;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.RedeliveryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.sitkit.match.Matchers.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A consumer that keeps failing sends the message to ActiveMQ's dead-letter queue; the expectation sees it land. */
@ExtendWith(SharedEmbedded.class)
class DeadLetterIT {

    @Test
    void aPoisonMessageIsExpectedOnTheDeadLetterQueueAfterItsRedeliveries(EmbeddedEnvironment env) throws Exception {
        String queue = "poison-" + System.nanoTime();
        try (Bus bus = env.openBus();
             Capture capture = bus.capture("jms:queue:" + queue, "jms:queue:ActiveMQ.DLQ")) {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(env.jmsBrokerUrl().orElseThrow());
            RedeliveryPolicy policy = new RedeliveryPolicy();
            policy.setMaximumRedeliveries(2);
            policy.setInitialRedeliveryDelay(0);
            policy.setRedeliveryDelay(0);
            factory.setRedeliveryPolicy(policy);
            Connection connection = factory.createConnection();
            try {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
                connection.start();
                bus.publish(OutgoingMessage.text("jms:queue:" + queue, "{\"orderId\":\"o-13\",\"poison\":true}"));
                Expectations expect = Expectations.of(capture);
                // The failing service: receives and rolls back, three times (one delivery + two redeliveries).
                for (int i = 0; i < 3; i++) {
                    jakarta.jms.Message m = consumer.receive(Duration.ofSeconds(20).toMillis());
                    assertThat(m).as("delivery %d", i + 1).isNotNull();
                    session.rollback();
                }
                Message dead = expect.expect("jms:queue:ActiveMQ.DLQ")
                        .message(jsonPath("$.orderId").isEqualTo("o-13").and(header("dlqDeliveryFailureCause")))
                        .within(Duration.ofSeconds(20));
                assertThat(dead.headers().lastAsString("dlqDeliveryFailureCause").orElseThrow()).contains("Delivery[3] exceeds redelivery policy limit");
            } finally {
                connection.close();
            }
        }
    }
}
