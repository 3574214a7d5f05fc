package io.sitkit.stub;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.TestMessages;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.template.TemplateContext;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stub file's reply can be Avro: plain binary, or a Confluent frame under a registry id. */
class StubFileAvroTest {
    static final String SOURCE = "src/test/resources/stubs/avro.yaml";
    final Message request = TestMessages.kafka("payments", 0, "o-1", "{\"orderId\":\"o-1\"}", 0);

    static AvroCodec codec() throws IOException {
        return AvroCodec.of(new Schema.Parser().parse(Files.readString(Path.of("src/test/resources/stubs/replies/payment-result.avsc"))));
    }

    byte[] rendered(String avro) {
        StubSet set = StubFiles.parse("""
                stubs:
                  - listen: kafka:payments
                    rules:
                      - reply:
                          json: {orderId: "{{ $.orderId }}", status: APPROVED}
                          avro: %s
                """.formatted(avro), SOURCE);
        OutgoingMessage out = set.stubs().get(0).rules().get(0).replies().get(0)
                .render(TemplateContext.seeded(1).withRequest(request), Destination.kafka("out"));
        return out.payload();
    }

    @Test
    void an_avro_reply_is_the_templated_json_in_avro_binary() throws IOException {
        byte[] payload = rendered("{schema: replies/payment-result.avsc}");

        assertThat(codec().decodeToJson(payload, "reply").toString()).isEqualTo("{\"orderId\":\"o-1\",\"status\":\"APPROVED\"}");
    }

    @Test
    void with_a_schema_id_the_reply_is_a_confluent_frame() throws IOException {
        byte[] payload = rendered("{schema: replies/payment-result.avsc, schemaId: 7}");

        assertThat(payload[0]).isZero();
        assertThat(ByteBuffer.wrap(payload, 1, 4).getInt()).isEqualTo(7);
        assertThat(codec().decodeToJson(Arrays.copyOfRange(payload, 5, payload.length), "reply").toString())
                .isEqualTo("{\"orderId\":\"o-1\",\"status\":\"APPROVED\"}");
    }

    @Test
    void a_missing_or_broken_schema_and_a_bad_id_name_their_place(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.avsc"), "{\"type\": \"record\"}");
        String yaml = """
                stubs:
                  - listen: kafka:payments
                    rules:
                      - reply: {json: '{}', avro: %s}
                """;
        String source = dir.resolve("s.yaml").toString();

        assertThatThrownBy(() -> StubFiles.parse(yaml.formatted("{schemaId: 3}"), source))
                .hasMessage(source + ":4:35: stubs[0].rules[0].reply.avro: an Avro reply needs schema: the .avsc file its JSON is encoded with");
        assertThatThrownBy(() -> StubFiles.parse(yaml.formatted("{schema: none.avsc}"), source))
                .hasMessage(source + ":4:44: stubs[0].rules[0].reply.avro.schema: the schema file 'none.avsc' does not exist (looked for "
                        + dir.resolve("none.avsc") + ")");
        assertThatThrownBy(() -> StubFiles.parse(yaml.formatted("{schema: broken.avsc}"), source))
                .hasMessageStartingWith(source + ":4:44: stubs[0].rules[0].reply.avro.schema: the schema file "
                        + dir.resolve("broken.avsc") + " is not a valid Avro schema: ");
        assertThatThrownBy(() -> StubFiles.parse(yaml.formatted("{schema: broken.avsc, schemaId: -1}"), source))
                .hasMessageStartingWith(source + ":4:44: stubs[0].rules[0].reply.avro.schema: ");
        assertThatThrownBy(() -> StubFiles.parse(yaml.formatted("{schema: broken.avsc, schemaid: 1}"), source))
                .hasMessageContaining("schemaid").hasMessageContaining("schemaId");
    }
}
