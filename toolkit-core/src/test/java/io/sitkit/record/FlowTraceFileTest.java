package io.sitkit.record;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A failed test's flow trace: the capture file format with the test, failure, names and drops in its header. */
class FlowTraceFileTest {
    private static final Instant T = Instant.parse("2026-03-02T09:15:00Z");
    private static final String TEST_ID = "[engine:junit-jupiter]/[class:shop.CheckoutIT]/[method:pays_the_order_total()]";
    private static final String FAILURE = "expected a message matching $.amount == 25.0\n  on jms:queue:payment.requests.t1\n"
            + "  but saw 0 matching";

    @TempDir
    Path dir;

    private static Message order(long offset, long capturedMillis, String payload) {
        return new Message(Destination.kafka("orders.t1"), null, Headers.empty(), payload.getBytes(StandardCharsets.UTF_8),
                BodyType.BYTES, T, T.plusMillis(capturedMillis), new KafkaMetadata(0, offset, "CreateTime", 0));
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("kafka:orders", "orders.t1");
        names.put("jms:queue:payment.requests", "payment.requests.t1");
        return names;
    }

    @Test
    void names_given_bare_or_as_addresses_are_kept_as_the_real_address() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("kafka:orders", "orders.t1");
        given.put("jms:queue:payment.requests", "jms:queue:payment.requests.t1");
        given.put("jms:topic:prices", "prices.t1");

        FlowTraceFile trace = FlowTraceFile.of(TEST_ID, new AssertionError("x")).withNames(given);

        assertThat(trace.names()).containsExactly(
                Map.entry("kafka:orders", "kafka:orders.t1"),
                Map.entry("jms:queue:payment.requests", "jms:queue:payment.requests.t1"),
                Map.entry("jms:topic:prices", "jms:topic:prices.t1"));
    }

    @Test
    void an_older_trace_holding_bare_names_reads_them_as_addresses() throws Exception {
        Path file = Files.writeString(dir.resolve("old.jsonl"), "{\"format\":\"sitkit-capture\",\"version\":2,"
                + "\"annotations\":{\"failure\":\"boom\",\"name.kafka:orders\":\"orders.t1\","
                + "\"name.jms:queue:payment.requests\":\"payment.requests.t1\"}}\n");

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(FlowTraceFile.namesIn(reader.header())).containsExactly(
                    Map.entry("kafka:orders", "kafka:orders.t1"),
                    Map.entry("jms:queue:payment.requests", "jms:queue:payment.requests.t1"));
            assertThat(FlowTraceFile.from(reader.header()).orElseThrow().names())
                    .isEqualTo(FlowTraceFile.namesIn(reader.header()));
        }
    }

    @Test
    void a_name_whose_logical_part_is_no_address_is_read_as_it_is() {
        assertThat(FlowTraceFile.realAddress("orders", "orders.t1")).isEqualTo("orders.t1");
        assertThat(FlowTraceFile.realAddress("kafka:orders", "kafka:orders.t1")).isEqualTo("kafka:orders.t1");
        assertThat(FlowTraceFile.realAddress("jms:queue:payments", "payments.t1")).isEqualTo("jms:queue:payments.t1");
    }

    @Test
    void a_trace_is_a_capture_file_whose_header_names_the_test_its_failure_names_and_drops_and_whose_messages_come_oldest_first() {
        FlowTraceFile trace = FlowTraceFile.of(TEST_ID, new ExpectationFailedError(FAILURE)).withNames(names())
                .withDropped("from now: kafka:orders.t1", 3);

        Path file = trace.write(FlowTraceFile.pathFor(dir, "shop.CheckoutIT", "pays_the_order_total"),
                List.of(order(1, 20, "{\"n\":2}"), order(0, 10, "{\"n\":1}")), Redactor.none());

        assertThat(file).isEqualTo(dir.resolve("shop.CheckoutIT").resolve("pays_the_order_total.jsonl"));
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.header().annotations()).containsExactly(
                    Map.entry("test", TEST_ID),
                    Map.entry("failure", FAILURE),
                    Map.entry("failure.type", "io.sitkit.expect.ExpectationFailedError"),
                    Map.entry("name.kafka:orders", "kafka:orders.t1"),
                    Map.entry("name.jms:queue:payment.requests", "jms:queue:payment.requests.t1"),
                    Map.entry("dropped.from now: kafka:orders.t1", "3"));
            FlowTraceFile read = FlowTraceFile.from(reader.header()).orElseThrow();
            assertThat(read).isEqualTo(trace);
            assertThat(read.expectation()).isEqualTo("expected a message matching $.amount == 25.0");
            assertThat(read.dropped()).containsExactly(Map.entry("from now: kafka:orders.t1", 3L));
            assertThat(reader.entries().map(e -> e.message().payloadText().orElseThrow()).toList())
                    .containsExactly("{\"n\":1}", "{\"n\":2}");
        }
    }

    @Test
    void the_failure_keeps_its_first_forty_lines_and_goes_through_the_redactor() {
        String longFailure = IntStream.rangeClosed(1, 45).mapToObj(i -> "line " + i + " token=s3cret").collect(Collectors.joining("\n"));

        Path file = FlowTraceFile.of(TEST_ID, new AssertionError(longFailure))
                .write(dir.resolve("t.jsonl"), List.of(order(0, 0, "{\"token\":\"s3cret\"}")), Redactor.builder().secretValues("s3cret").build());

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            FlowTraceFile read = FlowTraceFile.from(reader.header()).orElseThrow();
            assertThat(read.failure().split("\n")).hasSize(41).endsWith("line 40 token=******", "…");
            assertThat(read.failureType()).isEqualTo("java.lang.AssertionError");
            assertThat(reader.entries().map(e -> e.message().payloadText().orElseThrow()).toList()).containsExactly("{\"token\":\"******\"}");
        }
    }

    @Test
    void a_failure_without_a_message_is_written_as_empty_text_under_its_type() {
        FlowTraceFile trace = FlowTraceFile.of(TEST_ID, new IllegalStateException());

        assertThat(trace.failure()).isEmpty();
        assertThat(trace.expectation()).isEmpty();
        assertThat(trace.failureType()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void another_capture_file_is_no_flow_trace_but_its_names_are_read_all_the_same() {
        CaptureFileHeader recording = new CaptureFileHeader(2, T, Map.of("test", TEST_ID, "name.kafka:orders", "kafka:orders.t1"));

        assertThat(FlowTraceFile.from(recording)).isEmpty();
        assertThat(FlowTraceFile.namesIn(recording)).containsExactly(Map.entry("kafka:orders", "kafka:orders.t1"));
    }

    @Test
    void a_header_missing_the_test_and_type_reads_them_as_empty() {
        FlowTraceFile read = FlowTraceFile.from(new CaptureFileHeader(2, T, Map.of("failure", "boom"))).orElseThrow();

        assertThat(read).isEqualTo(new FlowTraceFile("", "boom", "", Map.of(), Map.of()));
    }

    @Test
    void a_dropped_count_that_is_not_a_whole_number_is_refused_naming_the_annotation() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), "{\"format\":\"sitkit-capture\",\"version\":2,"
                + "\"annotations\":{\"failure\":\"boom\",\"dropped.kafka:orders\":\"many\"}}\n");

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThatThrownBy(() -> FlowTraceFile.from(reader.header())).isInstanceOf(CaptureFileException.class)
                    .hasMessage("flow-trace annotation 'dropped.kafka:orders' is not a count: \"many\"");
        }
    }

    @Test
    void a_dropped_count_must_be_above_zero() {
        FlowTraceFile trace = FlowTraceFile.of(TEST_ID, new AssertionError("x"));

        assertThatThrownBy(() -> trace.withDropped("kafka:orders", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a flow trace's dropped count must name its capture and be above 0, was kafka:orders = 0");
    }

    @Test
    void class_and_method_names_become_safe_file_names() {
        assertThat(FlowTraceFile.pathFor(dir, "shop.CheckoutIT$Nested", "pays[1] total"))
                .isEqualTo(dir.resolve("shop.CheckoutIT_Nested").resolve("pays_1__total.jsonl"));
    }
}
