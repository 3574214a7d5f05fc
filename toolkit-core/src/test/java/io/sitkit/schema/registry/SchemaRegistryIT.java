package io.sitkit.schema.registry;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.schema.DecodeException;
import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.AvroSchemas;
import io.sitkit.schema.avro.AvroValue;
import io.sitkit.schema.avro.RegistryAvro;
import io.sitkit.schema.avro.Samples;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry client and Confluent framing against a real Apicurio Registry (Confluent API, ccompat v7). */
class SchemaRegistryIT {
    private static final Schema ORDER = AvroSchemas.load(Path.of("src/test/resources/avro")).get("io.sitkit.samples.orders.OrderPlaced");
    private static final String MONEY_V1 = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"t\",\"fields\":["
            + "{\"name\":\"amount\",\"type\":\"double\"}]}";
    private static final String MONEY_V2_OK = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"t\",\"fields\":["
            + "{\"name\":\"amount\",\"type\":\"double\"},{\"name\":\"currency\",\"type\":\"string\",\"default\":\"EUR\"}]}";
    private static final String MONEY_V2_BAD = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"t\",\"fields\":["
            + "{\"name\":\"amount\",\"type\":\"double\"},{\"name\":\"currency\",\"type\":\"string\"}]}";
    private static LocalSchemaRegistry registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void start() {
        registry = LocalRegistry.start("client");
        System.out.println("Apicurio Registry ready in " + registry.startedIn().toMillis() + " ms at " + registry.confluentUrl());
        client = new SchemaRegistryClient(RegistrySettings.of(registry.confluentUrl()));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void a_registered_schema_is_found_by_id_subject_version_and_lookup_and_ids_are_cached() {
        int id = client.register("money-a-value", SchemaFormat.AVRO, MONEY_V1);
        SchemaRegistryClient fresh = new SchemaRegistryClient(RegistrySettings.of(registry.confluentUrl()));

        RegisteredSchema byId = fresh.schemaById(id);
        long afterFirst = fresh.requestCount();
        RegisteredSchema again = fresh.schemaById(id);

        assertThat(byId.format()).isEqualTo(SchemaFormat.AVRO);
        assertThat(new Schema.Parser().parse(byId.text())).isEqualTo(new Schema.Parser().parse(MONEY_V1));
        assertThat(again).isSameAs(byId);
        assertThat(fresh.requestCount()).isEqualTo(afterFirst);
        assertThat(fresh.subjects()).contains("money-a-value");
        assertThat(fresh.versions("money-a-value")).containsExactly(1);
        assertThat(fresh.latest("money-a-value")).extracting(RegisteredSchema::id, RegisteredSchema::version, RegisteredSchema::subject)
                .containsExactly(id, 1, "money-a-value");
        RegisteredSchema found = fresh.lookup("money-a-value", SchemaFormat.AVRO, MONEY_V1);
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.format()).as("Apicurio omits schemaType on lookup; missing means Avro").isEqualTo(SchemaFormat.AVRO);
        assertThat(client.register("money-a-value", SchemaFormat.AVRO, MONEY_V1)).isEqualTo(id);
    }

    @Test
    void compatibility_is_set_explicitly_and_checked_by_the_registry() {
        client.register("money-b-value", SchemaFormat.AVRO, MONEY_V1);
        assertThat(client.compatibility()).as("Apicurio's default, unlike Confluent's BACKWARD").isEqualTo("NONE");

        assertThat(client.setCompatibility("money-b-value", "backward")).isEqualTo("BACKWARD");
        assertThat(client.compatibility("money-b-value")).isEqualTo("BACKWARD");
        assertThat(client.checkCompatibility("money-b-value", SchemaFormat.AVRO, MONEY_V2_OK).compatible()).isTrue();
        CompatibilityVerdict bad = client.checkCompatibility("money-b-value", SchemaFormat.AVRO, MONEY_V2_BAD);
        assertThat(bad).as("Apicurio 3.0.9 gives no reasons, even with ?verbose=true").isEqualTo(new CompatibilityVerdict(false, java.util.List.of()));
        assertThat(client.checkCompatibilityWithAll("money-b-value", SchemaFormat.AVRO, MONEY_V2_BAD).compatible()).isFalse();
        assertThatThrownBy(() -> client.register("money-b-value", SchemaFormat.AVRO, MONEY_V2_BAD))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("schema registry at " + registry.confluentUrl() + " refused to register a schema under"
                        + " money-b-value: HTTP 409, error 409: ")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
        assertThat(client.register("money-b-value", SchemaFormat.AVRO, MONEY_V2_OK)).isPositive();
        assertThat(client.versions("money-b-value")).containsExactly(1, 2);
    }

    @Test
    void the_global_level_is_set_applies_to_subjects_without_their_own_and_can_be_set_to_none_twice() {
        client.register("money-d-value", SchemaFormat.AVRO, MONEY_V1);
        try {
            assertThat(client.setCompatibility("FULL")).isEqualTo("FULL");
            assertThat(client.compatibility()).isEqualTo("FULL");
            assertThat(client.compatibility("money-d-value")).as("Apicurio 3.0.9 reads NONE for a subject without its own level")
                    .isEqualTo("NONE");
            assertThat(client.checkCompatibility("money-d-value", SchemaFormat.AVRO, MONEY_V2_BAD).compatible())
                    .as("yet the global FULL is what applies").isFalse();
            assertThat(client.setCompatibility("NONE")).isEqualTo("NONE");
            assertThat(client.setCompatibility("NONE")).as("Apicurio answers 404 here; the level read back is NONE").isEqualTo("NONE");
        } finally {
            client.setCompatibility("NONE");
        }
        assertThat(client.compatibility()).isEqualTo("NONE");
    }

    @Test
    void a_deleted_subject_is_gone_with_its_versions() {
        int id = client.register("money-c-value", SchemaFormat.AVRO, MONEY_V1);
        assertThat(client.version("money-c-value", 1)).isEqualTo(new RegisteredSchema(id, "money-c-value", 1, SchemaFormat.AVRO,
                client.latest("money-c-value").text()));

        assertThat(client.deleteSubject("money-c-value")).containsExactly(1);

        assertThat(client.subjects()).doesNotContain("money-c-value");
        assertThatThrownBy(() -> client.version("money-c-value", 1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry at " + registry.confluentUrl() + " refused to read version 1 of money-c-value: HTTP 404,"
                        + " error 40401: No artifact with ID 'money-c-value' in group 'null' was found.");
    }

    @Test
    void an_unknown_id_and_an_unknown_subject_are_named() {
        assertThatThrownBy(() -> client.schemaById(987654))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry at " + registry.confluentUrl() + " refused to look up schema id 987654: HTTP 404,"
                        + " error 40403: No content with ID '987654' was found.");
        assertThatThrownBy(() -> client.versions("no-such-subject"))
                .hasMessageStartingWith("schema registry at " + registry.confluentUrl()
                        + " refused to list versions of no-such-subject: HTTP 404, error 40401: ");
    }

    @Test
    void confluent_frames_written_with_a_registered_id_decode_through_the_registry() {
        int id = client.register("orders-framing-value", SchemaFormat.AVRO, ORDER.toString());
        byte[] framed = RegistryAvro.using(client).encode(id, ORDER, AvroCodec.of(ORDER).decode(AvroCodec.of(ORDER).encodeJson(Samples.ORDER_JSON)));
        Message m = new Message(Destination.kafka("orders"), null, Headers.empty(), framed, BodyType.BYTES, Instant.now(), Instant.now(),
                new KafkaMetadata(0, 12, "CreateTime", 0));

        AvroValue v = RegistryAvro.using(new SchemaRegistryClient(RegistrySettings.of(registry.confluentUrl()))).decodePayload(m);

        assertThat(v.schemaId()).isEqualTo(id);
        assertThat(v.json().at("/total/amount").decimalValue()).isEqualByComparingTo("39.80");
        byte[] unknown = framed.clone();
        unknown[1] = 0x7f;
        assertThatThrownBy(() -> RegistryAvro.using(client).decode(unknown, "kafka:orders[0]@13"))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("cannot decode Avro value with schema id " + (0x7f000000 | id) + " at kafka:orders[0]@13: schema id "
                        + (0x7f000000 | id) + " could not be looked up: schema registry at " + registry.confluentUrl()
                        + " refused to look up schema id " + (0x7f000000 | id) + ": HTTP 404, error 40403");
    }
}
