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
 * Patient identifiers are sensitive: with {@code sitkit.redact.fields=patientId,patient_id,mrn,ssn}
 * (set for the samples in {@code junit-platform.properties}) no failure message and no flow-trace
 * file shows one. Two failing flows run as a scenario through the JUnit engine, on this run's
 * brokers, and what they leave behind is searched for the raw identifiers.
 */
@SitTest
class PatientIdentifierRedactionIT {
    static final String SCENARIO = "sitkit.samples.scenario";
    static final Path OUT = Path.of("target", "sitkit-scenarios");

    @Deep
    @Test
    void no_failure_message_or_flow_trace_shows_a_patient_identifier(SitEnvironment env) throws IOException {
        var kit = EngineTestKit.engine("junit-jupiter");
        env.connectionProperties().forEach(kit::configurationParameter);
        EngineExecutionResults results = kit.configurationParameter("sitkit.environment", "external")
                .configurationParameter("sitkit.jms.queue-observation", "mirror")
                .configurationParameter("sitkit.redact.fields", "patientId,patient_id,mrn,ssn")
                .configurationParameter("sitkit.junit.output-dir", OUT.toString())
                .configurationParameter(SCENARIO, "true")
                .selectors(selectClass(FailingRegistrationsScenario.class)).execute();

        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        List<String> failures = results.testEvents().failed().stream().map(PatientIdentifierRedactionIT::failure).toList();
        assertThat(failures).allSatisfy(m -> assertThat(m).doesNotContain(PATIENT_ID, SSN, "MRN-4").contains("******"));
        assertThat(failures).anySatisfy(m -> assertThat(m)
                .startsWith("expected a message matching $.type == \"RecordCreated\" and $.patientId == \"******\"\n")
                .endsWith("\n  hint: field `patientId` missing; the message has `patient_id` (camelCase vs snake_case)"));
        assertThat(failures).anySatisfy(m -> assertThat(m)
                .startsWith("expected a message matching $.patientId == \"******\"\n")
                .contains("\n  but saw 0 matching\n"));

        List<Path> traces = results.allEvents().reportingEntryPublished().stream()
                .map(e -> Path.of(e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("sitkit.flow-trace"))).toList();
        assertThat(traces).hasSize(2);
        List<String> written = new ArrayList<>();
        for (Path trace : traces) {
            assertThat(Files.readString(trace)).doesNotContain(PATIENT_ID, SSN, "MRN-4");
            try (CaptureFileReader reader = CaptureFileReader.open(trace)) {
                assertThat(reader.header().annotations().get("failure")).startsWith("expected a message matching").contains("******");
                reader.entries().map(CaptureFileReader.Entry::message).forEach(m -> written.add(
                        m.keyText().orElse("") + " " + m.headers() + " " + m.payloadText().orElse("")));
            }
        }
        assertThat(written).hasSize(3).allSatisfy(m -> assertThat(m).doesNotContain(PATIENT_ID, SSN, "MRN-4"));
        assertThat(written).filteredOn(m -> m.contains("PatientRegistered")).hasSize(2)
                .allSatisfy(m -> assertThat(m).startsWith("****** ").contains("\"patientId\":\"******\"", "\"ssn\":\"******\""));
        assertThat(written).filteredOn(m -> m.contains("RecordCreated")).singleElement().asString()
                .contains("\"patient_id\":\"******\",\"mrn\":\"******\"");
    }

    private static String failure(Event e) {
        return e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
    }

    static boolean launchedAsScenario(ExtensionContext context) {
        return context.getConfigurationParameter(SCENARIO).isPresent();
    }
}
