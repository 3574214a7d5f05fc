package io.sitkit.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.config.Secrets;
import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaptureFileRoundTripTest {
    private static final Instant T = Instant.parse("2026-01-01T10:00:00.123456789Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Message kafka(long offset, byte[] key, byte[] payload, Headers headers) {
        return new Message(Destination.kafka("orders"), key, headers, payload, BodyType.BYTES, T.minusMillis(3),
                T.plusMillis(offset), new KafkaMetadata(2, offset, "CreateTime", 3));
    }

    /** Every shape the format has to carry: both transports, nulls, binary, empties, typed and repeated headers. */
    private static List<Message> allShapes() {
        return List.of(
                kafka(17, utf8("order-1"), utf8("{\"id\":1,\"total\":12.50}"), Headers.of(Header.of("trace", "t-1"),
                        Header.of("trace", "t-2"), Header.of("bin", new byte[] {0, (byte) 0xff}), Header.of("none", (byte[]) null))),
                new Message(Destination.kafka("orders"), new byte[] {1, 2, 3}, Headers.empty(), null, BodyType.BYTES, null, T,
                        new KafkaMetadata(0, 18, null, -1)),
                kafka(19, null, new byte[] {0, 1, 2, (byte) 0x80, '\n'}, Headers.empty()),
                kafka(20, new byte[0], new byte[0], Headers.empty()),
                new Message(Destination.jmsQueue("payments"), utf8("group-1"),
                        Headers.of(Header.typed("retries", 3), Header.typed("vip", true), Header.typed("amount", 12.5d),
                                Header.typed("name", "Zoë ✓\nnext line"), Header.typed("b", (byte) 1), Header.typed("s", (short) 2),
                                Header.typed("l", 4L), Header.typed("f", 1.5f)),
                        utf8("<pay id=\"1\"/>"), BodyType.TEXT, T, T.plusSeconds(1), new JmsMetadata("ID:1", "corr-1",
                        Destination.jmsTopic("replies"), "PaymentRequested", 7, true, T.plusSeconds(60), true, null)),
                new Message(Destination.jmsTopic("events"), null, Headers.empty(), null, BodyType.NONE, null, T,
                        new JmsMetadata(null, null, null, null, 4, false, null, false, null)),
                new Message(Destination.jmsQueue("objects"), null, Headers.empty(), new byte[] {(byte) 0xac, (byte) 0xed, 0, 5},
                        BodyType.OBJECT, T, T, new JmsMetadata("ID:2", null, Destination.jmsQueue("back"), null, 0, true, null,
                        false, "com.acme.Order")));
    }

    private static List<CaptureFileReader.Entry> readAll(Path file) {
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            List<CaptureFileReader.Entry> entries = new ArrayList<>();
            reader.forEach(entries::add);
            return entries;
        }
    }

    @Test
    void everyMessageReadsBackEqualToTheOneWritten() {
        Path file = dir.resolve("all.jsonl");
        List<Message> messages = allShapes();

        try (CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of("test", "RoundTrip"), Redactor.none())) {
            writer.write(messages.get(0), Map.of("orderId", "1"), Map.of("step", "placed"));
            messages.subList(1, messages.size()).forEach(writer::write);
        }
        List<CaptureFileReader.Entry> entries = readAll(file);

        assertThat(entries).extracting(CaptureFileReader.Entry::message).containsExactlyElementsOf(messages);
        assertThat(entries.get(0).correlation()).containsExactly(Map.entry("orderId", "1"));
        assertThat(entries.get(0).annotations()).containsExactly(Map.entry("step", "placed"));
        assertThat(entries.get(1).correlation()).isEmpty();
        assertThat(entries).noneMatch(CaptureFileReader.Entry::redacted);
    }

    @Test
    void instantsOfEveryPrecisionAndEraReadBackExactly() {
        Path file = dir.resolve("instants.jsonl");
        List<Message> messages = Stream.of("1970-01-01T00:00:00Z", "2026-01-01T10:00:00.100Z", "2026-06-30T23:59:59.000123Z",
                        "2400-02-29T12:00:00.000000001Z", "1969-12-31T23:59:59.999999999Z", "0001-01-01T00:00:00Z",
                        "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00.5Z")
                .map(Instant::parse)
                .map(at -> new Message(Destination.kafka("t"), null, Headers.empty(), null, BodyType.BYTES, at, at,
                        new KafkaMetadata(0, 0, null, -1)))
                .toList();

        try (CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            messages.forEach(writer::write);
        }

        assertThat(readAll(file)).extracting(CaptureFileReader.Entry::message).containsExactlyElementsOf(messages);
    }

    @Test
    void aBadInstantIsReportedNamingTheField() throws IOException {
        Path file = dir.resolve("badtime.jsonl");
        Files.writeString(file, """
                {"format":"sitkit-capture","version":1}
                {"destination":"kafka:t","bodyType":"BYTES","capturedAt":"2026-02-30T10:00:00Z","kafka":{"partition":0,"offset":0,"leaderEpoch":-1}}
                """);

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThatThrownBy(() -> reader.iterator().next())
                    .hasMessageStartingWith("capture file " + file + ", line 2: field 'capturedAt' is not an ISO-8601 instant:"
                            + " '2026-02-30T10:00:00Z': {\"destination\":\"kafka:t\"");
        }
    }

    @Test
    void theHeaderCarriesFormatVersionCreationTimeAndAnnotations() throws IOException {
        Path file = dir.resolve("header.jsonl");
        Instant before = Instant.now();

        CaptureFileWriter.open(file, Map.of("test", "OrderFlowIT.paysOrder"), Redactor.none()).close();

        assertThat(Files.readAllLines(file).get(0)).startsWith("{\"format\":\"sitkit-capture\",\"version\":2,\"createdAt\":\"")
                .endsWith("\"annotations\":{\"test\":\"OrderFlowIT.paysOrder\"}}");
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.header().version()).isEqualTo(2);
            assertThat(reader.header().createdAt()).isBetween(before, Instant.now());
            assertThat(reader.header().annotations()).containsExactly(Map.entry("test", "OrderFlowIT.paysOrder"));
            assertThat(reader.iterator().hasNext()).isFalse();
        }
    }

    @Test
    void aMessageLineCarriesReadableTextBesideTheBase64() throws IOException {
        Path file = dir.resolve("readable.jsonl");
        List<Message> messages = allShapes();

        try (CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            messages.forEach(writer::write);
        }
        List<String> lines = Files.readAllLines(file);

        assertThat(lines).hasSize(1 + messages.size());
        JsonNode kafka = JSON.readTree(lines.get(1));
        assertThat(kafka.get("destination").asText()).isEqualTo("kafka:orders");
        assertThat(kafka.get("keyText").asText()).isEqualTo("order-1");
        assertThat(kafka.get("preview").asText()).isEqualTo("{\"id\":1,\"total\":12.50}");
        assertThat(kafka.get("size").asInt()).isEqualTo(22);
        assertThat(kafka.get("headers").get(2).get("text").asText()).isEqualTo("0x00ff");
        assertThat(kafka.get("headers").get(0).has("type")).isFalse();
        assertThat(kafka.get("kafka").toString()).isEqualTo("{\"partition\":2,\"offset\":17,\"timestampType\":\"CreateTime\",\"leaderEpoch\":3}");
        assertThat(kafka.has("redacted")).isFalse();
        JsonNode binaryKey = JSON.readTree(lines.get(2));
        assertThat(binaryKey.has("keyText")).isFalse();
        assertThat(binaryKey.has("payload")).isFalse();
        JsonNode jms = JSON.readTree(lines.get(5));
        assertThat(jms.get("headers").get(0).toString()).isEqualTo("{\"name\":\"retries\",\"value\":\"Mw==\",\"text\":\"3\",\"type\":\"INT\"}");
        assertThat(jms.get("jms").get("replyTo").asText()).isEqualTo("jms:topic:replies");
        assertThat(jms.get("timestamp").asText()).isEqualTo("2026-01-01T10:00:00.123456789Z");
    }

    @Test
    void unknownFieldsAreIgnoredSoNewerWritersCanAddThem() throws IOException {
        Path file = dir.resolve("newer.jsonl");
        Files.writeString(file, """
                {"format":"sitkit-capture","version":1,"createdAt":"2026-01-01T10:00:00Z","annotations":{},"writer":{"v":"9.9"}}
                {"destination":"kafka:orders","payload":"aGk=","bodyType":"BYTES","capturedAt":"2026-01-01T10:00:00Z","kafka":{"partition":0,"offset":5,"leaderEpoch":-1,"isr":[1,2]},"schema":{"id":42},"tags":["x"]}
                """);

        List<CaptureFileReader.Entry> entries = readAll(file);

        assertThat(entries).extracting(CaptureFileReader.Entry::message).containsExactly(new Message(Destination.kafka("orders"),
                null, Headers.empty(), utf8("hi"), BodyType.BYTES, null, Instant.parse("2026-01-01T10:00:00Z"),
                new KafkaMetadata(0, 5, null, -1)));
    }

    @Test
    void aNewerFormatVersionIsRejectedNamingFileAndLine() throws IOException {
        Path file = dir.resolve("v3.jsonl");
        Files.writeString(file, "{\"format\":\"sitkit-capture\",\"version\":3,\"createdAt\":\"2030-01-01T00:00:00Z\"}\n");

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .isInstanceOf(CaptureFileException.class)
                .hasMessage("capture file " + file + ", line 1: format version 3 is newer than this sitkit reads (up to 2);"
                        + " upgrade sitkit to read this file");
    }

    @Test
    void aFileThatIsNotACaptureFileIsRejected() throws IOException {
        Path file = dir.resolve("other.jsonl");
        Files.writeString(file, "{\"format\":\"otel-spans\",\"version\":1}\n");
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .hasMessage("capture file " + file + ", line 1: not a sitkit capture file (format 'otel-spans', expected"
                        + " 'sitkit-capture'): {\"format\":\"otel-spans\",\"version\":1}");
        assertThatThrownBy(() -> CaptureFileReader.open(empty))
                .hasMessage("capture file " + empty + " is empty; a capture file starts with a header line"
                        + " {\"format\":\"sitkit-capture\",\"version\":2,…}");
    }

    @Test
    void aMalformedLineIsReportedWithFileLineNumberAndTheStartOfTheLine() throws IOException {
        Path file = dir.resolve("malformed.jsonl");
        Files.writeString(file, """
                {"format":"sitkit-capture","version":1}
                {"destination":"kafka:orders","bodyType":"BYTES","capturedAt":"2026-01-01T10:00:00Z","kafka":{"partition":0,"offset":1,"leaderEpoch":-1}}

                {"destination":"kafka:orders",oops}
                """);

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            Iterator<CaptureFileReader.Entry> it = reader.iterator();
            assertThat(it.next().message().kafka()).map(KafkaMetadata::offset).contains(1L);

            assertThatThrownBy(it::next)
                    .isInstanceOf(CaptureFileException.class)
                    .hasMessage("capture file " + file + ", line 4: not valid JSON at column 31: {\"destination\":\"kafka:orders\",oops}");
        }
    }

    @Test
    void aLineMissingARequiredFieldNamesTheField() throws IOException {
        Path file = dir.resolve("missing.jsonl");
        Files.writeString(file, """
                {"format":"sitkit-capture","version":1}
                {"destination":"jms:queue:q","bodyType":"TEXT","jms":{"priority":4,"persistent":true}}
                """);

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThatThrownBy(() -> reader.iterator().next())
                    .hasMessage("capture file " + file + ", line 2: field 'jms.redelivered' must be true or false, was absent:"
                            + " {\"destination\":\"jms:queue:q\",\"bodyType\":\"TEXT\",\"jms\":{\"priority\":4,\"persistent\":true}}");
        }
    }

    @Test
    void aTruncatedLastLineIsReportedAsAWriterStoppedMidWrite() throws IOException {
        Path file = dir.resolve("crashed.jsonl");
        try (CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            allShapes().subList(0, 3).forEach(writer::write);
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));
        String lastLine = Files.readAllLines(file).get(3);

        int read = 0;
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            Iterator<CaptureFileReader.Entry> it = reader.iterator();
            read += it.next() == null ? 0 : 1;
            read += it.next() == null ? 0 : 1;

            assertThatThrownBy(it::next)
                    .isInstanceOf(CaptureFileException.class)
                    .hasMessage("capture file " + file + ", line 4: the line ends before its JSON object does (truncated: was"
                            + " the writer stopped mid-write?): " + lastLine.substring(0, 120) + "…");
        }
        assertThat(read).isEqualTo(2);
        assertThat(lastLine).hasSizeGreaterThan(120);
    }

    @Test
    void theRedactorIsAppliedOnWriteAndRedactedMessagesAreFlagged() throws IOException {
        Path file = dir.resolve("redacted.jsonl");
        Redactor redactor = Redactor.builder().secretValues("hunter2").fields("ssn").build();
        Message sensitive = kafka(1, utf8("user-hunter2"), utf8("{\"ssn\":\"123-45-6789\",\"name\":\"Ann\"}"),
                Headers.of(Header.of("password", "pw")));
        Message clean = kafka(2, utf8("k"), utf8("{\"name\":\"Bob\"}"), Headers.empty());

        try (CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of("note", "login hunter2"), redactor)) {
            writer.write(sensitive, Map.of("user", "hunter2"), Map.of());
            writer.write(clean);
        }
        List<CaptureFileReader.Entry> entries = readAll(file);

        String m = Secrets.MASK;
        assertThat(entries.get(0).redacted()).isTrue();
        assertThat(entries.get(0).message().payloadText()).contains("{\"ssn\":\"" + m + "\",\"name\":\"Ann\"}");
        assertThat(entries.get(0).message().keyText()).contains("user-" + m);
        assertThat(entries.get(0).message().headers().lastAsString("password")).contains(m);
        assertThat(entries.get(0).correlation()).containsExactly(Map.entry("user", m));
        assertThat(entries.get(1).redacted()).isFalse();
        assertThat(entries.get(1).message()).isEqualTo(clean);
        String raw = Files.readString(file);
        assertThat(raw).doesNotContain("hunter2").doesNotContain("123-45-6789").contains("\"redacted\":true")
                .contains("\"note\":\"login " + m + "\"");
    }

    @Test
    void twoHundredThousandMessagesStreamThroughOneLineAtATime() {
        Path file = dir.resolve("big.jsonl");
        int total = 200_000;
        Headers headers = Headers.of(Header.of("trace", "t"));
        Message jms = new Message(Destination.jmsQueue("q"), null, headers, utf8("<m/>"), BodyType.TEXT, T, T,
                new JmsMetadata("ID:x", null, null, null, 4, true, null, false, null));

        try (CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            for (int i = 0; i < total; i++) {
                writer.write(i % 2 == 0 ? kafka(i, utf8("k" + i), utf8("{\"n\":" + i + "}"), headers) : jms);
            }
            assertThat(writer.written()).isEqualTo(total);
        }
        long kafkaCount = 0;
        long jmsCount = 0;
        long lastOffset = -1;
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            for (CaptureFileReader.Entry e : reader) {
                if (e.message().destination().isKafka()) {
                    kafkaCount++;
                    lastOffset = e.message().kafka().orElseThrow().offset();
                } else {
                    jmsCount++;
                }
            }
        }

        assertThat(kafkaCount).isEqualTo(total / 2);
        assertThat(jmsCount).isEqualTo(total / 2);
        assertThat(lastOffset).isEqualTo(total - 2);
    }

    @Test
    void writersSharedByThreadsNeverInterleaveLines() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (CaptureFileWriter writer = CaptureFileWriter.open(bytes, Map.of(), Redactor.none())) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        writer.write(kafka(i, null, utf8("{\"i\":" + i + "}"), Headers.empty()));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        try (CaptureFileReader reader = CaptureFileReader.open(new java.io.ByteArrayInputStream(bytes.toByteArray()), "buffer");
             Stream<CaptureFileReader.Entry> entries = reader.entries()) {
            assertThat(entries.count()).isEqualTo(20_000);
        }
    }

    @Test
    void closeIsIdempotentAndWritingAfterItFailsSayingWhatToDo() {
        Path file = dir.resolve("closed.jsonl");
        CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of(), Redactor.none());

        writer.close();
        writer.close();

        assertThatThrownBy(() -> writer.write(allShapes().get(0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("capture file " + file + " is closed; open a new CaptureFileWriter to write more");
    }

    @Test
    void aReaderIteratesOnlyOnce() {
        Path file = dir.resolve("once.jsonl");
        CaptureFileWriter.open(file, Map.of(), Redactor.none()).close();

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            reader.iterator();

            assertThatThrownBy(reader::iterator)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("capture file " + file + " is already being read; a CaptureFileReader iterates once, open the"
                            + " file again to read it again");
        }
    }
}
