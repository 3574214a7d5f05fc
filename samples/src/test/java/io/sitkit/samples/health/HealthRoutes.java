package io.sitkit.samples.health;

import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.expect.Expectations;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.samples.health.PatientRegistration.Insurance;
import io.sitkit.samples.health.PatientRegistration.Patient;
import io.sitkit.samples.support.Wiring;

/**
 * The healthcare system's destinations, the way its messages correlate, and a patient, as the
 * suites share them. The correlation id travels as the Kafka header {@code correlation-id} and as
 * {@code JMSCorrelationID} on JMS.
 */
final class HealthRoutes {
    static final String PATIENT_EVENTS = "kafka:patient-events";
    static final String EMR_RECORDS = "jms:topic:emr.records";
    static final String COVERAGE_REQUESTS = "jms:queue:claims.coverage";
    static final String COVERAGE_EVENTS = "kafka:coverage-events";

    /** Identifiers chosen to be found by a text search: none of them may appear in a report or trace. */
    static final String PATIENT_ID = "P-7731-0442";
    static final String SSN = "123-45-6789";
    static final Patient ANN = new Patient(PATIENT_ID, SSN, "Ann", "Lee", "1980-02-29", "1 Harbour Road, Leith",
            new Insurance("Acme Health", "ACM-1001"));

    private HealthRoutes() {
    }

    /** The services' wiring: the environment's brokers and this test's names. */
    static Wiring wiring(SitBus bus, SitEnvironment env) {
        return Wiring.of(env.connectionProperties(), bus::destination);
    }

    /** Expectations over the test's capture that follow a correlation id across Kafka and JMS. */
    static Expectations byCorrelationId(SitBus bus) {
        return bus.expect().withCorrelation(CorrelationRules.byDefault(KeySource.header("correlation-id"))
                .on(bus.destination(EMR_RECORDS), KeySource.jmsCorrelationId())
                .on(bus.destination(COVERAGE_REQUESTS), KeySource.jmsCorrelationId()));
    }

    /** The address of this test's real destination for a logical one: flows and field mappings take real names. */
    static String real(SitBus bus, String address) {
        return bus.destination(address).toString();
    }
}
