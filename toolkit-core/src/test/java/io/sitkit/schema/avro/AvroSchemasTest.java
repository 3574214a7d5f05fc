package io.sitkit.schema.avro;

import io.sitkit.schema.SchemaException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroSchemasTest {
    static final Path AVRO = Path.of("src/test/resources/avro");
    static final Path BAD = Path.of("src/test/resources/avro-bad");

    @Test
    void a_directory_loads_with_named_types_resolved_across_files_in_any_order() {
        AvroSchemas schemas = AvroSchemas.load(AVRO);

        Schema placed = schemas.get("io.sitkit.samples.orders.OrderPlaced");
        assertThat(placed.getField("total").schema()).isSameAs(schemas.get("io.sitkit.samples.common.Money"));
        assertThat(placed.getField("shipTo").schema().getFullName()).isEqualTo("io.sitkit.samples.common.Address");
        assertThat(schemas.named()).containsKeys("io.sitkit.samples.orders.OrderLine", "io.sitkit.samples.orders.OrderStatus",
                "io.sitkit.samples.payments.Last4", "io.sitkit.samples.patients.Insurance");
        assertThat(schemas.bySource()).hasSize(5);
    }

    @Test
    void files_can_be_named_one_by_one_and_the_using_file_may_come_first() {
        AvroSchemas schemas = AvroSchemas.load(AVRO.resolve("payments/PaymentRequested.avsc"), AVRO.resolve("common/Money.avsc"));

        assertThat(schemas.get("io.sitkit.samples.payments.PaymentRequested").getField("amount").schema().getName())
                .isEqualTo("Money");
    }

    @Test
    void classpath_resources_load_as_files_and_as_directories() {
        AvroSchemas dir = AvroSchemas.fromClasspath("avro/common", "avro/patients/PatientRegistered.avsc");

        assertThat(dir.find("io.sitkit.samples.patients.PatientRegistered")).isPresent();
        assertThat(dir.bySource()).containsKey("classpath:avro/patients/PatientRegistered.avsc");
    }

    @Test
    void a_missing_classpath_resource_is_named() {
        assertThatThrownBy(() -> AvroSchemas.fromClasspath("avro/nope.avsc"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("classpath:avro/nope.avsc: no such resource on the class path");
    }

    @Test
    void a_file_that_is_not_json_fails_with_file_line_and_column() {
        Path broken = BAD.resolve("broken/Broken.avsc");

        assertThatThrownBy(() -> AvroSchemas.load(broken))
                .isInstanceOf(SchemaException.class)
                .hasMessageStartingWith(broken + ":2:43: not valid JSON: Unexpected character ('}' (code 125))")
                .satisfies(e -> {
                    SchemaException s = (SchemaException) e;
                    assertThat(s.line()).isEqualTo(2);
                    assertThat(s.column()).isEqualTo(43);
                    assertThat(s.source()).isEqualTo(broken.toString());
                });
    }

    @Test
    void an_undefined_named_type_names_the_using_file_and_the_defined_types() {
        Path refund = BAD.resolve("dangling/Refund.avsc");

        assertThatThrownBy(() -> AvroSchemas.load(AVRO.resolve("common"), refund))
                .isInstanceOf(SchemaException.class)
                .hasMessage(refund + ": uses the named type io.sitkit.samples.common.Amount, which no loaded file defines"
                        + " (defined: io.sitkit.samples.common.Address, io.sitkit.samples.common.Money,"
                        + " io.sitkit.samples.payments.Refund)");
    }

    @Test
    void an_unknown_type_name_lists_what_is_defined() {
        AvroSchemas schemas = AvroSchemas.load(AVRO.resolve("common"));

        assertThatThrownBy(() -> schemas.get("io.sitkit.samples.common.Amount"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("loaded schemas: no named type io.sitkit.samples.common.Amount"
                        + " (defined: io.sitkit.samples.common.Address, io.sitkit.samples.common.Money)");
    }

    @Test
    void a_schema_that_is_json_but_not_avro_says_so() {
        assertThatThrownBy(() -> AvroSchemas.parseOne("inline", "{\"type\": \"record\", \"name\": \"X\"}"))
                .isInstanceOf(SchemaException.class)
                .hasMessageStartingWith("inline: not a valid Avro schema: ");
    }
}
