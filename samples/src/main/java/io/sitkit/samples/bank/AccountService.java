package io.sitkit.samples.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The system of record: takes postings from the JMS queue {@code account.postings} and answers each
 * on its {@code JMSReplyTo} with the request's {@code JMSCorrelationID}; announces every change on
 * the Kafka topic {@code account.events} (keyed by account id, numbered by {@code seq}); answers
 * history queries from {@code account.history}.
 *
 * <pre>{@code
 * try (AccountService accounts = AccountService.start(wiring, Set.of())) {
 *     accounts.open("acc-1", new BigDecimal("100.00"), BigDecimal.ZERO);
 * }
 * }</pre>
 *
 * <p>Thread-safety: requests are handled on the JMS session's delivery thread; {@link #open} may be
 * called from any thread.
 */
public final class AccountService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private static final ObjectMapper JSON = Json.MAPPER;
    private final Ledger ledger = new Ledger();
    private final Set<Bug> bugs;
    private final String events;
    private final KafkaProducer<String, String> kafka;
    private final Connection jms;
    private Session session;
    private MessageProducer replies;

    private AccountService(Wiring wiring, Set<Bug> bugs) {
        this.bugs = Set.copyOf(bugs);
        this.events = wiring.topic("account.events");
        this.kafka = wiring.producer();
        this.jms = wiring.jms();
    }

    /** Starts listening on the postings and history queues. */
    public static AccountService start(Wiring wiring, Set<Bug> bugs) {
        AccountService s = new AccountService(wiring, bugs);
        try {
            s.session = s.jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.replies = s.session.createProducer(null);
            s.session.createConsumer(s.session.createQueue(wiring.queue("account.postings"))).setMessageListener(s::onPosting);
            s.session.createConsumer(s.session.createQueue(wiring.queue("account.history"))).setMessageListener(s::onHistory);
            return s;
        } catch (JMSException | RuntimeException e) {
            s.close();
            throw new IllegalStateException("account service cannot start: " + e.getMessage(), e);
        }
    }

    /** Opens an account with a checking balance and the savings that protect it from overdraft. */
    public void open(String accountId, BigDecimal balance, BigDecimal savings) {
        ledger.open(accountId, balance, savings);
    }

    private void onPosting(Message request) {
        try {
            JsonNode p = JSON.readTree(((TextMessage) request).getText());
            Ledger.Outcome o = ledger.post(p.path("postingId").asText(), p.path("txId").asText(),
                    p.path("accountId").asText(), p.path("type").asText(), p.path("amount").decimalValue());
            publish(o.events());
            ObjectNode reply = JSON.createObjectNode().put("txId", p.path("txId").asText()).put("status", o.status())
                    .put("balance", o.balance()).put("replayed", o.replayed());
            if (o.reason() != null) {
                reply.put("reason", o.reason());
            }
            answer(request, reply);
        } catch (Exception e) {
            LOG.warn("posting could not be handled: {}", e.toString());
        }
    }

    private void onHistory(Message request) {
        try {
            String accountId = JSON.readTree(((TextMessage) request).getText()).path("accountId").asText();
            ObjectNode reply = JSON.createObjectNode().put("accountId", accountId).put("balance", ledger.balance(accountId));
            ArrayNode list = reply.putArray("transactions");
            ledger.history(accountId).forEach(e -> list.add(json(e)));
            answer(request, reply);
        } catch (Exception e) {
            LOG.warn("history query could not be answered: {}", e.toString());
        }
    }

    private void answer(Message request, ObjectNode body) throws Exception {
        if (request.getJMSReplyTo() == null) {
            LOG.warn("request {} has no JMSReplyTo; nobody to answer", request.getJMSMessageID());
            return;
        }
        TextMessage reply = session.createTextMessage(JSON.writeValueAsString(body));
        if (!bugs.contains(Bug.LOST_CORRELATION_ID)) {
            reply.setJMSCorrelationID(request.getJMSCorrelationID() != null ? request.getJMSCorrelationID() : request.getJMSMessageID());
        }
        replies.send(request.getJMSReplyTo(), reply);
    }

    private void publish(List<Ledger.Event> changes) throws Exception {
        List<Ledger.Event> ordered = new ArrayList<>(changes);
        if (bugs.contains(Bug.REORDERED_EVENTS) && ordered.size() > 1) {
            ordered.add(ordered.remove(0)); // the transfer's event goes out after the withdrawal it funded
        }
        for (Ledger.Event e : ordered) {
            kafka.send(new ProducerRecord<>(events, e.accountId(), JSON.writeValueAsString(json(e)))).get(10, TimeUnit.SECONDS);
        }
    }

    private static ObjectNode json(Ledger.Event e) {
        ObjectNode n = JSON.createObjectNode().put("type", e.type()).put("txId", e.txId()).put("accountId", e.accountId())
                .put("amount", e.amount()).put("balance", e.balance()).put("savingsBalance", e.savings()).put("seq", e.seq());
        return e.reason() == null ? n : n.put("reason", e.reason());
    }

    /** Closes the JMS connection (and with it the listeners), then the producer. */
    @Override
    public void close() {
        try {
            jms.close();
        } catch (JMSException e) {
            LOG.warn("closing the JMS connection: {}", e.toString());
        } finally {
            kafka.close(Duration.ofSeconds(5));
        }
    }
}
