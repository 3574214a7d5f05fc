package io.sitkit.report;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.record.CaptureFileException;
import io.sitkit.record.CaptureFileWriter;
import io.sitkit.record.Origin;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.sitkit.report.SampleRun.AUDIT;
import static io.sitkit.report.SampleRun.EMAILS;
import static io.sitkit.report.SampleRun.ORDERS;
import static io.sitkit.report.SampleRun.PAYMENTS;
import static io.sitkit.report.SampleRun.PAYMENT_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Session coverage from capture files, merged with a run report's into one table, and its Markdown. */
class CoverageTableTest {
    @TempDir
    Path dir;

    static final Inventory SHOP = Inventory.of(SampleRun.inventory());

    /** A recording: each message with its origin, as a recorder writes it. */
    Path recording(String name, Map<Message, Origin> messages) {
        Path file = dir.resolve(name);
        try (CaptureFileWriter w = CaptureFileWriter.open(file, Map.of("session", name), Redactor.none())) {
            messages.forEach((m, origin) -> w.write(m, origin, null, Map.of(), Map.of()));
        }
        return file;
    }

    /** A manual session: a cancellation injected, the email it caused observed, and an untyped message on the audit topic. */
    Path cancellation() {
        Map<Message, Origin> messages = new java.util.LinkedHashMap<>();
        messages.put(SampleRun.kafka(ORDERS, 40, "o-9", "OrderCancelled", "{\"orderId\":\"o-9\"}", 0), Origin.INJECTED);
        messages.put(SampleRun.jms(EMAILS, "ID:mail-1", "o-9", "EmailRequested", "{\"to\":\"ann@example.com\"}", 300), Origin.OBSERVED);
        messages.put(SampleRun.jms(EMAILS, "ID:mail-2", "o-9", "EmailRequested", "{\"to\":\"bob@example.com\"}", 310), Origin.OBSERVED);
        messages.put(SampleRun.kafka(ORDERS, 41, "o-9", "OrderPlaced", "{\"orderId\":\"o-9\"}", 400), Origin.INJECTED);
        return recording("cancel.jsonl", messages);
    }

    @Test
    void a_recording_counts_each_inventory_point_it_exercised_split_into_injected_and_observed() {
        SessionCoverage s = SessionCoverage.read(SHOP, List.of(cancellation()));

        assertThat(s.sessions()).containsExactly("cancel.jsonl");
        assertThat(s.injected().inventory()).filteredOn(CoverageCell::exercised)
                .extracting(CoverageCell::label, CoverageCell::messages)
                .containsExactly(tuple("kafka:shop.orders.v1 OrderPlaced", 1), tuple("kafka:shop.orders.v1 OrderCancelled", 1));
        assertThat(s.observed().inventory()).filteredOn(CoverageCell::exercised)
                .extracting(CoverageCell::label, CoverageCell::messages, CoverageCell::tests)
                .containsExactly(tuple("jms:queue:notifications.email EmailRequested", 2, java.util.Set.of("cancel.jsonl")));
        assertThat(s.all().exercisedPoints()).isEqualTo(3);
        assertThat(s.all().inventoryPoints()).isEqualTo(6);
    }

    @Test
    void tests_and_sessions_merge_into_one_row_per_point_with_the_gaps_and_what_was_outside_the_inventory() {
        CoverageTable table = CoverageTable.measure(SHOP, List.of(SampleRun.report()), List.of(cancellation()));

        assertThat(table.summary()).isEqualTo("6 of 6 points exercised: 4 by tests, 3 by sessions, 0 by neither;"
                + " 1 seen outside the inventory");
        assertThat(table.rows()).extracting(CoverageRow::label, CoverageRow::exercisedBy, CoverageRow::testMessages,
                        CoverageRow::injected, CoverageRow::observed)
                .containsExactly(
                        tuple("kafka:shop.orders.v1 OrderPlaced", "tests and sessions", 2, 1, 0),
                        tuple("kafka:shop.orders.v1 OrderCancelled", "sessions", 0, 1, 0),
                        tuple("jms:queue:payments.requests PaymentRequested", "tests", 2, 0, 0),
                        tuple("kafka:shop.payments.v1 PaymentCompleted", "tests", 1, 0, 0),
                        tuple("kafka:shop.payments.v1 PaymentFailed", "tests", 1, 0, 0),
                        tuple("jms:queue:notifications.email EmailRequested", "sessions", 0, 0, 2),
                        tuple("kafka:shop.audit OrderRejected", "outside the inventory", 1, 0, 0));
        assertThat(table.rows().get(0).tests())
                .containsExactly("CheckoutSit.a declined card returns the error to the cart", "CheckoutSit.pays for one item");
        assertThat(table.rows().get(0).sessions()).containsExactly("cancel.jsonl");
        assertThat(table.tests()).hasSize(3);
        assertThat(table.sessions()).containsExactly("cancel.jsonl");
    }

    @Test
    void tests_alone_leave_the_points_only_sessions_reach_as_gaps() {
        CoverageTable table = CoverageTable.measure(SHOP, List.of(SampleRun.report()), List.of());

        assertThat(table.summary()).isEqualTo("4 of 6 points exercised: 4 by tests, 0 by sessions, 2 by neither;"
                + " 1 seen outside the inventory");
        assertThat(table.inventory()).filteredOn(CoverageRow::gap).extracting(CoverageRow::label)
                .containsExactly("kafka:shop.orders.v1 OrderCancelled", "jms:queue:notifications.email EmailRequested");
        assertThat(table.sessions()).isEmpty();
    }

    @Test
    void a_report_written_against_no_inventory_is_measured_again_against_the_one_given() throws IOException {
        RunReport declaredOnly = SampleRun.builder().build(io.sitkit.core.TestMessages.T0.plusSeconds(4), Inventory.declared());
        Path json = dir.resolve("report.json");
        ReportJson.write(declaredOnly, json);

        CoverageTable table = CoverageTable.measure(SHOP, List.of(ReportJson.read(json)), List.of());

        assertThat(table.source()).isEqualTo("asyncapi");
        assertThat(table.summary()).startsWith("4 of 6 points exercised: 4 by tests,");
    }

    @Test
    void without_an_inventory_every_destination_seen_is_a_point() {
        CoverageTable table = CoverageTable.measure(Inventory.declared(), List.of(SampleRun.report()), List.of(cancellation()));

        assertThat(table.inventory()).extracting(CoverageRow::label).containsExactly(
                ORDERS.toString(), PAYMENT_REQUESTS.toString(), PAYMENTS.toString(), EMAILS.toString(), AUDIT.toString());
        assertThat(table.summary()).isEqualTo("5 of 5 points exercised: 4 by tests, 2 by sessions, 0 by neither");
    }

    @Test
    void the_markdown_export_has_the_summary_a_row_per_point_and_a_section_for_what_was_outside() {
        CoverageTable table = CoverageTable.measure(SHOP, List.of(SampleRun.report()), List.of(cancellation()));

        assertThat(table.toMarkdown()).isEqualTo("""
                # Integration coverage

                6 of 6 points exercised: 4 by tests, 3 by sessions, 0 by neither; 1 seen outside the inventory

                - Inventory: asyncapi (6 points)
                - Tests: 3
                - Sessions: cancel.jsonl

                | Point | Exercised by | Tests | Sessions |
                | --- | --- | --- | --- |
                | kafka:shop.orders.v1 OrderPlaced | tests and sessions | 2 messages: CheckoutSit.a declined card returns the error to the cart, CheckoutSit.pays for one item | 1 injected: cancel.jsonl |
                | kafka:shop.orders.v1 OrderCancelled | sessions | — | 1 injected: cancel.jsonl |
                | jms:queue:payments.requests PaymentRequested | tests | 2 messages: CheckoutSit.a declined card returns the error to the cart, CheckoutSit.pays for one item | — |
                | kafka:shop.payments.v1 PaymentCompleted | tests | 1 message: CheckoutSit.pays for one item | — |
                | kafka:shop.payments.v1 PaymentFailed | tests | 1 message: CheckoutSit.a declined card returns the error to the cart | — |
                | jms:queue:notifications.email EmailRequested | sessions | — | 2 observed: cancel.jsonl |

                ## Seen outside the inventory

                | Destination and type | Tests | Sessions |
                | --- | --- | --- |
                | kafka:shop.audit OrderRejected | 1 message: AuditSit.rejects an order with no items | — |
                """);
    }

    @Test
    void a_gap_is_marked_in_the_markdown_and_pipes_in_names_are_escaped() {
        Coverage tests = Coverage.compute(SHOP, List.of());
        CoverageTable table = CoverageTable.of(tests, id -> id, SessionCoverage.read(SHOP, List.of()));

        assertThat(table.toMarkdown()).contains("| kafka:shop.orders.v1 OrderPlaced | **neither (gap)** | — | — |")
                .contains("- Sessions: none").doesNotContain("outside the inventory");
        assertThat(table.summary()).isEqualTo("0 of 6 points exercised: 0 by tests, 0 by sessions, 6 by neither");
        assertThat(CoverageTable.testsText(new CoverageRow(ORDERS, "", true, java.util.Set.of("a|b"), 1, java.util.Set.of(), 0, 0)))
                .isEqualTo("1 message: a|b");
    }

    @Test
    void recordings_that_share_a_file_name_are_named_by_path_and_one_given_twice_is_refused() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path a = recording("a/s.jsonl", Map.of(SampleRun.kafka(ORDERS, 1, "o-1", "OrderPlaced", "{}", 0), Origin.INJECTED));
        Path b = recording("b/s.jsonl", Map.of(SampleRun.kafka(ORDERS, 2, "o-2", "OrderPlaced", "{}", 0), Origin.OBSERVED));

        assertThat(SessionCoverage.read(SHOP, List.of(a, b)).sessions()).containsExactly(a.toString(), b.toString());
        assertThatThrownBy(() -> SessionCoverage.read(SHOP, List.of(a, a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("recording " + a + " is given twice");
    }

    @Test
    void a_file_that_is_not_a_recording_fails_naming_it() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a capture file\n");

        assertThatThrownBy(() -> SessionCoverage.read(SHOP, List.of(notes))).isInstanceOf(CaptureFileException.class)
                .hasMessage("capture file " + notes + ", line 1: not valid JSON at column 1: not a capture file");
    }

    @Test
    void an_inventory_is_read_from_an_asyncapi_document_or_a_directory_of_contracts() throws IOException {
        Inventory asyncApi = Inventory.read(Path.of("src/test/resources/asyncapi/shop-3.0.yaml"));
        assertThat(asyncApi.source()).isEqualTo("asyncapi");
        assertThat(asyncApi.points()).isNotEmpty();

        Path contracts = Files.createDirectories(dir.resolve("contracts"));
        Files.writeString(contracts.resolve("placed.yaml"), """
                name: orders-placed
                destination: kafka:orders
                payload: {format: json-schema, schema: {type: object}}
                """);
        Inventory fromContracts = Inventory.read(contracts);
        assertThat(fromContracts.source()).isEqualTo("contracts");
        assertThat(fromContracts.points()).extracting(Inventory.Point::destination, Inventory.Point::messageType)
                .containsExactly(tuple(Destination.kafka("orders"), "orders-placed"));
        assertThat(Inventory.read(contracts.resolve("placed.yaml")).points()).hasSize(1);

        assertThatThrownBy(() -> Inventory.read(dir.resolve("nope.yaml"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inventory " + dir.resolve("nope.yaml") + " does not exist; give an AsyncAPI document or a directory of contracts");
    }
}
