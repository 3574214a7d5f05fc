package io.sitkit.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.schema.avro.AvroSchemas;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaFieldsTest {
    @Test
    void avro_fields_flatten_to_the_paths_and_types_of_their_json_view() {
        Map<String, SchemaField> f = SchemaFields.avro(AvroSchemas.load(Path.of("src/test/resources/avro"))
                .get("io.sitkit.samples.orders.OrderPlaced"));

        assertThat(f.get("$.total.amount")).isEqualTo(new SchemaField("$.total.amount", FieldType.NUMBER, false, "decimal(12,2)", false));
        assertThat(f.get("$.lines[*].quantity").type()).isEqualTo(FieldType.INTEGER);
        assertThat(f.get("$.placedAt")).extracting(SchemaField::type, SchemaField::declared)
                .containsExactly(FieldType.STRING, "long timestamp-millis");
        assertThat(f.get("$.couponCode")).extracting(SchemaField::optional, SchemaField::declared).containsExactly(true, "string");
        assertThat(f.get("$.attributes.*").type()).isEqualTo(FieldType.STRING);
        assertThat(f.get("$.status").declared()).isEqualTo("enum OrderStatus");
        assertThat(f.get("$.lines[*].unitPrice").name()).isEqualTo("unitPrice");
        assertThat(f.get("$.lines[*].unitPrice").parent()).isEqualTo("$.lines[*]");
    }

    @Test
    void json_schema_fields_follow_refs_nullable_types_combiners_and_stop_at_recursion() throws Exception {
        var schema = new ObjectMapper().readTree("""
                {"type":"object","additionalProperties":false,"required":["id"],
                 "properties":{
                   "id":{"type":"string","format":"uuid"},
                   "parent":{"$ref":"#/$defs/node"},
                   "note":{"type":["string","null"]},
                   "amount":{"oneOf":[{"type":"number"},{"type":"null"}]},
                   "kind":{"enum":["A","B"]},
                   "tags":{"type":"array","items":{"type":"string"}}},
                 "$defs":{"node":{"type":"object","properties":{"id":{"type":"string"},"parent":{"$ref":"#/$defs/node"}}}}}""");

        Map<String, SchemaField> f = SchemaFields.jsonSchema(schema);

        assertThat(f.get("$").closed()).isTrue();
        assertThat(f.get("$.id")).isEqualTo(new SchemaField("$.id", FieldType.STRING, false, "string uuid", false));
        assertThat(f.get("$.parent.id").type()).isEqualTo(FieldType.STRING);
        assertThat(f.get("$.parent.parent").declared()).isEqualTo("$ref #/$defs/node");
        assertThat(f.get("$.note")).extracting(SchemaField::type, SchemaField::optional).containsExactly(FieldType.STRING, true);
        assertThat(f.get("$.amount")).extracting(SchemaField::type, SchemaField::optional).containsExactly(FieldType.NUMBER, true);
        assertThat(f.get("$.kind").type()).isEqualTo(FieldType.STRING);
        assertThat(f.get("$.tags[*]").type()).isEqualTo(FieldType.STRING);
    }

    @Test
    void paths_normalise_indexes_and_quoted_names() {
        assertThat(SchemaFields.normalize("$.lines[0]['sku']")).isEqualTo("$.lines[*].sku");
        assertThat(SchemaFields.parentOf("$.lines[*]")).isEqualTo("$.lines");
        assertThat(SchemaFields.parentOf("$.total")).isEqualTo("$");
    }
}
