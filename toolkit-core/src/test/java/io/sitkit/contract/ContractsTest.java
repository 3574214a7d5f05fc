package io.sitkit.contract;

import io.sitkit.core.Destination;
import io.sitkit.schema.FieldType;
import io.sitkit.schema.SchemaException;
import io.sitkit.schema.SchemaFormat;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractsTest {
    static final Path DIR = Path.of("src/test/resources/contracts");
    static final Path BAD = Path.of("src/test/resources/contracts-bad");

    @Test
    void a_directory_of_contract_files_loads_every_contract_with_its_schemas_resolved() {
        List<Contract> all = Contracts.load(DIR);

        assertThat(all).extracting(Contract::name).containsExactly("orders-placed", "payments-requested", "user-logged-in");
        Contract orders = all.get(0);
        assertThat(orders.destination()).isEqualTo(Destination.kafka("orders"));
        assertThat(orders.contentType()).isEqualTo("avro/binary");
        ContractSchema payload = orders.payload().orElseThrow();
        assertThat(payload.format()).isEqualTo(SchemaFormat.AVRO);
        assertThat(payload.encoding()).isEqualTo(ContractSchema.Encoding.CONFLUENT);
        Schema avro = new Schema.Parser().parse(payload.text());
        assertThat(avro.getField("total").schema().getFullName()).as("Money inlined from the include")
                .isEqualTo("io.sitkit.samples.common.Money");
        assertThat(orders.key().orElseThrow().text()).isEqualTo("{\"type\":\"string\",\"pattern\":\"^o-[0-9]+$\"}");
        assertThat(orders.headers()).extracting(RequiredHeader::name).containsExactly("traceparent", "eventType");
        assertThat(orders.headers().get(0).pattern().orElseThrow().pattern()).isEqualTo("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(orders.headers().get(1).pattern()).isEmpty();
        assertThat(orders.examples()).containsExactly("{\"orderId\":\"o-1001\",\"customerId\":\"c-42\",\"status\":\"PLACED\"}");
        assertThat(orders.consumers()).extracting(ConsumerExpectation::consumer).containsExactly("billing", "shipping");
        assertThat(orders.consumers().get(0).reads()).containsExactly(new FieldRead("$.orderId", FieldType.STRING),
                new FieldRead("$.total.amount", FieldType.NUMBER), new FieldRead("$.total.currency", FieldType.STRING));

        Contract users = all.get(2);
        assertThat(users.consumers().get(1).reads().get(0)).isEqualTo(new FieldRead("$.userId", FieldType.ANY));
        assertThat(users.consumers().get(0).schema().orElseThrow().source()).endsWith("schemas/billing-login.schema.json");
        assertThat(all.get(1).destination()).isEqualTo(Destination.jmsQueue("payments"));
    }

    @Test
    void malformed_yaml_names_the_file_line_and_column() {
        Path file = BAD.resolve("indentation.yaml");

        assertThatThrownBy(() -> Contracts.loadOne(file))
                .isInstanceOf(SchemaException.class)
                .satisfies(e -> {
                    SchemaException s = (SchemaException) e;
                    assertThat(s.line()).isEqualTo(5);
                    assertThat(s.getMessage()).startsWith(file + ":5:" + s.column() + ": not valid YAML: ");
                });
    }

    @Test
    void bad_values_name_the_file_and_the_key() {
        assertThatThrownBy(() -> Contracts.loadOne(BAD.resolve("unknown-key.yaml")))
                .hasMessage(BAD.resolve("unknown-key.yaml") + ": unknown key 'payloads'; known keys: consumers, contentType,"
                        + " description, destination, examples, headers, key, name, payload");
        assertThatThrownBy(() -> Contracts.loadOne(BAD.resolve("format.yaml")))
                .hasMessage(BAD.resolve("format.yaml") + ": payload.format: unknown schema format 'protobuf'; use avro or json-schema");
        assertThatThrownBy(() -> Contracts.loadOne(BAD.resolve("encoding.yaml")))
                .hasMessage(BAD.resolve("encoding.yaml") + ": payload.encoding 'snappy' is unknown; use plain or confluent");
        assertThatThrownBy(() -> Contracts.loadOne(BAD.resolve("no-name.yaml")))
                .hasMessage(BAD.resolve("no-name.yaml") + ": 'name' is required");
    }

    @Test
    void a_contract_given_as_text_reads_like_a_file_and_a_bad_destination_is_a_schema_exception() {
        Contract c = Contracts.parse("name: inline\ndestination: jms:topic:events\n", "inline.yaml", DIR);
        assertThat(c.destination()).isEqualTo(Destination.jmsTopic("events"));

        assertThatThrownBy(() -> Contracts.parse("name: x\ndestination: jms:events\n", "x.yaml", DIR))
                .isInstanceOf(SchemaException.class)
                .hasMessage("x.yaml: destination: 'jms:events' is not a destination address; accepted forms:"
                        + " kafka:<topic>, jms:queue:<name>, jms:topic:<name>");
    }

    @Test
    void yaml_errors_are_one_line_without_the_parsers_excerpt_or_event_dumps() {
        assertThatThrownBy(() -> Contracts.parse("name: x\nkey: {{format: json-schema}}\n", "x.yaml", DIR))
                .isInstanceOf(SchemaException.class)
                .hasMessage("x.yaml:2:8: not valid YAML: Expected a field name (Scalar value in YAML), got this instead: a mapping");
        assertThatThrownBy(() -> Contracts.parse("name: x\n  destination: y\n", "x.yaml", DIR))
                .hasMessage("x.yaml:2:14: not valid YAML: mapping values are not allowed here");
    }

    @Test
    void an_error_in_a_schema_file_names_the_contract_and_field_first_then_the_file() {
        String yaml = "name: x\ndestination: kafka:x\npayload: {format: avro, file: ../avro/orders/OrderPlaced.avsc}\n";

        assertThatThrownBy(() -> Contracts.parse(yaml, "x.yaml", DIR))
                .isInstanceOf(SchemaException.class)
                .hasMessage("x.yaml: payload: " + DIR.resolve("../avro/orders/OrderPlaced.avsc").normalize()
                        + ": uses the named type io.sitkit.samples.common.Money, which no loaded file defines (defined:"
                        + " io.sitkit.samples.orders.OrderLine, io.sitkit.samples.orders.OrderPlaced, io.sitkit.samples.orders.OrderStatus)");
    }
}
