package io.sitkit.samples.outage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.samples.support.PollLoop;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Billing: reads {@code UserSignedUp} from Kafka {@code auth-events} into its own class, generated
 * from the v1 schema — Jackson's default, failing on fields it does not know — and opens a
 * subscription on the JMS queue {@code billing.subscriptions} ({@code SubscriptionOpened}, with the
 * user id as {@code JMSCorrelationID}). An event it cannot parse is skipped with a debug line and
 * counted: the silent drop the outage is made of.
 *
 * <pre>{@code
 * try (BillingService billing = new BillingService(wiring)) { ... billing.dropped() ... }
 * }</pre>
 *
 * <p>Thread-safety: events are handled on the service's poll thread; {@link #dropped()} may be read from any thread.
 */
public final class BillingService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BillingService.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, BigDecimal> PRICES = Map.of("FREE", BigDecimal.ZERO, "PRO", new BigDecimal("12.00"),
            "TEAM", new BigDecimal("49.00"));

    private final AtomicInteger dropped = new AtomicInteger();
    private final Connection jms;
    private final Session session;
    private final MessageProducer subscriptions;
    private final PollLoop<String, String> loop;

    /** The event as billing's generated class has it: v1's fields, nothing else. */
    record UserSignedUp(String type, String userId, String email, String plan, String signedUpAt) {
    }

    record SubscriptionOpened(String type, String userId, String plan, BigDecimal monthlyPrice) {
    }

    public BillingService(Wiring wiring) {
        this.jms = wiring.jms();
        try {
            this.session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            this.subscriptions = session.createProducer(session.createQueue(wiring.queue("billing.subscriptions")));
        } catch (JMSException e) {
            close();
            throw new IllegalStateException("billing cannot open its JMS queue: " + e.getMessage(), e);
        }
        String topic = wiring.topic("auth-events");
        try {
            this.loop = PollLoop.start("billing", wiring.consumer("billing." + topic), List.of(topic), this::onEvent);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Events billing could not parse and skipped. */
    public int dropped() {
        return dropped.get();
    }

    private void onEvent(ConsumerRecord<String, String> r) {
        UserSignedUp event;
        try {
            event = JSON.readValue(r.value(), UserSignedUp.class);
        } catch (JsonProcessingException e) {
            dropped.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "skipping an event billing cannot read: " + e.getOriginalMessage());
            return;
        }
        try {
            SubscriptionOpened opened = new SubscriptionOpened("SubscriptionOpened", event.userId(), event.plan(),
                    PRICES.getOrDefault(event.plan(), BigDecimal.ZERO));
            TextMessage m = session.createTextMessage(JSON.writeValueAsString(opened));
            m.setJMSCorrelationID(event.userId());
            subscriptions.send(m);
        } catch (JMSException | JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "billing could not open a subscription: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
        try {
            jms.close();
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.WARNING, "billing could not close its JMS connection: " + e.getMessage());
        }
    }
}
