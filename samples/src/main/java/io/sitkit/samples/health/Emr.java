package io.sitkit.samples.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.sitkit.samples.support.PollLoop;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The electronic medical record: reads Kafka {@code patient-events}, keeps one chart per patient
 * (with a medical record number, MRN, of its own), announces each change on the JMS topic
 * {@code emr.records} ({@code RecordCreated}, {@code RecordUpdated}; the registration's correlation id
 * as {@code JMSCorrelationID}) and asks claims to verify insurance on the JMS queue {@code claims.coverage}.
 * An event older than the chart's version is ignored.
 *
 * <pre>{@code
 * try (Emr emr = new Emr(wiring, Set.of())) {
 *     Optional<Chart> chart = emr.chart("P-1001");
 * }
 * }</pre>
 *
 * <p>Thread-safety: events are handled on the service's poll thread; {@link #chart} and
 * {@link #staleEventsIgnored} may be called from any thread.
 */
public final class Emr implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Emr.class.getName());
    private static final ObjectMapper READ = new ObjectMapper();

    private final Set<Bug> bugs;
    private final ObjectMapper write;
    private final Map<String, Chart> charts = new ConcurrentHashMap<>();
    private final AtomicInteger nextMrn = new AtomicInteger(400_001);
    private final AtomicInteger stale = new AtomicInteger();
    private final Connection jms;
    private final Session session;
    private final MessageProducer records;
    private final MessageProducer coverage;
    private final PollLoop<String, String> loop;

    record RecordCreated(String type, String patientId, String mrn, int version, String givenName, String familyName,
                         String birthDate, String address) {
    }

    record RecordUpdated(String type, String patientId, String mrn, int version, String address, String phone, String insurer) {
    }

    record CoverageRequest(String patientId, String mrn, String insurer, String policyNumber) {
    }

    public Emr(Wiring wiring, Set<Bug> bugs) {
        this.bugs = Set.copyOf(bugs);
        this.write = bugs.contains(Bug.SNAKE_CASE_PATIENT_ID)
                ? new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE) : new ObjectMapper();
        this.jms = wiring.jms();
        try {
            this.session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            this.records = session.createProducer(session.createTopic(wiring.jmsTopic("emr.records")));
            this.coverage = session.createProducer(session.createQueue(wiring.queue("claims.coverage")));
        } catch (JMSException e) {
            close();
            throw new IllegalStateException("EMR cannot open its JMS destinations: " + e.getMessage(), e);
        }
        String topic = wiring.topic("patient-events");
        try {
            this.loop = PollLoop.start("emr", wiring.consumer("emr." + topic), List.of(topic), this::onEvent);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The patient's chart, if the EMR has one. */
    public Optional<Chart> chart(String patientId) {
        return Optional.ofNullable(charts.get(patientId));
    }

    /** How many events arrived older than the chart they were meant for, and were ignored. */
    public int staleEventsIgnored() {
        return stale.get();
    }

    private void onEvent(ConsumerRecord<String, String> r) {
        try {
            JsonNode e = READ.readTree(r.value());
            String patientId = e.path("patientId").asText();
            int version = e.path("version").asInt();
            String correlationId = header(r, bugs.contains(Bug.LOST_CORRELATION_ID) ? "correlationId" : "correlation-id");
            Chart chart = charts.get(patientId);
            String type = e.path("type").asText();
            if (type.equals("PatientRegistered")) {
                if (chart == null) {
                    created(e, patientId, version, correlationId);
                }
                return;
            }
            if (chart == null) {
                LOG.log(System.Logger.Level.WARNING, "{0} for a patient without a chart; ignored", type);
                return;
            }
            if (version <= chart.version() && !bugs.contains(Bug.OLDER_UPDATE_WINS)) {
                stale.incrementAndGet();
                return;
            }
            JsonNode ins = e.path("insurance");
            Chart next = switch (type) {
                case "DemographicsUpdated" -> chart.withDemographics(version, e.path("address").asText(), e.path("phone").asText());
                case "InsuranceTransferred" -> chart.withInsurance(version, ins.path("insurer").asText(), ins.path("policyNumber").asText());
                default -> null;
            };
            if (next == null) {
                LOG.log(System.Logger.Level.WARNING, "unknown patient event {0}; ignored", type);
                return;
            }
            charts.put(patientId, next);
            send(records, new RecordUpdated("RecordUpdated", patientId, next.mrn(), version, next.address(), next.phone(),
                    next.insurer()), correlationId);
            if (type.equals("InsuranceTransferred")) {
                send(coverage, new CoverageRequest(patientId, next.mrn(), next.insurer(), next.policyNumber()), correlationId);
            }
        } catch (JsonProcessingException | JMSException ex) {
            LOG.log(System.Logger.Level.WARNING, "EMR could not handle " + r.topic() + "@" + r.offset() + ": " + ex.getMessage());
        }
    }

    private void created(JsonNode e, String patientId, int version, String correlationId) throws JMSException, JsonProcessingException {
        JsonNode name = e.path("name");
        JsonNode ins = e.path("insurance");
        Chart chart = new Chart(patientId, "MRN-" + nextMrn.getAndIncrement(), version, name.path("given").asText(),
                name.path("family").asText(), e.path("birthDate").asText(), e.path("address").asText(), null,
                ins.path("insurer").asText(null), ins.path("policyNumber").asText(null));
        charts.put(patientId, chart);
        send(records, new RecordCreated("RecordCreated", patientId, chart.mrn(), version, chart.givenName(), chart.familyName(),
                chart.birthDate(), chart.address()), correlationId);
        if (chart.insurer() != null) {
            send(coverage, new CoverageRequest(patientId, chart.mrn(), chart.insurer(), chart.policyNumber()), correlationId);
        }
    }

    private void send(MessageProducer to, Object event, String correlationId) throws JMSException, JsonProcessingException {
        TextMessage m = session.createTextMessage(write.writeValueAsString(event));
        if (correlationId != null) {
            m.setJMSCorrelationID(correlationId);
        }
        m.setStringProperty("eventType", event.getClass().getSimpleName());
        to.send(m);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
        try {
            jms.close();
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.WARNING, "EMR could not close its JMS connection: " + e.getMessage());
        }
    }
}
