package io.sitkit.samples.health;

import io.sitkit.correlate.KeySource;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.expect.FieldMapping;
import io.sitkit.fault.Fault;
import io.sitkit.fault.FaultPlan;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.samples.health.PatientRegistration.Insurance;
import io.sitkit.samples.health.PatientRegistration.Sent;
import io.sitkit.samples.support.Wiring;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.samples.health.HealthRoutes.ANN;
import static io.sitkit.samples.health.HealthRoutes.COVERAGE_EVENTS;
import static io.sitkit.samples.health.HealthRoutes.COVERAGE_REQUESTS;
import static io.sitkit.samples.health.HealthRoutes.EMR_RECORDS;
import static io.sitkit.samples.health.HealthRoutes.PATIENT_EVENTS;
import static io.sitkit.samples.health.HealthRoutes.PATIENT_ID;
import static io.sitkit.samples.health.HealthRoutes.SSN;
import static io.sitkit.samples.health.HealthRoutes.byCorrelationId;
import static io.sitkit.samples.health.HealthRoutes.real;
import static io.sitkit.samples.health.HealthRoutes.wiring;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Each of the healthcare system's integration bugs, switched on, and the sitkit failure that
 * catches it — naming the cause without showing a patient identifier.
 */
@SitTest(observe = {PATIENT_EVENTS, EMR_RECORDS, COVERAGE_REQUESTS, COVERAGE_EVENTS})
class PatientRecordBugsIT {
    /** Where the desk publishes when a relay stands between it and the EMR. */
    static final String DESK_EVENTS = "kafka:patient-events.desk";

    @Deep
    @Test
    void a_patient_id_written_in_snake_case_is_named_in_the_hint(SitBus bus, SitEnvironment env) {
        try (HealthSystem health = HealthSystem.start(wiring(bus, env), EnumSet.of(Bug.SNAKE_CASE_PATIENT_ID))) {
            health.registration().register(ANN);
            bus.expect(EMR_RECORDS).message(jsonPath("$.type").isEqualTo("RecordCreated")).within(ofSeconds(10));

            String emr = real(bus, EMR_RECORDS);
            assertThatThrownBy(() -> bus.expect(EMR_RECORDS).message(allOf(jsonPath("$.type").isEqualTo("RecordCreated"),
                    jsonPath("$.patientId").isEqualTo(PATIENT_ID))).within(ofSeconds(1)))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageStartingWith("""
                            expected a message matching $.type == "RecordCreated" and $.patientId == "******"
                              on %s
                              within 1s (looking back at earlier messages)
                              but saw 0 matching
                            """.formatted(emr))
                    .hasMessageContaining("{\"type\":\"RecordCreated\",\"patient_id\":\"******\",\"mrn\":\"******\",\"version\":1,")
                    .hasMessageContaining("""

                                  ok   $.type == "RecordCreated"
                                  FAIL $.patientId == "******": missing
                            """)
                    .hasMessageEndingWith("\n  hint: field `patientId` missing; the message has `patient_id` (camelCase vs snake_case)")
                    .hasMessageNotContainingAny(PATIENT_ID, SSN);
        }
    }

    @Deep
    @Test
    void a_late_older_update_is_ignored_by_the_emr(SitBus bus, SitEnvironment env) {
        reorderedUpdates(bus, env, Set.of(), emr -> {
            bus.expect(EMR_RECORDS).message(allOf(jsonPath("$.type").isEqualTo("RecordUpdated"), jsonPath("$.version").isEqualTo(3)))
                    .within(ofSeconds(10));
            await("the late update reaching the EMR").atMost(ofSeconds(10)).until(() -> emr.staleEventsIgnored() == 1);
            bus.expect(EMR_RECORDS).inOrderPerKey(KeySource.jsonPath("$.patientId"), "$.version").now();
            assertThat(emr.chart(PATIENT_ID)).hasValueSatisfying(c -> assertThat(c.address()).isEqualTo("3 New Street"));
        });
    }

    @Deep
    @Test
    void a_late_older_update_that_overwrites_a_newer_one_breaks_the_order_per_patient(SitBus bus, SitEnvironment env) {
        reorderedUpdates(bus, env, EnumSet.of(Bug.OLDER_UPDATE_WINS), emr -> {
            String records = real(bus, EMR_RECORDS);
            assertThatThrownBy(() -> bus.expect(EMR_RECORDS).inOrderPerKey(KeySource.jsonPath("$.patientId"), "$.version")
                    .during(ofSeconds(3)))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageStartingWith("""
                            expected messages in increasing order of $.version per $.patientId
                              on %1$s
                              within 3s (looking back at earlier messages)
                              but key ****** went from $.version 3 to 2:
                                %1$s id=ID:""".formatted(records))
                    .hasMessageContaining("\"version\":3,\"address\":\"3 New Street\"")
                    .hasMessageContaining("\"version\":2,\"address\":\"2 Old Lane\"")
                    .hasMessageNotContainingAny(PATIENT_ID);
            assertThat(emr.chart(PATIENT_ID)).as("the older address won").hasValueSatisfying(c -> assertThat(c.address()).isEqualTo("2 Old Lane"));
        });
    }

    /**
     * The desk registers Ann and moves her twice; a relay between desk and EMR holds the first move
     * back for a second, so the EMR sees version 3 before version 2.
     */
    private static void reorderedUpdates(SitBus bus, SitEnvironment env, Set<Bug> bugs, java.util.function.Consumer<Emr> then) {
        Wiring emrSide = wiring(bus, env);
        Wiring deskSide = Wiring.of(env.connectionProperties(), a -> bus.destination(a.equals(PATIENT_EVENTS) ? DESK_EVENTS : a));
        bus.intercept(DESK_EVENTS, PATIENT_EVENTS, FaultPlan.of(Fault.delay(ofSeconds(1)).everyNth(2)), 1);
        try (Emr emr = new Emr(emrSide, bugs); PatientRegistration desk = new PatientRegistration(deskSide)) {
            desk.register(ANN);
            desk.updateDemographics(PATIENT_ID, "2 Old Lane", "+44 20 7946 0000");
            desk.updateDemographics(PATIENT_ID, "3 New Street", "+44 20 7946 0001");
            then.accept(emr);
        }
    }

    @Deep
    @Test
    void a_lost_correlation_id_breaks_the_flow_at_the_emr(SitBus bus, SitEnvironment env) {
        try (HealthSystem health = HealthSystem.start(wiring(bus, env), EnumSet.of(Bug.LOST_CORRELATION_ID))) {
            Sent sent = health.registration().register(ANN);
            bus.expect(EMR_RECORDS).message(jsonPath("$.type").isEqualTo("RecordCreated")).within(ofSeconds(10));

            String desk = real(bus, PATIENT_EVENTS);
            String emr = real(bus, EMR_RECORDS);
            assertThatThrownBy(() -> byCorrelationId(bus).expectFlow(sent.correlationId()).through(desk, emr).within(ofSeconds(1)))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageStartingWith("""
                            expected flow %1$s through %2$s -> %3$s
                              correlated by %2$s by header correlation-id, %3$s by JMSCorrelationID
                              within 1s
                              but it broke at hop 1 %2$s -> %3$s: no message with key %1$s on %3$s after the one on %2$s
                            """.formatted(sent.correlationId(), desk, emr))
                    .hasMessageEndingWith("\n  on %s (1 message) the keys by JMSCorrelationID were: (none)".formatted(emr))
                    .hasMessageNotContainingAny(PATIENT_ID, SSN);
        }
    }

    @Deep
    @Test
    void claims_sending_the_mrn_as_patient_id_breaks_the_consistency_of_the_flow(SitBus bus, SitEnvironment env) {
        try (HealthSystem health = HealthSystem.start(wiring(bus, env), EnumSet.of(Bug.MRN_AS_PATIENT_ID))) {
            health.registration().register(ANN);
            Sent transfer = health.registration().transferInsurance(PATIENT_ID, new Insurance("Beacon Mutual", "BCN-2002"));

            String desk = real(bus, PATIENT_EVENTS);
            String claims = real(bus, COVERAGE_EVENTS);
            assertThatThrownBy(() -> byCorrelationId(bus).expectFlow(transfer.correlationId())
                    .through(desk, real(bus, EMR_RECORDS), real(bus, COVERAGE_REQUESTS), claims)
                    .consistent(FieldMapping.of(desk, "$.patientId").and(real(bus, EMR_RECORDS), "$.patientId")
                            .and(real(bus, COVERAGE_REQUESTS), "$.patientId").and(claims, "$.patientId"))
                    .within(ofSeconds(10)))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageContaining("\n  but $.patientId on %s is \"******\" while $.patientId on %s is \"******\" (the values differ; the redactor masks both)\n".formatted(desk, claims))
                    .hasMessageContaining("\n    4. hop 3 in ")
                    .hasMessageNotContainingAny(PATIENT_ID, health.emr().chart(PATIENT_ID).orElseThrow().mrn());
            // what the masked values hide: claims sent the medical record number where the patient id belongs
            bus.expect(COVERAGE_EVENTS).message(jsonPath("$.patientId").isEqualTo(health.emr().chart(PATIENT_ID).orElseThrow().mrn()))
                    .within(ofSeconds(1));
        }
    }
}
