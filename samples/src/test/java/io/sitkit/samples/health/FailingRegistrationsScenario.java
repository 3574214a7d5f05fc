package io.sitkit.samples.health;

import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.record.CaptureFileReader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.samples.health.HealthRoutes.ANN;
import static io.sitkit.samples.health.HealthRoutes.EMR_RECORDS;
import static io.sitkit.samples.health.HealthRoutes.PATIENT_EVENTS;
import static io.sitkit.samples.health.HealthRoutes.PATIENT_ID;
import static io.sitkit.samples.health.HealthRoutes.SSN;
import static io.sitkit.samples.health.HealthRoutes.wiring;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;


/**
 * Two registrations whose flows fail on purpose, run only by {@link PatientIdentifierRedactionIT} through the
 * EngineTestKit (the condition keeps an IDE's "run all" from running it alone).
 */
@SitTest(observe = {PATIENT_EVENTS, EMR_RECORDS})
@EnabledIf("io.sitkit.samples.health.PatientIdentifierRedactionIT#launchedAsScenario")
@TestMethodOrder(MethodOrderer.MethodName.class)
class FailingRegistrationsScenario {
    @Test
    void an_emr_that_writes_snake_case(SitBus bus, SitEnvironment env) {
        try (HealthSystem health = HealthSystem.start(wiring(bus, env), EnumSet.of(Bug.SNAKE_CASE_PATIENT_ID))) {
            health.registration().register(ANN);
            bus.expect(EMR_RECORDS).message(jsonPath("$.type").isEqualTo("RecordCreated")).within(ofSeconds(10));
            bus.expect(EMR_RECORDS).message(allOf(jsonPath("$.type").isEqualTo("RecordCreated"), jsonPath("$.patientId").isEqualTo(PATIENT_ID)))
                    .within(ofSeconds(1));
        }
    }

    @Test
    void an_emr_that_is_down(SitBus bus, SitEnvironment env) {
        try (PatientRegistration desk = new PatientRegistration(wiring(bus, env))) {
            desk.register(ANN);
            bus.expect(PATIENT_EVENTS).message(jsonPath("$.type").isEqualTo("PatientRegistered")).within(ofSeconds(10));
            bus.expect(EMR_RECORDS).message(jsonPath("$.patientId").isEqualTo(PATIENT_ID)).within(ofSeconds(1));
        }
    }
}
