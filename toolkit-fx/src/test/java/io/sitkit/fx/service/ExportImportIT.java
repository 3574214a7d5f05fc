package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.ProtectedEnvironmentException;
import io.sitkit.fx.SharedSandbox;
import io.sitkit.record.CaptureFileReader;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports to the capture file format, CSV and JSON, and imports of each back into a topic, on real brokers. */
@ExtendWith(SharedSandbox.class)
class ExportImportIT {
    private static final byte[] BINARY = {0, 1, 2, (byte) 0xff, 10};

    /** Three messages: JSON with a key and headers, a secret card number, and binary bytes with a binary key. */
    private static List<MessageRow> rows(Connection c, String topic) {
        c.bus().publish(OutgoingMessage.text("kafka:" + topic, "{\"orderId\":\"o-1\",\"total\":12.5}").withKey("o-1")
                .withHeader("eventType", "OrderPlaced").withHeader("source", "shop"));
        c.bus().publish(OutgoingMessage.text("kafka:" + topic, "{\"orderId\":\"o-2\",\"cardNumber\":\"4111111111111111\"}").withKey("o-2"));
        c.bus().publish(OutgoingMessage.bytes(Destination.kafka(topic), BINARY).withKey(new byte[]{7, 0, 7}));
        MessageBrowser browser = new MessageBrowser(c, PayloadDecoding.using(Optional.empty()));
        return browser.open(Destination.kafka(topic), PagePosition.beginning(), 10, DecoderChoice.AUTO).rows();
    }

    private static List<Message> page(Connection c, String topic) {
        return new MessageBrowser(c, PayloadDecoding.using(Optional.empty()))
                .open(Destination.kafka(topic), PagePosition.beginning(), 10, DecoderChoice.AUTO).rows().stream().map(MessageRow::message).toList();
    }

    @Test
    void each_format_is_written_redacted_and_reads_back_into_another_topic_unchanged(Connection c, @TempDir Path dir) throws Exception {
        List<MessageRow> rows = rows(c, "xio-source");
        MessageExport export = new MessageExport(Redactor.builder().fields("cardNumber").build(), Map.of("connection", "test sandbox"));
        MessageImport importer = new MessageImport(c);

        for (MessageExport.Format format : MessageExport.Format.values()) {
            Path file = dir.resolve("orders." + format.extension());
            Destination into = Destination.kafka("xio-into-" + format.extension());

            assertThat(export.write(rows, format, file)).isEqualTo(3);
            MessageImport.Result r = importer.send(file, into, n -> { }, () -> false);

            assertThat(r.describe()).isEqualTo("Imported 3 messages from orders." + format.extension() + " into " + into);
            List<Message> back = page(c, into.name());
            assertThat(back).extracting(m -> new String(m.key(), StandardCharsets.ISO_8859_1)).containsExactly("o-1", "o-2", "\u0007\u0000\u0007");
            assertThat(back.get(0).payloadText()).contains("{\"orderId\":\"o-1\",\"total\":12.5}");
            assertThat(back.get(0).headers().asList()).extracting(Header::name, Header::valueAsString)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("eventType", "OrderPlaced"), org.assertj.core.groups.Tuple.tuple("source", "shop"));
            assertThat(back.get(1).payloadText()).contains("{\"orderId\":\"o-2\",\"cardNumber\":\"******\"}");
            assertThat(back.get(2).payload()).containsExactly(BINARY);
            assertThat(Files.readString(file)).doesNotContain("4111111111111111");
        }
        List<String> csv = Files.readAllLines(dir.resolve("orders.csv"));
        assertThat(csv.get(0)).isEqualTo("destination,partition,offset,timestamp,key,headers,bodyType,format,payload,payloadBase64,messageId,correlationId");
        assertThat(csv.get(1)).startsWith("kafka:xio-source,0,0,").contains(",o-1,\"[{\"\"name\"\":\"\"eventType\"\",\"\"value\"\":\"\"OrderPlaced\"\"},")
                .contains(",BYTES,JSON,\"{\"\"orderId\"\":\"\"o-1\"\",\"\"total\"\":12.5}\",");
        assertThat(csv.get(3)).contains(",base64:BwAH,[],BYTES,HEX,,AAEC/wo=,,");
        String json = Files.readString(dir.resolve("orders.json"));
        assertThat(json).contains("\"payload\" : {\n    \"orderId\" : \"o-2\",\n    \"cardNumber\" : \"******\"\n  }");
        try (CaptureFileReader capture = CaptureFileReader.open(dir.resolve("orders.jsonl"))) {
            assertThat(capture.header().annotations()).containsEntry("connection", "test sandbox").containsEntry("source", "sitkit inspector export");
            assertThat(capture.entries().map(e -> e.redacted()).toList()).containsExactly(false, true, false);
        }
    }

    @Test
    void a_locked_protected_connection_refuses_an_import_before_sending_anything(Connection shared, @TempDir Path dir) {
        Path file = dir.resolve("one.jsonl");
        new MessageExport(Redactor.none(), Map.of()).write(rows(shared, "xio-protected-source"), MessageExport.Format.CAPTURE, file);
        ConnectionProfile staging = ConnectionProfile.kafka("staging", shared.environment().kafkaBootstrapServers().orElseThrow())
                .protectedAs("staging");
        try (Connection c = Connection.open(staging, dir.resolve("audit.jsonl"))) {
            assertThatThrownBy(() -> new MessageImport(c).send(file, Destination.kafka("xio-protected"), n -> { }, () -> false))
                    .isInstanceOf(ProtectedEnvironmentException.class)
                    .hasMessageStartingWith("refused to import into kafka:xio-protected: environment 'staging' is protected;");
            assertThat(c.bus().listDestinations()).noneMatch(i -> i.destination().name().equals("xio-protected"));
            assertThat(dir.resolve("audit.jsonl")).doesNotExist();
        }
    }

    @Test
    void a_bad_file_is_refused_naming_where_before_anything_is_sent(Connection c, @TempDir Path dir) throws Exception {
        MessageImport importer = new MessageImport(c);
        Destination into = Destination.kafka("xio-bad");
        Path csv = Files.writeString(dir.resolve("bad.csv"), "destination,key,payloadBase64\r\nkafka:a,k1,e30=\r\nkafka:a,k2\r\n");
        Path json = Files.writeString(dir.resolve("bad.json"), "[{\"payload\":\"ok\"},{\"payload\":1,\"headers\":[{\"value\":\"x\"}]}]");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "  \n");
        Path other = Files.writeString(dir.resolve("notes.txt"), "just some notes\nnothing else\n");
        Path capture = Files.writeString(dir.resolve("cut.jsonl"), "{\"format\":\"sitkit-capture\",\"version\":1,\"createdAt\":\"2026-01-01T00:00:00Z\","
                + "\"annotations\":{}}\n{\"destination\":\"kafka:a\",oops}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importer.send(csv, into, n -> { }, () -> false)).hasMessage("bad.csv, line 3: 2 fields where the first line names 3 columns");
        assertThatThrownBy(() -> importer.send(json, into, n -> { }, () -> false)).hasMessage("bad.json, message 2: missing field 'name'");
        assertThatThrownBy(() -> importer.check(empty, into)).hasMessage("empty.csv is empty");
        assertThatThrownBy(() -> importer.check(other, into)).hasMessage("notes.txt is neither a capture file nor a JSON array, and as CSV"
                + " its first line names no payload or payloadBase64 column: just some notes");
        assertThatThrownBy(() -> importer.check(capture, into)).hasMessageStartingWith("capture file " + capture + ", line 2: not valid JSON");
        assertThat(c.bus().listDestinations()).noneMatch(i -> i.destination().name().equals("xio-bad"));
    }
}
