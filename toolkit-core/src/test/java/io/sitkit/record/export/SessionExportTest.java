package io.sitkit.record.export;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.record.CaptureFileWriter;
import io.sitkit.record.Origin;
import io.sitkit.record.SessionNote;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A small checkout session exported as a JUnit test and a Markdown report, compared with golden text. */
class SessionExportTest {
    static final Instant T = Instant.parse("2026-03-02T09:15:00Z");
    static final String REQUEST = "{\"orderId\":\"o-1\",\"requestId\":\"3f2a1c9e-8b7d-4e6f-9a0b-1c2d3e4f5a6b\",\"note\":\"100% cotton\","
            + "\"lines\":[{\"sku\":\"sku-mug\",\"quantity\":1,\"unitPrice\":7.25}]}";

    @TempDir
    Path dir;

    static Message kafka(String topic, String key, String payload, long offsetMillis, Header... headers) {
        return new Message(Destination.kafka(topic), key == null ? null : key.getBytes(StandardCharsets.UTF_8), Headers.of(headers),
                payload.getBytes(StandardCharsets.UTF_8), BodyType.BYTES, T.plusMillis(offsetMillis), T.plusMillis(offsetMillis),
                new KafkaMetadata(0, offsetMillis, "CreateTime", 0));
    }

    static Message jms(String address, String correlationId, String payload, long offsetMillis, Header... headers) {
        return new Message(Destination.parse(address), null, Headers.of(headers), payload.getBytes(StandardCharsets.UTF_8), BodyType.TEXT,
                T.plusMillis(offsetMillis), T.plusMillis(offsetMillis),
                new JmsMetadata("ID:vm-1-" + offsetMillis, correlationId, null, null, 4, true, null, false, null));
    }

    /**
     * Injected checkout, the payment request, the result, a notification, two alike stock events, a
     * binary event; the tester's note and finding, the recorder's note (left out of both exports) and a problem.
     */
    Path session() throws IOException {
        Path file = dir.resolve("checkout-session.jsonl");
        try (CaptureFileWriter w = CaptureFileWriter.open(file, Map.of("session", "checkout with one mug", "tester", "ann"), Redactor.none())) {
            w.note(new SessionNote(T.plusMillis(50), SessionNote.Kind.NOTE, "recording kafka:checkout-requests from now", SessionNote.BY_RECORDER));
            w.note(SessionNote.of(T.plusMillis(100), SessionNote.Kind.NOTE, "one mug, paid by card"));
            w.write(kafka("checkout-requests", "o-1", REQUEST, 120, Header.of("source", "cart")), Origin.INJECTED, null, Map.of(), Map.of());
            w.write(jms("jms:queue:payment.requests", "o-1", "{\"orderId\":\"o-1\",\"amount\":7.83,\"currency\":\"USD\"}", 180));
            w.write(kafka("orders-placed", "o-1", "\u0000\u0000\u0000\u0000\u0007\u0006o-1", 240), Origin.OBSERVED, 7, Map.of(), Map.of());
            w.write(kafka("checkout-results", "o-1", "{\"orderId\":\"o-1\",\"status\":\"PLACED\",\"total\":7.83,\"paymentId\":\"pay-1\","
                    + "\"placedAt\":\"2026-03-02T09:15:00.250Z\",\"error\":null}", 260));
            for (long at : List.of(300L, 310L)) {
                w.write(kafka("inventory-events", "sku-mug", "{\"type\":\"StockReserved\",\"orderId\":\"o-1\",\"sku\":\"sku-mug\"}", at),
                        Origin.OBSERVED, null, Map.of("jsonPath:$.orderId", "o-1"), Map.of());
            }
            w.write(jms("jms:topic:notifications", null, "{\"subject\":\"Your order o-1 is confirmed\",\"to\":\"ann@example.com\"}", 420,
                    Header.typed("orderId", "o-1"), Header.typed("eventType", "OrderConfirmation"), Header.typed("attempt", 1)),
                    Origin.OBSERVED, null, Map.of("header:orderId", "o-1"), Map.of());
            w.note(SessionNote.of(T.plusMillis(1_500), SessionNote.Kind.PROBLEM, "kafka:inventory-events cannot see its broker"));
            w.note(SessionNote.of(T.plusMillis(2_000), SessionNote.Kind.FINDING, "the notification has no total"));
        }
        // The header's creation time is the writer's clock; fix it for the golden text.
        List<String> lines = Files.readAllLines(file);
        lines.set(0, lines.get(0).replaceFirst("\"createdAt\":\"[^\"]+\"", "\"createdAt\":\"" + T + "\""));
        Files.write(file, lines);
        return file;
    }

    static String golden(String name) throws IOException {
        try (InputStream in = SessionExportTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_session_becomes_a_junit_test_that_publishes_the_injection_and_expects_each_observed_message() throws IOException {
        Path session = session();

        String source = SessionExport.of(session).ignoring("$.paymentId").within(Duration.ofSeconds(5))
                .toJUnitTest("com.example.shop", "CheckoutSessionTest");

        assertThat(source).isEqualTo(golden("CheckoutSessionTest.java.txt"));
    }

    @Test
    void a_route_orders_the_flow_and_leaves_out_destinations_a_key_did_not_reach() throws IOException {
        String source = SessionExport.of(session()).route("kafka:checkout-requests", "kafka:nowhere", "kafka:checkout-results")
                .toJUnitTest("", "RoutedTest");

        assertThat(source).startsWith("import io.sitkit.core.OutgoingMessage;\n")
                .contains("\n        // hop by hop, along the given route\n"
                        + "        expect.expectFlow(o1)\n"
                        + "                .through(\"kafka:checkout-requests\", \"kafka:checkout-results\")\n"
                        + "                .within(WITHIN);\n");
    }

    @Test
    void keys_come_from_the_given_rules_and_a_message_keyed_otherwise_is_expected_by_its_own_key() throws IOException {
        String source = SessionExport.of(session()).correlatedBy(CorrelationRules.byDefault(KeySource.kafkaKey())
                        .on("jms:queue:payment.requests", KeySource.jmsCorrelationId()))
                .toJUnitTest("shop", "ByKafkaKeyTest");

        assertThat(source).doesNotContain(".on(\"kafka:inventory-events\"")
                .contains("        // observed +0.300s on kafka:inventory-events, 2 alike\n"
                        + "        expect.expect(\"kafka:inventory-events\")\n"
                        + "                .messages(allOf(\n"
                        + "                        key(\"sku-mug\"),\n"
                        + "                        jsonPath(\"$.type\").isEqualTo(\"StockReserved\"),\n"
                        + "                        jsonPath(\"$.orderId\").isEqualTo(o1),\n")
                .contains("import static io.sitkit.match.Matchers.key;\n");
    }

    @Test
    void a_session_becomes_a_markdown_report_of_what_was_done_and_found() throws IOException {
        assertThat(SessionExport.of(session()).toMarkdownReport()).isEqualTo(golden("checkout-session.md"));
    }

    @Test
    void values_masked_in_a_redacted_recording_are_only_expected_to_be_there() throws IOException {
        Path file = dir.resolve("redacted.jsonl");
        try (CaptureFileWriter w = CaptureFileWriter.open(file, Map.of(), Redactor.builder().fields("cardToken").build())) {
            w.write(kafka("checkout-requests", "o-1", "{\"orderId\":\"o-1\",\"cardToken\":\"tok_visa\"}", 1), Origin.INJECTED, null,
                    Map.of(), Map.of());
            w.write(jms("jms:queue:payment.requests", "o-1", "{\"orderId\":\"o-1\",\"cardToken\":\"tok_visa\"}", 2));
        }

        String source = SessionExport.of(file).toJUnitTest("shop", "RedactedTest");

        assertThat(source).contains("        // injected +0.000s on kafka:checkout-requests (redacted in the recording: masked values go out masked)\n")
                .contains("        // masked in the recording, only expected to be there: $.cardToken\n"
                        + "        expect.expect(\"jms:queue:payment.requests\").forKey(o1)\n"
                        + "                .message(allOf(\n"
                        + "                        jsonPath(\"$.orderId\").isEqualTo(o1),\n"
                        + "                        jsonPath(\"$.cardToken\").exists()))\n")
                .doesNotContain("tok_visa");
    }

    @Test
    void an_injected_jms_request_goes_out_again_with_its_properties_correlation_id_type_and_reply_to() throws IOException {
        Path file = dir.resolve("jms.jsonl");
        Message request = new Message(Destination.parse("jms:queue:payment.requests"), null,
                Headers.of(Header.typed("retries", 2), Header.typed("requestId", "3f2a1c9e-8b7d-4e6f-9a0b-1c2d3e4f5a6b")),
                "{\"orderId\":\"o-7\"}".getBytes(StandardCharsets.UTF_8), BodyType.TEXT, T, T,
                new JmsMetadata("ID:vm-1-1", "o-7", Destination.parse("jms:queue:payment.replies"), "PaymentRequest", 4, true, null, false, null));
        try (CaptureFileWriter w = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            w.write(request, Origin.INJECTED, null, Map.of(), Map.of());
        }

        String source = SessionExport.of(file).toJUnitTest("pay", "PaymentSessionTest");

        assertThat(source).contains("        String o7 = \"o-7\" + RUN;\n")
                .contains("        bus.publish(OutgoingMessage.text(\"jms:queue:payment.requests\", \"\"\"\n"
                        + "                {\"orderId\":\"%1$s\"}\"\"\".formatted(o7))\n"
                        + "                .withProperty(\"retries\", 2)\n"
                        + "                .withHeader(\"requestId\", UUID.randomUUID().toString())\n"
                        + "                .withCorrelationId(o7)\n"
                        + "                .withType(\"PaymentRequest\")\n"
                        + "                .withReplyTo(\"jms:queue:payment.replies\"));\n")
                .doesNotContain("expectFlow");
    }

    @Test
    void a_session_that_injected_nothing_cannot_become_a_test() throws IOException {
        Path file = dir.resolve("watched.jsonl");
        try (CaptureFileWriter w = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            w.write(kafka("orders", "o-1", "{}", 1));
        }

        assertThatThrownBy(() -> SessionExport.of(file).toJUnitTest("shop", "WatchedTest"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(file + " holds no injected message, so a test has nothing to publish; "
                        + "record the session with Recorder.inject(…) for what the tester sends");
    }

    @Test
    void names_that_are_not_java_names_are_refused_naming_them() throws IOException {
        Path file = session();

        assertThatThrownBy(() -> SessionExport.of(file).toJUnitTest("com.example-shop", "T"))
                .hasMessage("not a Java package name: \"com.example-shop\"");
        assertThatThrownBy(() -> SessionExport.of(file).toJUnitTest("shop", "Checkout Test"))
                .hasMessage("not a Java class name: \"Checkout Test\"");
        assertThatThrownBy(() -> SessionExport.of(file).ignoring("paymentId"))
                .hasMessage("an ignored path is a JSON path starting with $, e.g. \"$.paymentId\"; was paymentId");
    }

    @Test
    void the_test_is_written_in_its_package_directory_and_the_report_where_asked() throws IOException {
        SessionExport export = SessionExport.of(session());

        Path test = export.writeJUnitTest(dir.resolve("src/test/java"), "com.example.shop", "CheckoutSessionTest");
        Path report = export.writeMarkdownReport(dir.resolve("reports/checkout.md"));

        assertThat(test).isEqualTo(dir.resolve("src/test/java/com/example/shop/CheckoutSessionTest.java"));
        assertThat(Files.readString(test)).isEqualTo(export.toJUnitTest("com.example.shop", "CheckoutSessionTest"));
        assertThat(Files.readString(report)).isEqualTo(golden("checkout-session.md"));
    }

    @Test
    void the_recording_export_is_a_checked_copy() throws IOException {
        Path file = session();

        Path copy = SessionExport.of(file).writeRecording(dir.resolve("out/session.jsonl"));

        assertThat(copy).hasSameBinaryContentAs(file);
    }
}
