package io.sitkit.samples.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.samples.support.PollLoop;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Turns the transaction requests clients put on the Kafka topic {@code transactions.requested}
 * into postings for the account service (JMS queue {@code account.postings}, answered on
 * {@code account.replies}, correlated by {@code JMSCorrelationID}), and announces each outcome on
 * {@code transactions.completed}: {@code COMPLETED}, {@code DECLINED} with the account service's
 * reason, or {@code FAILED} when no answer came in time. A client may retry a request with the same
 * {@code txId}; the posting id is the transaction id, so the account service applies it once.
 *
 * <pre>{@code
 * try (TransactionProcessor p = TransactionProcessor.start(wiring, Set.of(), Duration.ofSeconds(1))) { ... }
 * }</pre>
 *
 * <p>Thread-safety: records are handled one at a time on the poll loop's thread, which alone uses
 * the JMS session.
 */
public final class TransactionProcessor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionProcessor.class);
    private static final ObjectMapper JSON = Json.MAPPER;
    private final Set<Bug> bugs;
    private final Duration replyTimeout;
    private final String completed;
    private final KafkaProducer<String, String> kafka;
    private final Connection jms;
    private Session session;
    private MessageProducer postings;
    private Queue replies;
    private PollLoop<String, String> loop;

    private TransactionProcessor(Wiring wiring, Set<Bug> bugs, Duration replyTimeout) {
        this.bugs = Set.copyOf(bugs);
        this.replyTimeout = replyTimeout;
        this.completed = wiring.topic("transactions.completed");
        this.kafka = wiring.producer();
        this.jms = wiring.jms();
    }

    /** Starts consuming transaction requests; a posting unanswered after {@code replyTimeout} fails its transaction. */
    public static TransactionProcessor start(Wiring wiring, Set<Bug> bugs, Duration replyTimeout) {
        TransactionProcessor p = new TransactionProcessor(wiring, bugs, replyTimeout);
        try {
            p.session = p.jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            p.postings = p.session.createProducer(p.session.createQueue(wiring.queue("account.postings")));
            p.replies = p.session.createQueue(wiring.queue("account.replies"));
            String requests = wiring.topic("transactions.requested");
            String group = "transaction-processor." + requests; // per topic: the thread is named after it too
            p.loop = PollLoop.start(group, wiring.consumer(group), List.of(requests), p::onRequest);
            return p;
        } catch (JMSException | RuntimeException e) {
            p.close();
            throw new IllegalStateException("transaction processor cannot start: " + e.getMessage(), e);
        }
    }

    private void onRequest(ConsumerRecord<String, String> record) {
        try {
            JsonNode tx = JSON.readTree(record.value());
            String txId = tx.path("txId").asText();
            String postingId = bugs.contains(Bug.DUPLICATE_ON_RETRY) ? UUID.randomUUID().toString() : txId;
            ObjectNode posting = JSON.createObjectNode().put("postingId", postingId).put("txId", txId)
                    .put("accountId", tx.path("accountId").asText()).put("type", tx.path("type").asText())
                    .put("amount", tx.path("amount").decimalValue());
            JsonNode answer = post(postingId, posting);
            ObjectNode outcome = JSON.createObjectNode().put("txId", txId).put("accountId", tx.path("accountId").asText());
            if (answer == null) {
                outcome.put("status", "FAILED").put("reason", "no answer from the account service within " + replyTimeout.toMillis() + " ms");
            } else if ("POSTED".equals(answer.path("status").asText())) {
                outcome.put("status", "COMPLETED").put("balance", answer.path("balance").decimalValue());
            } else {
                outcome.put("status", "DECLINED").put("reason", answer.path("reason").asText());
            }
            kafka.send(new ProducerRecord<>(completed, record.key(), JSON.writeValueAsString(outcome))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("transaction request {} could not be processed: {}", record.offset(), e.toString());
        }
    }

    /** Sends the posting and waits for the reply that carries its correlation id; null when none came in time. */
    private JsonNode post(String correlationId, ObjectNode posting) throws Exception {
        TextMessage request = session.createTextMessage(JSON.writeValueAsString(posting));
        request.setJMSCorrelationID(correlationId);
        request.setJMSReplyTo(replies);
        try (MessageConsumer answers = session.createConsumer(replies, "JMSCorrelationID = '" + correlationId + "'")) {
            postings.send(request);
            jakarta.jms.Message reply = answers.receive(replyTimeout.toMillis());
            return reply == null ? null : JSON.readTree(((TextMessage) reply).getText());
        }
    }

    /** Stops the poll loop first (no request is left half-done), then the producer and the JMS connection. */
    @Override
    public void close() {
        try {
            if (loop != null) {
                loop.close();
            }
            kafka.close(Duration.ofSeconds(5));
        } finally {
            try {
                jms.close();
            } catch (JMSException e) {
                LOG.warn("closing the JMS connection: {}", e.toString());
            }
        }
    }
}
