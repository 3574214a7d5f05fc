package io.sitkit.contract;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.schema.PayloadDecoder;
import io.sitkit.schema.SchemaFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerCheckTest {
    static final Contract LOGINS = Contracts.loadOne(ContractsTest.DIR.resolve("user-logged-in.yaml"));
    static final Contract ORDERS = Contracts.loadOne(ContractsTest.DIR.resolve("orders-placed.yaml"));

    static ContractSchema json(String file) throws IOException {
        Path p = ContractsTest.DIR.resolve("schemas").resolve(file);
        return new ContractSchema(SchemaFormat.JSON_SCHEMA, Files.readString(p), p.toString(), ContractSchema.Encoding.PLAIN);
    }

    static Message login(long offset, String json) {
        return new Message(Destination.kafka("auth-events"), null, Headers.empty(), json.getBytes(), BodyType.BYTES,
                Instant.parse("2026-11-25T07:00:00Z"), Instant.parse("2026-11-25T07:00:01Z"), new KafkaMetadata(0, offset, "CreateTime", 0));
    }

    @Test
    void a_new_field_breaks_the_consumer_whose_schema_forbids_unknown_fields_and_no_one_else() throws IOException {
        List<Breakage> broken = ConsumerCheck.schema(LOGINS, json("user-logged-in-v2-new-field.schema.json"), "producer v2");

        assertThat(broken).extracting(Breakage::message).containsExactly(
                "producer v2 adds `$.mfaMethod`; consumer `billing` forbids unknown fields at `$` (additionalProperties: false)"
                        + " — breaks billing");
        assertThat(broken.get(0).consumer()).isEqualTo("billing");
    }

    @Test
    void a_rename_and_a_type_change_are_named_for_each_consumer_that_reads_the_field() throws IOException {
        List<Breakage> broken = ConsumerCheck.schema(LOGINS, json("user-logged-in-v2-renamed.schema.json"), "producer v2");

        assertThat(broken).extracting(Breakage::message).containsExactly(
                "producer v2 renamed `plan` → `tier`; consumer `billing` reads `$.plan` — breaks billing",
                "producer v2 adds `$.tier`; consumer `billing` forbids unknown fields at `$` (additionalProperties: false)"
                        + " — breaks billing",
                "producer v2 changed `$.loggedInAt` from string date-time to integer; consumer `analytics` reads it as string"
                        + " — breaks analytics");
    }

    @Test
    void the_current_schema_breaks_nobody() throws IOException {
        assertThat(ConsumerCheck.schema(LOGINS, json("user-logged-in-v1.schema.json"), "producer v1")).isEmpty();
    }

    @Test
    void an_avro_producer_schema_is_checked_by_the_same_paths() {
        ContractSchema current = ORDERS.payload().orElseThrow();
        String renamed = current.text().replace("\"total\"", "\"grandTotal\"");

        List<Breakage> broken = ConsumerCheck.schema(ORDERS, new ContractSchema(SchemaFormat.AVRO, renamed, "v2",
                ContractSchema.Encoding.CONFLUENT), "producer v2");

        assertThat(broken).extracting(Breakage::message).containsExactly(
                "producer v2 renamed `total` → `grandTotal`; consumer `billing` reads `$.total.amount` — breaks billing",
                "producer v2 renamed `total` → `grandTotal`; consumer `billing` reads `$.total.currency` — breaks billing");
    }

    @Test
    void a_removed_field_without_a_likely_successor_is_called_removed() throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var schema = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(ORDERS.payload().orElseThrow().text());
        var fields = (com.fasterxml.jackson.databind.node.ArrayNode) schema.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals("shipTo")) {
                fields.remove(i);
            }
        }

        List<Breakage> broken = ConsumerCheck.schema(ORDERS, new ContractSchema(SchemaFormat.AVRO, schema.toString(), "v3",
                ContractSchema.Encoding.CONFLUENT), "producer v3");

        assertThat(broken).extracting(Breakage::message).containsExactly(
                "producer v3 removed `$.shipTo`; consumer `shipping` reads `$.shipTo.city` — breaks shipping");
    }

    @Test
    void captured_messages_are_checked_against_what_each_consumer_reads() {
        PayloadDecoder json = PayloadDecoder.json();

        assertThat(ConsumerCheck.message(LOGINS, login(1, "{\"userId\":\"u-1\",\"plan\":\"PRO\",\"loggedInAt\":\"2026-11-25T07:00:00Z\"}"), json))
                .isEmpty();
        assertThat(ConsumerCheck.message(LOGINS, login(2, "{\"userId\":\"u-1\",\"tier\":\"PRO\",\"loggedInAt\":1764054000000}"), json))
                .extracting(Breakage::message).containsExactly(
                        "message kafka:auth-events[0]@2 has no `$.plan`; consumer `billing` reads it — breaks billing",
                        "message kafka:auth-events[0]@2 carries `$.tier`, unknown to consumer `billing`, whose schema forbids"
                                + " unknown fields at `$` (additionalProperties: false) — breaks billing",
                        "message kafka:auth-events[0]@2 has `$.loggedInAt` as integer 1764054000000; consumer `analytics`"
                                + " reads it as string — breaks analytics");
        assertThat(ConsumerCheck.message(LOGINS, login(3, "{\"user_id\":\"u-1\",\"plan\":\"PRO\",\"loggedInAt\":\"x\"}"), json))
                .extracting(Breakage::message).contains(
                        "message kafka:auth-events[0]@3 has no `$.userId` (the message has `user_id` (camelCase vs snake_case));"
                                + " consumer `billing` reads it — breaks billing");
        assertThat(ConsumerCheck.message(LOGINS, login(4, "{oops"), json)).extracting(Breakage::message).first().asString()
                .startsWith("message kafka:auth-events[0]@4 cannot be decoded (cannot decode JSON payload at kafka:auth-events[0]@4:"
                        + " invalid JSON at line 1, column 2: Unexpected character");
    }
}
