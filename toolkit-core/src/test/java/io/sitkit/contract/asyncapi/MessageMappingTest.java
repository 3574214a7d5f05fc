package io.sitkit.contract.asyncapi;

import io.sitkit.contract.Contract;
import io.sitkit.contract.ContractSchema;
import io.sitkit.contract.ContractSchema.Encoding;
import io.sitkit.contract.RequiredHeader;
import io.sitkit.schema.SchemaException;
import io.sitkit.schema.SchemaFormat;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.sitkit.contract.asyncapi.Fixtures.contract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How message objects become payload and key schemas, content types, headers and examples. */
class MessageMappingTest {
    @TempDir
    Path dir;

    /** A 3.0 document with the Kafka channel "orders" holding the message "placed" given in YAML. */
    private AsyncApiImport v3Message(String messageYaml) {
        return AsyncApi.parse("""
                asyncapi: 3.0.0
                info: {title: Messages, version: 1.0.0}
                channels:
                  orders:
                    address: orders
                    bindings: {kafka: {}}
                    messages:
                      placed:
                %s
                """.formatted(messageYaml.indent(8).stripTrailing()), dir);
    }

    @Test
    void anInlineAvroSchemaWrittenInYamlIsAvro() {
        AsyncApiImport result = v3Message("""
                payload:
                  schemaFormat: application/vnd.apache.avro+yaml;version=1.9.0
                  schema:
                    type: record
                    name: Placed
                    fields:
                      - {name: id, type: string}
                      - {name: total, type: long}""");
        ContractSchema payload = contract(result, "orders.placed").payload().orElseThrow();

        Schema avro = new Schema.Parser().parse(payload.text());

        assertThat(payload.format()).isEqualTo(SchemaFormat.AVRO);
        assertThat(payload.encoding()).isEqualTo(Encoding.PLAIN);
        assertThat(payload.source()).isEqualTo("inline AsyncAPI document#/channels/orders/messages/placed/payload/schema");
        assertThat(avro.getFields()).extracting(Schema.Field::name).containsExactly("id", "total");
    }

    @Test
    void aMultiFormatJsonSchemaIsJsonSchema() {
        AsyncApiImport result = v3Message("""
                payload:
                  schemaFormat: application/schema+json;version=draft-07
                  schema: {type: object, required: [id]}""");

        assertThat(contract(result, "orders.placed").payload()).map(ContractSchema::format)
                .contains(SchemaFormat.JSON_SCHEMA);
    }

    @Test
    void aSchemaFormatSitkitDoesNotReadLeavesTheContractWithoutPayloadSchema() {
        AsyncApiImport result = v3Message("""
                contentType: application/x-protobuf
                payload:
                  schemaFormat: application/vnd.google.protobuf;version=3
                  schema: 'message Placed { string id = 1; }'""");

        assertThat(contract(result, "orders.placed").payload()).isEmpty();
        assertThat(contract(result, "orders.placed").contentType()).isEqualTo("application/x-protobuf");
        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/channels/orders/messages/placed/payload: payload schema skipped: "
                        + "schema format 'application/vnd.google.protobuf;version=3' is neither JSON Schema nor Avro");
    }

    @Test
    void anAvroSchemaTheParserRejectsIsSkippedWithItsReason() {
        AsyncApiImport result = v3Message("""
                payload:
                  schemaFormat: application/vnd.apache.avro;version=1.9.0
                  schema: {type: record, name: Placed, fields: [{name: total, type: money}]}""");

        assertThat(contract(result, "orders.placed").payload()).isEmpty();
        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/channels/orders/messages/placed/payload/schema: payload schema skipped: "
                        + "not a valid Avro schema: Undefined schema: money");
    }

    @Test
    void anInvalidAvroSchemaInAFileNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("placed.avsc"), "{\"type\": \"record\", \"name\": \"Placed\"}");
        AsyncApiImport result = v3Message("""
                payload:
                  schemaFormat: application/vnd.apache.avro;version=1.9.0
                  schema: {$ref: 'placed.avsc'}""");

        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/channels/orders/messages/placed/payload/schema: payload schema skipped: "
                        + "not a valid Avro schema (placed.avsc): Record has no fields: {\"type\":\"record\",\"name\":\"Placed\"}");
    }

    @Test
    void confluentFramingIsReadForAvroOnly() {
        AsyncApiImport result = v3Message("""
                payload: {type: object}
                bindings:
                  kafka: {schemaIdLocation: payload}""");

        assertThat(contract(result, "orders.placed").payload()).map(ContractSchema::encoding).contains(Encoding.PLAIN);
        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/channels/orders/messages/placed/bindings/kafka/schemaIdLocation: "
                        + "schemaIdLocation 'payload' ignored: sitkit reads the Confluent frame for Avro only; "
                        + "the JSON Schema payload is read as plain JSON");
    }

    @Test
    void anAvroKeyInAnAvscFileIsAvroAndFramedLikeThePayload() throws IOException {
        Files.writeString(dir.resolve("order-key.avsc"),
                "{\"type\": \"record\", \"name\": \"OrderKey\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}");
        AsyncApiImport result = v3Message("""
                payload:
                  schemaFormat: application/vnd.apache.avro;version=1.9.0
                  schema: {type: record, name: Placed, fields: [{name: id, type: string}]}
                bindings:
                  kafka:
                    key: {$ref: 'order-key.avsc'}
                    schemaIdLocation: payload""");
        ContractSchema key = contract(result, "orders.placed").key().orElseThrow();

        assertThat(new Schema.Parser().parse(key.text()).getName()).isEqualTo("OrderKey");
        assertThat(key.format()).isEqualTo(SchemaFormat.AVRO);
        assertThat(key.encoding()).isEqualTo(Encoding.CONFLUENT);
        assertThat(key.source()).isEqualTo("order-key.avsc");
    }

    @Test
    void inAsyncApi3TheMessagesOwnMemberWinsOverItsTraits() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 3.0.0
                info: {title: Traits, version: 1.0.0}
                channels:
                  orders:
                    address: orders
                    bindings: {kafka: {}}
                    messages:
                      placed:
                        contentType: application/cloudevents+json
                        traits: [{$ref: '#/components/messageTraits/Common'}]
                components:
                  messageTraits:
                    Common:
                      contentType: application/json
                      headers: {type: object, required: [source]}
                """, dir);

        assertThat(contract(result, "orders.placed").contentType()).isEqualTo("application/cloudevents+json");
        assertThat(contract(result, "orders.placed").headers()).containsExactly(RequiredHeader.present("source"));
    }

    @Test
    void inAsyncApi2ATraitReplacesTheMessagesMember() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 2.6.0
                info: {title: Traits, version: 1.0.0}
                channels:
                  orders:
                    bindings: {kafka: {}}
                    subscribe:
                      message:
                        contentType: application/cloudevents+json
                        traits: [{contentType: application/json}]
                """, dir);

        assertThat(contract(result, "orders.subscribe").contentType()).isEqualTo("application/json");
    }

    @Test
    void anUnanchoredHeaderPatternStillMatchesAnywhereInTheValue() {
        AsyncApiImport result = v3Message("""
                headers:
                  type: object
                  required: [eventType]
                  properties:
                    eventType: {type: string, pattern: 'inventory\\.'}""");
        Pattern pattern = contract(result, "orders.placed").headers().get(0).pattern().orElseThrow();

        assertThat(pattern.pattern()).isEqualTo("(?s).*(?:inventory\\.).*");
        assertThat(pattern.matcher("shop.inventory.changed").matches()).isTrue();
        assertThat(pattern.matcher("shop.orders.placed").matches()).isFalse();
    }

    @Test
    void anInvalidHeaderPatternFailsNamingTheHeader() {
        assertThatThrownBy(() -> v3Message("""
                headers:
                  type: object
                  required: [eventType]
                  properties:
                    eventType: {type: string, pattern: '^(inventory$'}"""))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document: header 'eventType' in the headers schema at "
                        + "#/channels/orders/messages/placed/headers has a pattern that is not a valid regular "
                        + "expression: '^(inventory$' (Unclosed group)");
    }

    @Test
    void examplesWithoutPayloadAreLeftOut() {
        AsyncApiImport result = v3Message("""
                payload: {type: object}
                examples:
                  - headers: {eventType: placed}
                  - payload: {id: o-1}
                  - payload: plain text""");

        assertThat(contract(result, "orders.placed").examples()).containsExactly("{\"id\":\"o-1\"}", "\"plain text\"");
    }

    @Test
    void aMessageGivenToBothOperationsOfA2xChannelGetsOneContractAndTwoPoints() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 2.6.0
                info: {title: Both ways, version: 1.0.0}
                channels:
                  chat:
                    bindings: {kafka: {}}
                    subscribe: {operationId: say, message: {$ref: '#/components/messages/Line'}}
                    publish: {operationId: hear, message: {$ref: '#/components/messages/Line'}}
                components:
                  messages:
                    Line: {payload: {type: string}}
                """, dir);

        assertThat(result.contracts()).extracting(Contract::name).containsExactly("chat.Line");
        assertThat(result.inventory().points()).extracting(IntegrationPoint::describe).containsExactly(
                "SEND Line to kafka:chat (say, JSON_SCHEMA)", "RECEIVE Line from kafka:chat (hear, JSON_SCHEMA)");
    }

    @Test
    void inline2xMessagesWithoutNameAreNamedByTheirOperation() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 2.6.0
                info: {title: Anonymous, version: 1.0.0}
                channels:
                  orders:
                    bindings: {kafka: {}}
                    subscribe: {message: {payload: {type: object}}}
                    publish:
                      message:
                        oneOf:
                          - {payload: {type: string}}
                          - {name: cancelled, payload: {type: object}}
                """, dir);

        assertThat(result.contracts()).extracting(Contract::name)
                .containsExactly("orders.subscribe", "orders.publish-1", "orders.cancelled");
        assertThat(result.inventory().points()).extracting(IntegrationPoint::operationId).containsOnly("");
    }

    @Test
    void contractNamesStayUniqueWhenChannelAndMessageNamesRunTogether() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 2.6.0
                info: {title: Names, version: 1.0.0}
                channels:
                  a.b:
                    bindings: {kafka: {}}
                    subscribe: {message: {messageId: c, payload: {}}}
                  a:
                    bindings: {kafka: {}}
                    subscribe: {message: {messageId: b.c, payload: {}}}
                """, dir);

        assertThat(result.contracts()).extracting(Contract::name).containsExactly("a.b.c", "a.b.c-2");
        assertThat(result.inventory().points()).extracting(IntegrationPoint::contract)
                .containsExactly("a.b.c", "a.b.c-2");
    }

    @Test
    void aMessageWithoutPayloadHasNoSchemaAndNoFormatInTheInventory() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 3.0.0
                info: {title: Ping, version: 1.0.0}
                channels:
                  pings: {address: pings, bindings: {kafka: {}}, messages: {ping: {contentType: text/plain}}}
                operations:
                  ping: {action: send, channel: {$ref: '#/channels/pings'}}
                """, dir);

        assertThat(contract(result, "pings.ping").payload()).isEmpty();
        assertThat(result.inventory().points()).extracting(IntegrationPoint::format).containsExactly(Optional.empty());
        assertThat(result.inventory().points().get(0).describe()).isEqualTo("SEND ping to kafka:pings (ping)");
    }
}
