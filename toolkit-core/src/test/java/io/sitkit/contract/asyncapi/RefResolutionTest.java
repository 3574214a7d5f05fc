package io.sitkit.contract.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sitkit.schema.SchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.sitkit.contract.asyncapi.Fixtures.contract;
import static io.sitkit.contract.asyncapi.Fixtures.json;
import static io.sitkit.contract.asyncapi.Fixtures.payloadOf;
import static io.sitkit.contract.asyncapi.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefResolutionTest {
    @TempDir
    Path dir;

    /** A 3.0 document with one Kafka channel "orders" whose message "placed" has the given payload. */
    private static String documentWithPayload(String payloadYaml) {
        return """
                asyncapi: 3.0.0
                info: {title: Refs, version: 1.0.0}
                channels:
                  orders:
                    address: orders
                    bindings: {kafka: {topic: orders}}
                    messages:
                      placed:
                        payload:
                %s
                """.formatted(payloadYaml.indent(10).stripTrailing());
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void jsonPointerEscapesAndPercentEncodingInFragmentsAreUndone() throws IOException {
        write("defs.json", """
                {"$defs": {"money/eur": {"type": "integer"}, "rate~x": {"type": "number"},
                           "with space": {"type": "boolean"}}}""");
        Path main = write("api.yaml", documentWithPayload("""
                type: object
                properties:
                  total: {$ref: 'defs.json#/$defs/money~1eur'}
                  rate: {$ref: 'defs.json#/$defs/rate~0x'}
                  gift: {$ref: 'defs.json#/$defs/with%20space'}"""));

        AsyncApiImport result = AsyncApi.read(main);

        assertThat(payloadOf(contract(result, "orders.placed"))).isEqualTo(json("""
                {'type':'object','properties':{'total':{'type':'integer'},'rate':{'type':'number'},
                 'gift':{'type':'boolean'}}}"""));
    }

    @Test
    void fileReferencesAreRelativeToTheFileThatRefers() throws IOException {
        write("schemas/order.json", """
                {"type": "object", "properties": {
                   "shipTo": {"$ref": "common/address.json"},
                   "id": {"$ref": "../shared/ids.yaml#/components/schemas/OrderId"}}}""");
        write("schemas/common/address.json", """
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://shop.example/address",
                 "type": "object", "properties": {"city": {"$ref": "#/$defs/city"}},
                 "$defs": {"city": {"type": "string", "minLength": 1}}}""");
        write("shared/ids.yaml", """
                components:
                  schemas:
                    OrderId:
                      type: string
                      pattern: '^o-[0-9]+$'
                """);
        Path main = write("api.yaml", documentWithPayload("$ref: './schemas/order.json'"));

        JsonNode payload = payloadOf(contract(AsyncApi.read(main), "orders.placed"));

        assertThat(payload.at("/properties/shipTo/properties/city"))
                .isEqualTo(json("{'type':'string','minLength':1}"));
        assertThat(payload.at("/properties/id")).isEqualTo(json("{'type':'string','pattern':'^o-[0-9]+$'}"));
        assertThat(payload.at("/properties/shipTo").has("$id")).as("inlined $id removed").isFalse();
        assertThat(payload.at("/properties/shipTo").has("$schema")).as("inlined $schema removed").isFalse();
        assertThat(contract(AsyncApi.read(main), "orders.placed").payload().orElseThrow().source())
                .isEqualTo("schemas/order.json");
    }

    @Test
    void aFileMayReferBackIntoTheMainDocument() throws IOException {
        write("schemas/order.json", """
                {"type": "object", "properties": {"status": {"$ref": "../api.yaml#/components/schemas/Status"}}}""");
        Path main = write("api.yaml", documentWithPayload("$ref: 'schemas/order.json'") + """
                components:
                  schemas:
                    Status: {type: string, enum: [OPEN, PAID]}
                """);

        JsonNode payload = payloadOf(contract(AsyncApi.read(main), "orders.placed"));

        assertThat(payload.at("/properties/status")).isEqualTo(json("{'type':'string','enum':['OPEN','PAID']}"));
    }

    @Test
    void inlineTextResolvesFilesFromTheGivenBaseDirectory() throws IOException {
        write("schemas/order.json", "{\"type\": \"object\"}");
        String text = documentWithPayload("$ref: 'schemas/order.json'");

        AsyncApiImport parsed = AsyncApi.parse(text, dir);
        AsyncApiImport streamed = AsyncApi.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), dir);

        assertThat(payloadOf(contract(parsed, "orders.placed"))).isEqualTo(json("{'type':'object'}"));
        assertThat(payloadOf(contract(streamed, "orders.placed"))).isEqualTo(json("{'type':'object'}"));
        assertThat(contract(parsed, "orders.placed").source())
                .isEqualTo("inline AsyncAPI document#/channels/orders/messages/placed");
    }

    @Test
    void aMissingTargetInTheDocumentNamesTheDocumentTheReferringPointerAndTheTarget() {
        assertThatThrownBy(() -> AsyncApi.read(resource("bad/missing-ref.yaml")))
                .isInstanceOf(SchemaException.class)
                .hasMessage("missing-ref.yaml: unresolved $ref '#/components/schemas/Customer' at "
                        + "#/components/messages/OrderPlaced/payload/properties/customer: there is no "
                        + "/components/schemas/Customer in missing-ref.yaml; "
                        + "did you mean '#/components/schemas/Costumer'?");
    }

    @Test
    void aMissingFileIsNamedAsSeenFromTheMainDocument() throws IOException {
        write("schemas/order.json", """
                {"type": "object", "properties": {"shipTo": {"$ref": "common/adress.json"}}}""");
        Path main = write("api.yaml", documentWithPayload("$ref: 'schemas/order.json'"));

        assertThatThrownBy(() -> AsyncApi.read(main))
                .isInstanceOf(SchemaException.class)
                .hasMessage("schemas/order.json: unresolved $ref 'common/adress.json' at #/properties/shipTo: "
                        + "the file schemas/common/adress.json does not exist");
    }

    @Test
    void aMissingTargetInAReferencedFileNamesThatFile() throws IOException {
        write("shared/ids.yaml", "components: {schemas: {OrderId: {type: string}}}\n");
        Path main = write("api.yaml", documentWithPayload("$ref: 'shared/ids.yaml#/components/schemas/CustomerId'"));

        assertThatThrownBy(() -> AsyncApi.read(main))
                .isInstanceOf(SchemaException.class)
                .hasMessage("api.yaml: unresolved $ref 'shared/ids.yaml#/components/schemas/CustomerId' at "
                        + "#/channels/orders/messages/placed/payload: there is no /components/schemas/CustomerId "
                        + "in shared/ids.yaml");
    }

    @Test
    void aRecursiveSchemaIsCutIntoDefsAndStillValidates() {
        AsyncApiImport catalogue = AsyncApi.read(resource("bad/cyclic-schema.yaml"));
        String text = contract(catalogue, "categories.categoryTreeChanged").payload().orElseThrow().text();
        JsonNode schema = Fixtures.tree(text);
        var validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);

        assertThat(schema.at("/properties/children/items")).isEqualTo(json("{'$ref':'#/$defs/Category'}"));
        assertThat(schema.at("/properties/parent/properties/category")).isEqualTo(json("{'$ref':'#/$defs/Category'}"));
        assertThat(schema.at("/$defs/Category/required")).isEqualTo(json("['id','name']"));
        assertThat(validator.validate(json("""
                {'id':'c-1','name':'Kitchen','children':[{'id':'c-2','name':'Mugs','children':[]}]}"""))).isEmpty();
        assertThat(validator.validate(json("""
                {'id':'c-1','name':'Kitchen','children':[{'id':'c-2','children':[{'name':'no id'}]}]}""")))
                .hasSize(2);
    }

    @Test
    void referencesThatOnlyLeadToEachOtherFailWithTheChain() {
        String text = documentWithPayload("$ref: '#/components/schemas/A'") + """
                components:
                  schemas:
                    A: {$ref: '#/components/schemas/B'}
                    B: {$ref: '#/components/schemas/A'}
                """;

        assertThatThrownBy(() -> AsyncApi.parse(text, dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document: $ref cycle at #/channels/orders/messages/placed/payload: "
                        + "the references lead back to themselves without reaching a definition: "
                        + "inline AsyncAPI document#/channels/orders/messages/placed/payload -> "
                        + "inline AsyncAPI document#/components/schemas/A -> "
                        + "inline AsyncAPI document#/components/schemas/B -> "
                        + "inline AsyncAPI document#/components/schemas/A");
    }

    @Test
    void remoteReferencesAreRefusedWithTheFix() {
        String text = documentWithPayload("$ref: 'https://schemas.example.com/order.json'");

        assertThatThrownBy(() -> AsyncApi.parse(text, dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document: unresolved $ref 'https://schemas.example.com/order.json' at "
                        + "#/channels/orders/messages/placed/payload: only references within the document and to "
                        + "local files are followed; save the target next to the document and refer to it by a "
                        + "relative path");
    }

    @Test
    void aFragmentThatIsNoJsonPointerIsRefused() throws IOException {
        write("order.avsc", "{\"type\": \"record\", \"name\": \"Order\", \"fields\": []}");
        String text = documentWithPayload("$ref: 'order.avsc#Order'");

        assertThatThrownBy(() -> AsyncApi.parse(text, dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document: unresolved $ref 'order.avsc#Order' at "
                        + "#/channels/orders/messages/placed/payload: the fragment 'Order' is not a JSON pointer; "
                        + "write it as #/path/to/node");
    }

    @Test
    void anAvroSchemaCannotReferToItselfByRef() throws IOException {
        write("node.avsc", """
                {"type": "record", "name": "Node", "fields": [
                  {"name": "next", "type": ["null", {"$ref": "node.avsc"}]}]}""");
        String text = documentWithPayload("""
                schemaFormat: application/vnd.apache.avro;version=1.9.0
                schema: {$ref: 'node.avsc'}""");

        assertThatThrownBy(() -> AsyncApi.parse(text, dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("node.avsc: recursive $ref 'node.avsc' at #/fields/0/type/1: an Avro schema refers to "
                        + "itself by its type name, not by $ref");
    }
}
