package io.sitkit.schema.json;

import io.sitkit.schema.SchemaException;
import io.sitkit.schema.TestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSchemasTest {
    private static final String ORDER_WITH_BAD_ADDRESS = """
            {"orderId": "6f1c1f0e-8a7b-4c3e-9d2a-1b2c3d4e5f60",
             "customer": {"customerId": "CUS-000042", "email": "ann@example.com"},
             "items": [{"sku": "SKU-000001", "qty": 1, "unitPrice": 9.99}],
             "total": 9.99, "currency": "EUR", "status": "PLACED", "placedAt": "2026-03-01T10:15:30Z",
             "shippingAddress": {"street": "Main St 1", "city": "Berlin", "postalCode": "10115", "country": "Germany"}}
            """;

    @TempDir
    Path dir;

    @Test
    void aSchemaFileFollowsARefToAnotherFileBesideIt() {
        // given a schema whose shippingAddress is a $ref to common/address.json (and an https $id)
        JsonSchemaValidator orders = JsonSchemas.fromFile(TestSchemas.file("schemas/json/order-placed-v1.json"));

        // when an order's address breaks the referenced schema
        // then the violation is found inside the referenced file's part
        assertThat(orders.validate(ORDER_WITH_BAD_ADDRESS)).containsExactly(
                new JsonViolation("$.shippingAddress.country", "pattern", "does not match the regex pattern ^[A-Z]{2}$"));
    }

    @Test
    void aClasspathResourceFollowsARefRelativeToTheResource() {
        JsonSchemaValidator orders = JsonSchemas.fromResource("/schemas/json/order-placed-v1.json");

        assertThat(orders.source()).isEqualTo("classpath:schemas/json/order-placed-v1.json");
        assertThat(orders.validate(ORDER_WITH_BAD_ADDRESS)).extracting(JsonViolation::path)
                .containsExactly("$.shippingAddress.country");
    }

    @Test
    void theDraftIsChosenBySchemaAndIs2020_12WhenAbsent() {
        assertThat(TestSchemas.json("payment-authorized-v1").draft()).isEqualTo(JsonSchemaDraft.DRAFT_7);
        assertThat(TestSchemas.json("order-placed-v1").draft()).isEqualTo(JsonSchemaDraft.DRAFT_2020_12);
        assertThat(JsonSchemas.fromString("{\"type\": \"string\"}").draft()).isEqualTo(JsonSchemaDraft.DRAFT_2020_12);
        assertThat(JsonSchemas.fromString("{\"$schema\": \"https://json-schema.org/draft-07/schema\"}").draft())
                .isEqualTo(JsonSchemaDraft.DRAFT_7);
    }

    @Test
    void draft7ReadsAnItemsArrayAsATuple() {
        JsonSchemaValidator pair = JsonSchemas.fromString("""
                {"$schema": "http://json-schema.org/draft-07/schema#",
                 "type": "array", "items": [{"type": "string"}, {"type": "integer"}]}""");

        assertThat(pair.validate("[\"sku\", \"two\"]"))
                .containsExactly(new JsonViolation("$[1]", "type", "string found, integer expected"));
    }

    @Test
    void draft2020_12ReadsPrefixItemsAsATuple() {
        JsonSchemaValidator pair = JsonSchemas.fromString("""
                {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false}""");

        assertThat(pair.validate("[\"sku\", 2, 3]"))
                .containsExactly(new JsonViolation("$", "items", "index '2' is not defined in the schema and the schema does not allow additional items"));
    }

    @Test
    void aSchemaFileThatIsNotJsonFailsWithItsLineAndColumn() throws IOException {
        // given a schema with a trailing comma on line 3
        Path file = Files.writeString(dir.resolve("broken.json"), """
                {
                  "type": "object",
                  "properties": {"id": {"type": "string"},}
                }
                """);

        // when it is loaded, then the error names the file, line and column
        assertThatThrownBy(() -> JsonSchemas.fromFile(file))
                .isInstanceOf(SchemaException.class)
                .hasMessage(file + ":3:43: not valid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name")
                .satisfies(e -> {
                    assertThat(((SchemaException) e).line()).isEqualTo(3);
                    assertThat(((SchemaException) e).column()).isEqualTo(43);
                });
    }

    @Test
    void aMisspeltTypeFailsAtLoadWithItsLineAndColumn() {
        assertThatThrownBy(() -> JsonSchemas.fromString("""
                {
                  "type": "object",
                  "properties": {
                    "qty": {"type": "integr"}
                  }
                }"""))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline:4:21: not a valid JSON Schema (draft 2020-12): at $.properties.qty.type: does not have"
                        + " a value in the enumeration [\"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\","
                        + " \"string\"]; at $.properties.qty.type: string found, array expected");
    }

    @Test
    void anUnsupportedSchemaDraftIsRefusedNamingTheOnesThatWork() {
        assertThatThrownBy(() -> JsonSchemas.fromString("{\"$schema\": \"http://json-schema.org/draft-04/schema#\"}"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline: unsupported $schema 'http://json-schema.org/draft-04/schema#'; use"
                        + " https://json-schema.org/draft/2020-12/schema or http://json-schema.org/draft-07/schema#");
    }

    @Test
    void aRefToAMissingFileNamesThatFile() throws IOException {
        Path file = Files.writeString(dir.resolve("order.json"),
                "{\"properties\": {\"address\": {\"$ref\": \"common/address.json\"}}}");

        assertThatThrownBy(() -> JsonSchemas.fromFile(file))
                .isInstanceOf(SchemaException.class)
                .hasMessage(dir.resolve("common/address.json") + ": no such file");
    }

    @Test
    void aRefToAFileThatIsNotJsonNamesThatFileLineAndColumn() throws IOException {
        Files.createDirectories(dir.resolve("common"));
        Files.writeString(dir.resolve("common/address.json"), "{\n  \"type\": \"object\"\n  \"required\": []\n}\n");
        Path file = Files.writeString(dir.resolve("order.json"),
                "{\"properties\": {\"address\": {\"$ref\": \"common/address.json\"}}}");

        assertThatThrownBy(() -> JsonSchemas.fromFile(file))
                .isInstanceOf(SchemaException.class)
                .hasMessage(dir.resolve("common/address.json") + ":3:3: not valid JSON: Unexpected character ('\"' (code 34)):"
                        + " was expecting comma to separate Object entries");
    }

    @Test
    void aReferencedFileIsCheckedAgainstTheMetaSchemaToo() throws IOException {
        Files.writeString(dir.resolve("money.json"), "{\"type\": \"numbr\"}");
        Path file = Files.writeString(dir.resolve("order.json"), "{\"properties\": {\"total\": {\"$ref\": \"money.json\"}}}");

        assertThatThrownBy(() -> JsonSchemas.fromFile(file))
                .isInstanceOf(SchemaException.class)
                .hasMessageStartingWith(dir.resolve("money.json") + ":1:10: not a valid JSON Schema (draft 2020-12): at $.type:");
    }

    @Test
    void anInlineSchemaCannotFollowARelativeRef() {
        assertThatThrownBy(() -> JsonSchemas.fromString("{\"properties\": {\"a\": {\"$ref\": \"common/address.json\"}}}"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline: $ref 'common/address.json' is relative, but an inline schema has no location;"
                        + " load the schema from a file or classpath resource");
    }

    @Test
    void aRefToTheNetworkIsRefused() {
        assertThatThrownBy(() -> JsonSchemas.fromString("{\"properties\": {\"a\": {\"$ref\": \"https://example.com/a.json\"}}}"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline: $ref 'https://example.com/a.json' points to https://example.com/a.json;"
                        + " only files and classpath resources are read, never the network");
    }

    @Test
    void aMissingFileOrResourceIsNamed() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> JsonSchemas.fromFile(missing)).isInstanceOf(SchemaException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> JsonSchemas.fromResource("schemas/json/nope.json")).isInstanceOf(SchemaException.class)
                .hasMessage("classpath:schemas/json/nope.json: no such classpath resource");
        assertThatThrownBy(() -> JsonSchemas.fromString("  ")).isInstanceOf(SchemaException.class)
                .hasMessage("inline: empty document, expected a JSON Schema");
    }

    @Test
    void theDocumentBundlesReferencedFilesUnderDefs() {
        JsonSchemaValidator orders = TestSchemas.json("order-placed-v1");

        var document = orders.document();

        assertThat(document.at("/properties/shippingAddress/$ref").asText()).isEqualTo("#/$defs/address");
        assertThat(document.at("/$defs/address/required").toString()).isEqualTo("[\"street\",\"city\",\"postalCode\",\"country\"]");
        assertThat(document.at("/$defs/address/$schema").isMissingNode()).isTrue();
        assertThat(document.at("/items/$ref").isMissingNode()).isTrue();
        assertThat(document.at("/properties/items/items/$ref").asText()).isEqualTo("#/$defs/lineItem");
    }

    @Test
    void aDraft7DocumentBundlesUnderDefinitionsAndRewritesTheReferencedFilesOwnRefs() throws IOException {
        Files.writeString(dir.resolve("money.json"), """
                {"definitions": {"amount": {"type": "number"}}, "type": "object",
                 "properties": {"value": {"$ref": "#/definitions/amount"}}}""");
        Path file = Files.writeString(dir.resolve("payment.json"), """
                {"$schema": "http://json-schema.org/draft-07/schema#",
                 "properties": {"total": {"$ref": "money.json"}, "fee": {"$ref": "money.json#/definitions/amount"}}}""");

        var document = JsonSchemas.fromFile(file).document();

        assertThat(document.at("/properties/total/$ref").asText()).isEqualTo("#/definitions/money");
        assertThat(document.at("/properties/fee/$ref").asText()).isEqualTo("#/definitions/money/definitions/amount");
        assertThat(document.at("/definitions/money/properties/value/$ref").asText())
                .isEqualTo("#/definitions/money/definitions/amount");
    }
    @Test
    void aRefToNothingInsideTheDocumentFailsAtLoad() {
        assertThatThrownBy(() -> JsonSchemas.fromString("{\"properties\": {\"total\": {\"$ref\": \"#/$defs/money\"}}}"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline: $ref '#/$defs/money' points to nothing: no /$defs/money in inline");
    }

    @Test
    void aRefToNothingInsideAReferencedFileFailsAtLoad() throws IOException {
        Files.writeString(dir.resolve("money.json"), "{\"$defs\": {\"amount\": {\"type\": \"number\"}}}");
        Path file = Files.writeString(dir.resolve("order.json"), "{\"properties\": {\"total\": {\"$ref\": \"money.json#/$defs/amnt\"}}}");

        assertThatThrownBy(() -> JsonSchemas.fromFile(file))
                .isInstanceOf(SchemaException.class)
                .hasMessage(file + ": $ref 'money.json#/$defs/amnt' points to nothing: no /$defs/amnt in " + dir.resolve("money.json"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            http://json-schema.org/draft-07/schema#,       DRAFT_7
            https://json-schema.org/draft-07/schema,       DRAFT_7
            HTTP://JSON-SCHEMA.ORG/DRAFT-07/SCHEMA#,       DRAFT_7
            https://json-schema.org/draft/2020-12/schema,  DRAFT_2020_12
            http://json-schema.org/draft/2020-12/schema#,  DRAFT_2020_12
            """)
    void aDraftIsReadFromItsUriWhateverTheSchemeCaseOrTrailingHash(String uri, JsonSchemaDraft draft) {
        assertThat(JsonSchemaDraft.fromUri(uri)).isEqualTo(draft);
        assertThat(draft.id()).startsWith("http");
    }

    @Test
    void aSchemaKeywordThatIsNotAStringIsRefused() {
        assertThatThrownBy(() -> JsonSchemas.fromString("{\"$schema\": 7}"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline: $schema must be a string, was 7");
    }
}
