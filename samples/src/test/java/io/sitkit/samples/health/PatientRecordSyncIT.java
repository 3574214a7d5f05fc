package io.sitkit.samples.health;

import io.sitkit.core.Message;
import io.sitkit.correlate.Flow;
import io.sitkit.expect.FieldMapping;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.junit.Smoke;
import io.sitkit.samples.health.PatientRegistration.Insurance;
import io.sitkit.samples.health.PatientRegistration.Sent;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.samples.health.HealthRoutes.ANN;
import static io.sitkit.samples.health.HealthRoutes.COVERAGE_EVENTS;
import static io.sitkit.samples.health.HealthRoutes.COVERAGE_REQUESTS;
import static io.sitkit.samples.health.HealthRoutes.EMR_RECORDS;
import static io.sitkit.samples.health.HealthRoutes.PATIENT_EVENTS;
import static io.sitkit.samples.health.HealthRoutes.PATIENT_ID;
import static io.sitkit.samples.health.HealthRoutes.byCorrelationId;
import static io.sitkit.samples.health.HealthRoutes.real;
import static io.sitkit.samples.health.HealthRoutes.wiring;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Big-bang SIT of the healthcare system: registration, EMR and claims all running, each change a
 * patient goes through followed by its correlation id from the registration desk (Kafka) through
 * the EMR (JMS topic) to claims (JMS queue, then Kafka), with the patient id the same everywhere.
 */
@SitTest(observe = {PATIENT_EVENTS, EMR_RECORDS, COVERAGE_REQUESTS, COVERAGE_EVENTS})
class PatientRecordSyncIT {

    @Smoke
    @Test
    void a_registered_patient_gets_an_emr_record_under_the_same_patient_id(SitBus bus, SitEnvironment env) {
        try (HealthSystem health = HealthSystem.start(wiring(bus, env), Set.of())) {
            Sent sent = health.registration().register(ANN);

            Flow flow = byCorrelationId(bus).expectFlow(sent.correlationId())
                    .through(real(bus, PATIENT_EVENTS), real(bus, EMR_RECORDS))
                    .consistent(FieldMapping.of(real(bus, PATIENT_EVENTS), "$.patientId").and(real(bus, EMR_RECORDS), "$.patientId"))
                    .consistent(FieldMapping.of(real(bus, PATIENT_EVENTS), "$.birthDate").and(real(bus, EMR_RECORDS), "$.birthDate"))
                    .within(ofSeconds(10));

            Message created = flow.first(bus.destination(EMR_RECORDS)).orElseThrow();
            assertThat(created).hasCorrelationId(sent.correlationId()).hasProperty("eventType", "RecordCreated")
                    .hasJsonPath("$.type", "RecordCreated").hasJsonPath("$.version", 1).hasJsonPath("$.familyName", "Lee")
                    .doesNotHaveJsonPath("$.ssn");
            Chart chart = health.emr().chart(PATIENT_ID).orElseThrow();
            assertThat(created).hasJsonPath("$.mrn", chart.mrn());
            assertThat(chart.mrn()).startsWith("MRN-");
        }
    }

    @Smoke
    @Test
    void a_demographic_update_reaches_the_emr_record(SitBus bus, SitEnvironment env) {
        try (HealthSystem health = HealthSystem.start(wiring(bus, env), Set.of())) {
            health.registration().register(ANN);
            Sent moved = health.registration().updateDemographics(PATIENT_ID, "9 Canal Street, Glasgow", "+44 141 496 0000");

            byCorrelationId(bus).expectFlow(moved.correlationId())
                    .through(real(bus, PATIENT_EVENTS), real(bus, EMR_RECORDS))
                    .consistent(FieldMapping.of(real(bus, PATIENT_EVENTS), "$.patientId").and(real(bus, EMR_RECORDS), "$.patientId"))
                    .consistent(FieldMapping.of(real(bus, PATIENT_EVENTS), "$.address").and(real(bus, EMR_RECORDS), "$.address"))
                    .consistent(FieldMapping.of(real(bus, PATIENT_EVENTS), "$.version").and(real(bus, EMR_RECORDS), "$.version"))
                    .within(ofSeconds(10));

            bus.expect(EMR_RECORDS).message(allOf(jsonPath("$.type").isEqualTo("RecordUpdated"), jsonPath("$.version").isEqualTo(2),
                    jsonPath("$.phone").isEqualTo("+44 141 496 0000"))).within(ofSeconds(5));
            assertThat(health.emr().chart(PATIENT_ID)).hasValueSatisfying(c -> {
                assertThat(c.address()).isEqualTo("9 Canal Street, Glasgow");
                assertThat(c.version()).isEqualTo(2);
            });
        }
    }

    @Smoke
    @Test
    void an_insurance_transfer_is_verified_by_claims_for_the_same_patient_and_record(SitBus bus, SitEnvironment env) {
        try (HealthSystem health = HealthSystem.start(wiring(bus, env), Set.of())) {
            health.registration().register(ANN);
            bus.expect(COVERAGE_EVENTS).message(jsonPath("$.insurer").isEqualTo("Acme Health")).within(ofSeconds(10));
            Sent transfer = health.registration().transferInsurance(PATIENT_ID, new Insurance("Beacon Mutual", "BCN-2002"));

            Flow flow = byCorrelationId(bus).expectFlow(transfer.correlationId())
                    .through(real(bus, PATIENT_EVENTS), real(bus, EMR_RECORDS), real(bus, COVERAGE_REQUESTS), real(bus, COVERAGE_EVENTS))
                    .eachHopWithin(ofSeconds(2))
                    .consistent(FieldMapping.of(real(bus, PATIENT_EVENTS), "$.patientId").and(real(bus, EMR_RECORDS), "$.patientId")
                            .and(real(bus, COVERAGE_REQUESTS), "$.patientId").and(real(bus, COVERAGE_EVENTS), "$.patientId"))
                    .consistent(FieldMapping.of(real(bus, EMR_RECORDS), "$.mrn").and(real(bus, COVERAGE_REQUESTS), "$.mrn")
                            .and(real(bus, COVERAGE_EVENTS), "$.mrn"))
                    .consistent(FieldMapping.of(real(bus, PATIENT_EVENTS), "$.insurance.policyNumber")
                            .and(real(bus, COVERAGE_REQUESTS), "$.policyNumber").and(real(bus, COVERAGE_EVENTS), "$.policyNumber"))
                    .within(ofSeconds(10));

            assertThat(flow).passedThrough(real(bus, PATIENT_EVENTS), real(bus, EMR_RECORDS), real(bus, COVERAGE_REQUESTS),
                    real(bus, COVERAGE_EVENTS));
            assertThat(flow.first(bus.destination(COVERAGE_EVENTS)).orElseThrow()).hasKey(PATIENT_ID)
                    .hasJsonPath("$.insurer", "Beacon Mutual").hasJsonPath("$.status", "ACTIVE");
            assertThat(health.emr().chart(PATIENT_ID)).hasValueSatisfying(c -> assertThat(c.insurer()).isEqualTo("Beacon Mutual"));
        }
    }
}
