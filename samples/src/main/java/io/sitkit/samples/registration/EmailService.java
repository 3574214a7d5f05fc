package io.sitkit.samples.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Renders and queues e-mails: reads requests (UTF-8 JSON, {@code BytesMessage} or {@code TextMessage})
 * from the JMS queue {@code email.requests} and puts the rendered mail — recipient, subject, HTML
 * body with the username escaped — on {@code smtp.outbox} for the mail relay. A request it cannot
 * render goes to {@code email.failed} with the reason, never silently nowhere.
 *
 * <pre>{@code
 * try (EmailService email = EmailService.start(wiring, Set.of())) { ... }
 * }</pre>
 *
 * <p>Thread-safety: requests are handled on the JMS session's delivery thread.
 */
public final class EmailService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmailService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("userId", "username", "email", "activationLink");
    private final Set<Bug> bugs;
    private final Connection jms;
    private Session session;
    private MessageProducer outbox;
    private MessageProducer failed;

    private EmailService(Wiring wiring, Set<Bug> bugs) {
        this.bugs = Set.copyOf(bugs);
        this.jms = wiring.jms();
    }

    /** Starts listening on {@code email.requests}. */
    public static EmailService start(Wiring wiring, Set<Bug> bugs) {
        EmailService s = new EmailService(wiring, bugs);
        try {
            s.session = s.jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.outbox = s.session.createProducer(s.session.createQueue(wiring.queue("smtp.outbox")));
            s.failed = s.session.createProducer(s.session.createQueue(wiring.queue("email.failed")));
            s.session.createConsumer(s.session.createQueue(wiring.queue("email.requests"))).setMessageListener(s::onRequest);
            return s;
        } catch (JMSException | RuntimeException e) {
            s.close();
            throw new IllegalStateException("e-mail service cannot start: " + e.getMessage(), e);
        }
    }

    private void onRequest(Message request) {
        String text = null;
        try {
            Charset charset = bugs.contains(Bug.ISO_8859_1_EMAIL) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
            text = request instanceof TextMessage t ? t.getText() : new String(body((BytesMessage) request), charset);
            JsonNode r = JSON.readTree(text);
            for (String field : REQUIRED) {
                if (!r.path(field).isTextual()) {
                    fail(request, "missing field " + field, text);
                    return;
                }
            }
            String username = r.get("username").asText();
            String shown = bugs.contains(Bug.UNESCAPED_HTML) ? username : html(username);
            ObjectNode mail = JSON.createObjectNode().put("userId", r.get("userId").asText()).put("username", username)
                    .put("to", r.get("email").asText()).put("subject", "Activate your account, " + username)
                    .put("html", "<p>Hello " + shown + ",</p><p><a href=\"" + html(r.get("activationLink").asText())
                            + "\">Activate your account</a></p>");
            TextMessage out = session.createTextMessage(JSON.writeValueAsString(mail));
            out.setJMSCorrelationID(request.getJMSCorrelationID());
            outbox.send(out);
        } catch (Exception e) {
            fail(request, "unreadable request: " + e.getMessage(), text);
        }
    }

    private static byte[] body(BytesMessage m) throws JMSException {
        byte[] bytes = new byte[(int) m.getBodyLength()];
        m.readBytes(bytes);
        return bytes;
    }

    private void fail(Message request, String reason, String text) {
        try {
            TextMessage out = session.createTextMessage(text == null ? "" : text);
            out.setStringProperty("reason", reason);
            out.setJMSCorrelationID(request.getJMSCorrelationID());
            failed.send(out);
        } catch (JMSException e) {
            LOG.warn("e-mail request failed ({}) and could not be parked: {}", reason, e.toString());
        }
    }

    /** The text with {@code & < > " '} escaped for HTML. */
    static String html(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.chars().forEach(c -> sb.append(switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> String.valueOf((char) c);
        }));
        return sb.toString();
    }

    /** Closes the JMS connection, and with it the listener. */
    @Override
    public void close() {
        try {
            jms.close();
        } catch (JMSException e) {
            LOG.warn("closing the JMS connection: {}", e.toString());
        }
    }
}
