package io.sitkit.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.schema.TestSchemas;
import io.sitkit.schema.json.JsonSchemaValidator;
import io.sitkit.schema.json.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleGeneratorJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<String> domainSchemas() {
        return TestSchemas.DOMAINS.stream().flatMap(d -> IntStream.rangeClosed(1, TestSchemas.VERSIONS).mapToObj(v -> d + "-v" + v));
    }

    private static void assertValidForSeeds(JsonSchemaValidator schema, int seeds) {
        for (long seed = 1; seed <= seeds; seed++) {
            JsonNode sample = SampleGenerator.seeded(seed).json(schema);
            assertThat(schema.validate(sample)).as("seed %d: %s", seed, sample).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainSchemas")
    void everySampleDomainSchemaGivesDocumentsItsValidatorAccepts(String name) {
        assertValidForSeeds(TestSchemas.json(name), 10);
    }

    @Test
    void everyConstraintIsHonouredAcrossManySeeds() {
        JsonSchemaValidator schema = JsonSchemas.fromString("""
                {"type": "object", "required": ["code", "count", "price", "tags", "kind", "level"],
                 "properties": {
                   "code": {"type": "string", "pattern": "^(EU|US)-[A-Z]{2}\\\\d{3}(-X)?$"},
                   "slug": {"type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$", "maxLength": 20},
                   "short": {"type": "string", "minLength": 12, "maxLength": 14},
                   "count": {"type": "integer", "minimum": 10, "exclusiveMaximum": 13},
                   "even": {"type": "integer", "multipleOf": 2, "minimum": 3, "maximum": 9},
                   "price": {"type": "number", "exclusiveMinimum": 0, "maximum": 0.05},
                   "step": {"type": "number", "multipleOf": 0.25, "minimum": 1, "maximum": 2},
                   "tags": {"type": "array", "items": {"enum": ["a", "b", "c"]}, "minItems": 2, "maxItems": 3, "uniqueItems": true},
                   "pair": {"type": "array", "prefixItems": [{"type": "string", "format": "date"}, {"type": "boolean"}], "items": false},
                   "kind": {"const": "order"},
                   "level": {"type": ["null", "integer"], "minimum": -5, "maximum": -1},
                   "at": {"type": "string", "format": "date-time"},
                   "clock": {"type": "string", "format": "time"},
                   "ref": {"type": "string", "format": "uuid"},
                   "site": {"type": "string", "format": "uri"},
                   "host": {"type": "string", "format": "hostname"},
                   "ip": {"type": "string", "format": "ipv4"},
                   "ip6": {"type": "string", "format": "ipv6"},
                   "wait": {"type": "string", "format": "duration"},
                   "contact": {"type": "string", "format": "email"}
                 }}""");

        assertValidForSeeds(schema, 50);
    }

    @Test
    void refsAllOfAndOneOfInsideTheDocumentAreFollowed() {
        JsonSchemaValidator schema = JsonSchemas.fromString("""
                {"$defs": {
                   "money": {"type": "object", "required": ["value", "currency"],
                             "properties": {"value": {"type": "number", "minimum": 0}, "currency": {"type": "string", "pattern": "^[A-Z]{3}$"}}},
                   "card": {"type": "object", "required": ["last4"], "properties": {"last4": {"type": "string", "pattern": "^[0-9]{4}$"}},
                            "additionalProperties": false},
                   "iban": {"type": "object", "required": ["iban"], "properties": {"iban": {"type": "string", "minLength": 15, "maxLength": 34}},
                            "additionalProperties": false}},
                 "type": "object", "required": ["total", "method", "audit"],
                 "properties": {
                   "total": {"$ref": "#/$defs/money"},
                   "method": {"oneOf": [{"$ref": "#/$defs/card"}, {"$ref": "#/$defs/iban"}]},
                   "audit": {"allOf": [{"type": "object", "required": ["by"], "properties": {"by": {"type": "string"}}},
                                       {"required": ["at"], "properties": {"at": {"type": "string", "format": "date-time"}}}]}
                 }}""");

        assertValidForSeeds(schema, 20);
    }

    @Test
    void theSameSeedGivesTheSameDocumentAndAnotherSeedAnotherOne() {
        JsonSchemaValidator orders = TestSchemas.json("order-placed-v2");

        assertThat(SampleGenerator.seeded(42).json(orders)).isEqualTo(SampleGenerator.seeded(42).json(orders));
        assertThat(SampleGenerator.seeded(42).json(orders)).isNotEqualTo(SampleGenerator.seeded(43).json(orders));
    }

    @Test
    void fieldsNamedLikeWhatTheyHoldGetRealisticValuesWhereTheSchemaLetsThem() {
        JsonNode patient = SampleGenerator.seeded(4).json(TestSchemas.json("patient-registered-v1"));

        assertThat(patient.at("/patientId").asText()).matches("PAT-\\d{8}");
        assertThat(FieldHints.FIRST_NAMES).contains(patient.at("/name/given").asText());
        assertThat(FieldHints.LAST_NAMES).contains(patient.at("/name/family").asText());
        assertThat(LocalDate.parse(patient.at("/birthDate").asText())).isBetween(LocalDate.of(1940, 1, 1), LocalDate.of(2005, 12, 31));
        assertThat(Instant.parse(patient.at("/registeredAt").asText())).isAfter(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(patient.at("/contact/email").asText()).endsWith("@example.com");
        assertThat(FieldHints.CITIES).contains(patient.at("/address/city").asText());

        JsonNode order = SampleGenerator.seeded(4).json(TestSchemas.json("order-placed-v1"));
        assertThat(UUID.fromString(order.at("/orderId").asText())).isNotNull();
        assertThat(order.at("/items/0/qty").asInt()).isBetween(1, 5);
        assertThat(order.at("/total").decimalValue()).isBetween(java.math.BigDecimal.ONE, java.math.BigDecimal.valueOf(500));
    }

    @Test
    void aRealisticValueWinsOverARandomOneWhenThePatternAllowsIt() {
        for (long seed = 1; seed <= 10; seed++) {
            JsonNode order = SampleGenerator.seeded(seed).json(TestSchemas.json("order-placed-v1"));

            // currency has pattern ^[A-Z]{3}$, country ^[A-Z]{2}$
            assertThat(FieldHints.CURRENCIES).contains(order.at("/currency").asText());
            assertThat(FieldHints.COUNTRIES).contains(order.at("/shippingAddress/country").asText());
        }
    }

    @Test
    void overridesFixValuesByPathIncludingEveryArrayElementAndWholeObjects() {
        JsonNode order = SampleGenerator.seeded(1)
                .withOverride("$.customer.email", "ann@example.com")
                .withOverride("$.items[*].qty", 2)
                .withOverride("$.shippingAddress", Map.of("street", "Main St 1", "city", "Berlin", "postalCode", "10115", "country", "DE"))
                .withOverride("$.note", null)
                .json(TestSchemas.json("order-placed-v1"));

        assertThat(order.at("/customer/email").asText()).isEqualTo("ann@example.com");
        assertThat(order.get("items")).allSatisfy(item -> assertThat(item.get("qty").asInt()).isEqualTo(2));
        assertThat(order.get("shippingAddress")).isEqualTo(MAPPER.valueToTree(
                Map.of("street", "Main St 1", "city", "Berlin", "postalCode", "10115", "country", "DE")));
        assertThat(order.get("note").isNull()).isTrue();
        assertThat(TestSchemas.json("order-placed-v1").validate(order)).isEmpty();
    }

    @Test
    void anOverrideThatMatchesNoFieldIsNamedWithTheFieldsThereAre() {
        assertThatThrownBy(() -> SampleGenerator.seeded(1).withOverride("$.customer.emial", "x")
                .json(MAPPER.readTree("{\"properties\": {\"customer\": {\"properties\": {\"email\": {\"type\": \"string\"}}},"
                        + " \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"minItems\": 1}}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("override $.customer.emial matched no field of the JSON Schema; its fields are $.customer,"
                        + " $.customer.email, $.tags, $.tags[*]");
    }

    @Test
    void aSchemaWithNoValidValueOrNoFiniteValueIsRefusedWithThePath() {
        assertThatThrownBy(() -> SampleGenerator.seeded(1).json(MAPPER.readTree("{\"properties\": {\"never\": false}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the schema at $.never is false: no value is valid there");
        assertThatThrownBy(() -> SampleGenerator.seeded(1).json(MAPPER.readTree(
                "{\"$defs\": {\"n\": {\"type\": \"object\", \"required\": [\"next\"], \"properties\": {\"next\": {\"$ref\": \"#/$defs/n\"}}}},"
                        + " \"$ref\": \"#/$defs/n\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the schema requires $.next.next.next.")
                .hasMessageEndingWith("… at every level; no finite sample exists");
    }

    @Test
    void anOptionalRecursionStopsAtADepth() {
        JsonSchemaValidator tree = JsonSchemas.fromString("""
                {"$defs": {"node": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"},
                  "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}}, "$ref": "#/$defs/node"}""");

        assertValidForSeeds(tree, 5);
    }

    @Test
    void aPatternBeyondTheSamplerFallsBackToAFixedStringThatMayStillMatch() {
        JsonNode sample = SampleGenerator.seeded(1).json(JsonSchemas.fromString(
                "{\"type\": \"object\", \"properties\": {\"code\": {\"type\": \"string\", \"pattern\": \"^(?=.*[0-9])[A-Z0-9]+$\"}}}").document());

        assertThat(sample.at("/code").asText()).isEqualTo("ABC123");
    }

    @Test
    void draft7TuplesAndDefinitionsAreHonoured() {
        JsonSchemaValidator schema = JsonSchemas.fromString("""
                {"$schema": "http://json-schema.org/draft-07/schema#",
                 "definitions": {"code": {"type": "string", "enum": ["A", "B"]}},
                 "type": "array", "items": [{"$ref": "#/definitions/code"}, {"type": "integer", "minimum": 1}],
                 "additionalItems": false, "minItems": 2}""");

        assertValidForSeeds(schema, 10);
        assertThat(SampleGenerator.seeded(1).json(schema)).hasSize(2);
    }

    @Test
    void aLoadedSchemaIncludesItsReferencedFiles() {
        JsonNode order = SampleGenerator.seeded(2).json(TestSchemas.json("order-placed-v1"));

        assertThat(order.get("shippingAddress").fieldNames()).toIterable()
                .containsExactly("street", "city", "postalCode", "country");
        assertThat(List.of(order.at("/shippingAddress/country").asText())).allMatch(c -> c.matches("[A-Z]{2}"));
    }
}
