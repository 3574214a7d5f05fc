package io.sitkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(RunReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.write(report, out);
        return MAPPER.readTree(out.toByteArray());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theTopLevelHasStableFieldsAndIsoInstants() throws IOException {
        JsonNode root = json(SampleRun.report());

        assertThat(fields(root)).containsExactly("format", "version", "environment", "startedAt", "endedAt",
                "durationMillis", "summary", "tests", "coverage");
        assertThat(root.get("format").asText()).isEqualTo("sitkit-run-report");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("startedAt").asText()).isEqualTo("2026-01-01T09:59:58Z");
        assertThat(Instant.parse(root.get("endedAt").asText())).isEqualTo(Instant.parse("2026-01-01T10:00:04Z"));
        assertThat(root.get("durationMillis").asLong()).isEqualTo(6000);
        assertThat(root.get("summary").toString())
                .isEqualTo("{\"total\":3,\"passed\":2,\"failed\":1,\"aborted\":0,\"skipped\":0}");
    }

    @Test
    void eachTestCarriesItsTimelineViolationsAndFailure() throws IOException {
        JsonNode declined = json(SampleRun.report()).get("tests").get(1);

        assertThat(fields(declined)).containsExactly("id", "className", "displayName", "tags", "status", "durationMillis",
                "failure", "destinations", "flowTrace", "violations", "timeline");
        assertThat(declined.get("status").asText()).isEqualTo("FAILED");
        assertThat(declined.get("durationMillis").asLong()).isEqualTo(5030);
        assertThat(declined.get("failure").asText()).startsWith("expected a message on jms:queue:notifications.email");
        assertThat(declined.get("flowTrace").isNull()).isTrue();
        assertThat(declined.get("violations").get(0).get("detail").asText()).isEqualTo("field `errorCode` missing; the message has `reason`");
        JsonNode entry = declined.get("timeline").get(1);
        assertThat(fields(entry)).containsExactly("capturedAt", "destination", "position", "key", "correlationKey",
                "messageType", "size", "preview");
        assertThat(entry.get("capturedAt").asText()).isEqualTo("2026-01-01T10:00:01.010Z");
        assertThat(entry.get("destination").asText()).isEqualTo("jms:queue:payments.requests");
        assertThat(entry.get("key").isNull()).isTrue();
        assertThat(entry.get("correlationKey").asText()).isEqualTo("o-2");
        assertThat(entry.get("messageType").asText()).isEqualTo("PaymentRequested");
        assertThat(entry.get("preview").asText()).doesNotContain(SampleRun.PASSWORD);
    }

    @Test
    void coverageCarriesTotalsCellsAndWhatIsOutsideTheInventory() throws IOException {
        JsonNode coverage = json(SampleRun.report()).get("coverage");

        assertThat(fields(coverage)).containsExactly("source", "inventoryPoints", "exercisedPoints", "percent", "cells",
                "destinationsOutsideInventory");
        assertThat(coverage.get("inventoryPoints").asInt()).isEqualTo(6);
        assertThat(coverage.get("exercisedPoints").asInt()).isEqualTo(4);
        assertThat(coverage.get("percent").asDouble()).isEqualTo(66.7);
        assertThat(coverage.get("cells")).hasSize(7);
        assertThat(coverage.get("cells").get(0).toString()).isEqualTo("{\"destination\":\"kafka:shop.orders.v1\","
                + "\"messageType\":\"OrderPlaced\",\"inInventory\":true,\"messages\":2,"
                + "\"tests\":[\"checkout#declinedCard\",\"checkout#paysForOneItem\"]}");
        assertThat(coverage.get("destinationsOutsideInventory").toString()).isEqualTo("[\"kafka:shop.audit\"]");
    }

    @Test
    void aWrittenReportReadsBackEqual(@TempDir Path dir) throws IOException {
        RunReport report = SampleRun.report();
        Path file = dir.resolve("report.json");

        ReportJson.write(report, file);

        assertThat(ReportJson.read(file)).isEqualTo(report);
    }

    @Test
    void readingSomethingElseSaysWhatItFound(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("other.json"), "{\"format\":\"capture\"}");

        assertThatThrownBy(() -> ReportJson.read(file))
                .hasMessage(file + " is not a sitkit run report: field 'format' is 'capture', expected 'sitkit-run-report'");
    }

    @Test
    void writeToProducesBothFilesInTheDirectory(@TempDir Path dir) throws IOException {
        Path html = SampleRun.report().writeTo(dir.resolve("sitkit"));

        assertThat(html).isEqualTo(dir.resolve("sitkit/report.html")).isRegularFile();
        assertThat(dir.resolve("sitkit/report.json")).isRegularFile();
    }
}
