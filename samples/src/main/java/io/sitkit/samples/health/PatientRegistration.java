package io.sitkit.samples.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.samples.support.Wiring;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The registration desk: registers patients, updates their demographics and transfers their
 * insurance, publishing each as an event on Kafka {@code patient-events} (key: the patient id;
 * headers {@code correlation-id} and {@code eventType}). Every event of a patient carries the
 * patient's next {@code version}, so readers can tell a late older event from a newer one.
 *
 * <pre>{@code
 * try (PatientRegistration desk = new PatientRegistration(wiring)) {
 *     Sent sent = desk.register(new Patient("P-1001", "123-45-6789", "Ann", "Lee", "1980-02-29", "1 Main St",
 *             new Insurance("Acme Health", "ACM-1")));
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use across patients; send one patient's events from one
 * thread, since they are numbered in call order.
 */
public final class PatientRegistration implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();

    /** A patient as the desk registers them. */
    public record Patient(String patientId, String ssn, String givenName, String familyName, String birthDate,
                          String address, Insurance insurance) {
    }

    /** An insurance policy. */
    public record Insurance(String insurer, String policyNumber) {
    }

    /** What the desk sent: the correlation id of the event and the patient's version it carries. */
    public record Sent(String correlationId, int version) {
    }

    public PatientRegistration(Wiring wiring) {
        this.topic = wiring.topic("patient-events");
        this.producer = wiring.producer();
    }

    /** Publishes {@code PatientRegistered} (version 1) with the patient's demographics, SSN and insurance. */
    public Sent register(Patient p) {
        versions.put(p.patientId(), 1);
        ObjectNode e = event("PatientRegistered", p.patientId(), 1);
        e.put("ssn", p.ssn());
        e.putObject("name").put("given", p.givenName()).put("family", p.familyName());
        e.put("birthDate", p.birthDate()).put("address", p.address());
        insurance(e, p.insurance());
        return send(p.patientId(), e, 1);
    }

    /** Publishes {@code DemographicsUpdated} with the patient's next version. */
    public Sent updateDemographics(String patientId, String address, String phone) {
        int version = versions.merge(patientId, 1, Integer::sum);
        ObjectNode e = event("DemographicsUpdated", patientId, version).put("address", address).put("phone", phone);
        return send(patientId, e, version);
    }

    /** Publishes {@code InsuranceTransferred}: the patient's coverage moves to {@code to}. */
    public Sent transferInsurance(String patientId, Insurance to) {
        int version = versions.merge(patientId, 1, Integer::sum);
        ObjectNode e = event("InsuranceTransferred", patientId, version);
        insurance(e, to);
        return send(patientId, e, version);
    }

    private static ObjectNode event(String type, String patientId, int version) {
        return JSON.createObjectNode().put("type", type).put("patientId", patientId).put("version", version);
    }

    private static void insurance(ObjectNode e, Insurance insurance) {
        if (insurance != null) {
            e.putObject("insurance").put("insurer", insurance.insurer()).put("policyNumber", insurance.policyNumber());
        }
    }

    private Sent send(String patientId, ObjectNode event, int version) {
        String correlationId = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, patientId, event.toString());
        record.headers().add("correlation-id", correlationId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", event.get("type").asText().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + event.get("type").asText(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send " + event.get("type").asText() + " to " + topic + ": " + e, e);
        }
        return new Sent(correlationId, version);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
