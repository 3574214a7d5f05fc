package io.sitkit.schema.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.schema.TestSchemas;
import io.sitkit.schema.json.JsonSchemaValidator;
import io.sitkit.schema.json.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import static io.sitkit.schema.TestSchemas.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSchemaCompatibilityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<JsonSchemaValidator> PATIENTS_V1_V2 = List.of(json("patient-registered-v1"), json("patient-registered-v2"));
    private static final JsonSchemaValidator PATIENTS_V3 = json("patient-registered-v3");

    private static JsonNode schema(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<CompatibilityProblem> problems(CompatibilityMode mode, String candidate, String earlier) {
        return JsonSchemaCompatibility.check(mode, schema(candidate), List.of(schema(earlier))).problems();
    }

    // --- modes: which versions and which readers are checked ---

    @Test
    void backwardChecksOnlyTheLatestVersionWithNewReaders() {
        assertThat(JsonSchemaCompatibility.check(CompatibilityMode.BACKWARD, PATIENTS_V3, PATIENTS_V1_V2).describe()).isEqualTo("""
                not compatible under BACKWARD: 1 problem, checked against v2
                  v2, new readers of v2 data, at $.contact.phone: `contact.phone` removed, but new readers reject unknown properties (additionalProperties: false) and v2 data has it""");
    }

    @Test
    void backwardTransitiveAlsoFindsWhatOnlyTheOldestDataLacks() {
        // email became required in v2: v2 data has it, v1 data may not
        assertThat(JsonSchemaCompatibility.check(CompatibilityMode.BACKWARD_TRANSITIVE, PATIENTS_V3, PATIENTS_V1_V2).describe()).isEqualTo("""
                not compatible under BACKWARD_TRANSITIVE: 3 problems, checked against v1, v2
                  v1, new readers of v1 data, at $.contact.email: `contact.email` made required, so new readers cannot read v1 data that lacks it
                  v1, new readers of v1 data, at $.contact.phone: `contact.phone` removed, but new readers reject unknown properties (additionalProperties: false) and v1 data has it
                  v2, new readers of v2 data, at $.contact.phone: `contact.phone` removed, but new readers reject unknown properties (additionalProperties: false) and v2 data has it""");
    }

    @Test
    void forwardChecksOnlyTheLatestVersionAsReaderOfNewData() {
        assertThat(JsonSchemaCompatibility.check(CompatibilityMode.FORWARD, PATIENTS_V3, PATIENTS_V1_V2).describe()).isEqualTo("""
                not compatible under FORWARD: 1 problem, checked against v2
                  v2, v2 readers of new data, at $.insurance.policyNumber: `insurance.policyNumber` made optional, so v2 readers cannot read new data that lacks it""");
    }

    @Test
    void forwardTransitiveChecksEveryEarlierVersionAsReader() {
        assertThat(JsonSchemaCompatibility.check(CompatibilityMode.FORWARD_TRANSITIVE, PATIENTS_V3, PATIENTS_V1_V2).describe()).isEqualTo("""
                not compatible under FORWARD_TRANSITIVE: 2 problems, checked against v1, v2
                  v1, v1 readers of new data, at $.insurance.policyNumber: `insurance.policyNumber` made optional, so v1 readers cannot read new data that lacks it
                  v2, v2 readers of new data, at $.insurance.policyNumber: `insurance.policyNumber` made optional, so v2 readers cannot read new data that lacks it""");
    }

    @Test
    void fullChecksBothReadersOfTheLatestVersionBackwardFirst() {
        assertThat(JsonSchemaCompatibility.check(CompatibilityMode.FULL, PATIENTS_V3, PATIENTS_V1_V2).describe()).isEqualTo("""
                not compatible under FULL: 2 problems, checked against v2
                  v2, new readers of v2 data, at $.contact.phone: `contact.phone` removed, but new readers reject unknown properties (additionalProperties: false) and v2 data has it
                  v2, v2 readers of new data, at $.insurance.policyNumber: `insurance.policyNumber` made optional, so v2 readers cannot read new data that lacks it""");
    }

    @Test
    void fullTransitiveChecksBothReadersOfEveryVersionOldestFirst() {
        assertThat(JsonSchemaCompatibility.check(CompatibilityMode.FULL_TRANSITIVE, PATIENTS_V3, PATIENTS_V1_V2).describe()).isEqualTo("""
                not compatible under FULL_TRANSITIVE: 5 problems, checked against v1, v2
                  v1, new readers of v1 data, at $.contact.email: `contact.email` made required, so new readers cannot read v1 data that lacks it
                  v1, new readers of v1 data, at $.contact.phone: `contact.phone` removed, but new readers reject unknown properties (additionalProperties: false) and v1 data has it
                  v1, v1 readers of new data, at $.insurance.policyNumber: `insurance.policyNumber` made optional, so v1 readers cannot read new data that lacks it
                  v2, new readers of v2 data, at $.contact.phone: `contact.phone` removed, but new readers reject unknown properties (additionalProperties: false) and v2 data has it
                  v2, v2 readers of new data, at $.insurance.policyNumber: `insurance.policyNumber` made optional, so v2 readers cannot read new data that lacks it""");
    }

    @Test
    void noneChecksNothing() {
        assertThat(JsonSchemaCompatibility.check(CompatibilityMode.NONE, PATIENTS_V3, PATIENTS_V1_V2).describe())
                .isEqualTo("compatible under NONE: nothing checked");
    }

    @Test
    void addingOptionalPropertiesToAnOpenObjectIsFullyCompatible() {
        assertThat(JsonSchemaCompatibility.check(CompatibilityMode.FULL_TRANSITIVE, json("order-placed-v2"),
                List.of(json("order-placed-v1"))).describe()).isEqualTo("compatible under FULL_TRANSITIVE: checked against v1");
    }

    // --- each kind of change, in words ---

    @Test
    void aRenamedRequiredPropertyBreaksNewReadersAsAddedAndOldReadersAsRemovedWithARenameHint() {
        CompatibilityReport report = JsonSchemaCompatibility.check(CompatibilityMode.FULL, json("order-placed-v3"),
                List.of(json("order-placed-v1"), json("order-placed-v2")));

        assertThat(report.describe()).isEqualTo("""
                not compatible under FULL: 5 problems, checked against v2
                  v2, new readers of v2 data, at $.items[*].qty: type of `items[*].qty` changed from integer to string
                  v2, new readers of v2 data, at $.amount: `amount` added as required, so new readers cannot read v2 data that lacks it; `total` removed with the same type — renamed?
                  v2, new readers of v2 data, at $.status: value `REFUNDED` missing from enum of `status`
                  v2, v2 readers of new data, at $.items[*].qty: type of `items[*].qty` changed from integer to string
                  v2, v2 readers of new data, at $.total: `total` removed, so v2 readers cannot read new data that lacks it; `amount` added with the same type — renamed?""");
        assertThat(report.problems()).extracting(CompatibilityProblem::change).containsExactly(ChangeKind.TYPE_CHANGED,
                ChangeKind.REQUIRED_FIELD_ADDED, ChangeKind.ENUM_NARROWED, ChangeKind.TYPE_CHANGED, ChangeKind.FIELD_REMOVED);
    }

    @Test
    void aRemovedRequiredPropertyWithNoLikelyRenameGetsNoHint() {
        assertThat(problems(CompatibilityMode.FORWARD,
                "{\"properties\": {\"id\": {\"type\": \"string\"}, \"channel\": {\"type\": \"integer\"}}}",
                "{\"required\": [\"note\"], \"properties\": {\"id\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\"}}}"))
                .containsExactly(new CompatibilityProblem("v1", ReadDirection.OLD_READS_NEW, "$.note", ChangeKind.FIELD_REMOVED,
                        "`note` removed, so v1 readers cannot read new data that lacks it"));
    }

    @Test
    void removingAnOptionalPropertyFromAnOpenObjectBreaksNobody() {
        assertThat(problems(CompatibilityMode.FULL, "{\"properties\": {\"id\": {\"type\": \"string\"}}}",
                "{\"properties\": {\"id\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\"}}}")).isEmpty();
    }

    @Test
    void aPropertyMadeRequiredBreaksNewReadersOfOldDataOnly() {
        CompatibilityReport report = JsonSchemaCompatibility.check(CompatibilityMode.FULL, json("patient-registered-v2"),
                List.of(json("patient-registered-v1")));

        assertThat(report.problems()).containsExactly(new CompatibilityProblem("v1", ReadDirection.NEW_READS_OLD,
                "$.contact.email", ChangeKind.FIELD_MADE_REQUIRED,
                "`contact.email` made required, so new readers cannot read v1 data that lacks it"));
    }

    @Test
    void aPropertyMadeOptionalBreaksOldReadersOfNewDataOnly() {
        assertThat(problems(CompatibilityMode.FULL,
                "{\"properties\": {\"email\": {\"type\": \"string\"}}}",
                "{\"required\": [\"email\"], \"properties\": {\"email\": {\"type\": \"string\"}}}"))
                .containsExactly(new CompatibilityProblem("v1", ReadDirection.OLD_READS_NEW, "$.email",
                        ChangeKind.FIELD_MADE_OPTIONAL, "`email` made optional, so v1 readers cannot read new data that lacks it"));
    }

    @Test
    void aClosedOldReaderRejectsAnAddedPropertyAndAnAddedEnumValue() {
        CompatibilityReport report = JsonSchemaCompatibility.check(CompatibilityMode.FORWARD, json("payment-authorized-v2"),
                List.of(json("payment-authorized-v1")));

        assertThat(report.describe()).isEqualTo("""
                not compatible under FORWARD: 2 problems, checked against v1
                  v1, v1 readers of new data, at $.method: value `APPLE_PAY` added to enum of `method`
                  v1, v1 readers of new data, at $.riskScore: `riskScore` added, but v1 readers reject unknown properties (additionalProperties: false)""");
        assertThat(report.problems()).extracting(CompatibilityProblem::change)
                .containsExactly(ChangeKind.ENUM_WIDENED, ChangeKind.FIELD_REJECTED);
    }

    @Test
    void aRenameBetweenClosedObjectsIsRejectedBothWaysWithTheRenameHint() {
        assertThat(problems(CompatibilityMode.FULL,
                "{\"additionalProperties\": false, \"properties\": {\"amount\": {\"type\": \"number\"}}}",
                "{\"additionalProperties\": false, \"properties\": {\"total\": {\"type\": \"number\"}}}"))
                .extracting(CompatibilityProblem::describe).containsExactly(
                        "v1, new readers of v1 data, at $.total: `total` removed, but new readers reject unknown properties"
                                + " (additionalProperties: false) and v1 data has it; `amount` added with the same type — renamed?",
                        "v1, v1 readers of new data, at $.amount: `amount` added, but v1 readers reject unknown properties"
                                + " (additionalProperties: false); `total` removed with the same type — renamed?");
    }

    @Test
    void aClosedReaderAcceptsPropertiesItsPatternPropertiesAllow() {
        assertThat(problems(CompatibilityMode.FORWARD,
                "{\"properties\": {\"x-trace\": {\"type\": \"string\"}}}",
                "{\"additionalProperties\": false, \"patternProperties\": {\"^x-\": {\"type\": \"string\"}}}")).isEmpty();
    }

    @Test
    void aReadersAdditionalPropertiesSchemaIsCheckedAgainstTheWritersExtraProperty() {
        assertThat(problems(CompatibilityMode.FORWARD,
                "{\"properties\": {\"retries\": {\"type\": \"integer\"}}}",
                "{\"additionalProperties\": {\"type\": \"string\"}}"))
                .containsExactly(new CompatibilityProblem("v1", ReadDirection.OLD_READS_NEW, "$.retries",
                        ChangeKind.TYPE_CHANGED, "type of `retries` changed from string to integer"));
    }

    @Test
    void wideningIntegerToNumberBreaksOldReadersOnly() {
        CompatibilityReport report = JsonSchemaCompatibility.check(CompatibilityMode.FULL, json("payment-authorized-v3"),
                List.of(json("payment-authorized-v1"), json("payment-authorized-v2")));

        assertThat(report.problems()).filteredOn(p -> p.change() == ChangeKind.TYPE_CHANGED).containsExactly(
                new CompatibilityProblem("v2", ReadDirection.OLD_READS_NEW, "$.attempt", ChangeKind.TYPE_CHANGED,
                        "type of `attempt` changed from integer to number"));
    }

    @Test
    void droppingNullOrAddingATypeNarrowsWhatNewReadersAccept() {
        assertThat(problems(CompatibilityMode.BACKWARD,
                "{\"properties\": {\"note\": {\"type\": \"string\"}, \"extra\": {\"type\": \"object\"}}}",
                "{\"properties\": {\"note\": {\"type\": [\"string\", \"null\"]}, \"extra\": {}}}"))
                .extracting(CompatibilityProblem::message).containsExactly(
                        "type of `note` changed from string or null to string",
                        "type of `extra` changed from any to object");
    }

    @Test
    void aRootTypeChangeIsNamedAsTheRoot() {
        assertThat(problems(CompatibilityMode.BACKWARD, "{\"type\": \"array\"}", "{\"type\": \"object\"}"))
                .containsExactly(new CompatibilityProblem("v1", ReadDirection.NEW_READS_OLD, "$", ChangeKind.TYPE_CHANGED,
                        "type of the root changed from object to array"));
    }

    @Test
    void enumValuesRemovedOrAddedAreListedAndAConstCountsAsAnEnum() {
        String before = "{\"properties\": {\"status\": {\"enum\": [\"NEW\", \"PAID\", \"VOID\", 3]}, \"kind\": {\"const\": \"order\"}}}";
        String after = "{\"properties\": {\"status\": {\"enum\": [\"NEW\"]}, \"kind\": {\"enum\": [\"order\", \"refund\"]}}}";

        assertThat(problems(CompatibilityMode.FULL, after, before)).extracting(CompatibilityProblem::describe).containsExactly(
                "v1, new readers of v1 data, at $.status: values `PAID`, `VOID`, `3` missing from enum of `status`",
                "v1, v1 readers of new data, at $.kind: value `refund` added to enum of `kind`");
    }

    @Test
    void anEnumIntroducedNarrowsAndAnEnumDroppedWidens() {
        String free = "{\"properties\": {\"currency\": {\"type\": \"string\"}}}";
        String fixed = "{\"properties\": {\"currency\": {\"type\": \"string\", \"enum\": [\"EUR\", \"USD\"]}}}";

        assertThat(problems(CompatibilityMode.BACKWARD, fixed, free)).containsExactly(new CompatibilityProblem("v1",
                ReadDirection.NEW_READS_OLD, "$.currency", ChangeKind.ENUM_NARROWED, "`currency` now limited to `EUR`, `USD`"));
        assertThat(problems(CompatibilityMode.FORWARD, free, fixed)).containsExactly(new CompatibilityProblem("v1",
                ReadDirection.OLD_READS_NEW, "$.currency", ChangeKind.ENUM_WIDENED, "enum of `currency` removed (was `EUR`, `USD`)"));
    }

    @Test
    void tupleItemsAreFollowedByIndexAndOddNamesAreQuoted() {
        assertThat(problems(CompatibilityMode.BACKWARD,
                "{\"properties\": {\"unit price\": {\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"string\"}]}}}",
                "{\"properties\": {\"unit price\": {\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"number\"}]}}}"))
                .containsExactly(new CompatibilityProblem("v1", ReadDirection.NEW_READS_OLD, "$['unit price'][1]",
                        ChangeKind.TYPE_CHANGED, "type of `['unit price'][1]` changed from number to string"));
    }

    @Test
    void aRecursiveSchemaIsWalkedOnceWithoutLooping() {
        String tree = "{\"$defs\": {\"node\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"%s\"},"
                + " \"children\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/node\"}}}}}, \"$ref\": \"#/$defs/node\"}";

        assertThat(problems(CompatibilityMode.BACKWARD, tree.formatted("integer"), tree.formatted("string")))
                .containsExactly(new CompatibilityProblem("v1", ReadDirection.NEW_READS_OLD, "$.name",
                        ChangeKind.TYPE_CHANGED, "type of `name` changed from string to integer"));
    }

    @Test
    void aDocumentWithARefOutsideItselfIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> problems(CompatibilityMode.BACKWARD,
                "{\"properties\": {\"address\": {\"$ref\": \"common/address.json\"}}}",
                "{\"properties\": {\"address\": {\"$ref\": \"common/address.json\"}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("$ref 'common/address.json' points outside the document; load the schema with JsonSchemas"
                        + " so referenced files are bundled in");
    }

    @Test
    void aChangeInsideAReferencedFileIsFoundThroughTheBundledDocument(@TempDir Path dir) throws IOException {
        // given a new order schema whose address file now has a numeric postal code
        Files.createDirectories(dir.resolve("common"));
        Files.writeString(dir.resolve("common/address.json"), Files.readString(
                TestSchemas.file("schemas/json/common/address.json")).replace(
                "\"postalCode\": {\"type\": \"string\"", "\"postalCode\": {\"type\": \"integer\""));
        Path order = Files.copy(TestSchemas.file("schemas/json/order-placed-v1.json"), dir.resolve("order-placed.json"));

        // when it is checked against v1
        CompatibilityReport report = JsonSchemaCompatibility.check(CompatibilityMode.BACKWARD, JsonSchemas.fromFile(order),
                List.of(json("order-placed-v1")));

        // then the change is named by its path in the payload
        assertThat(report.problems()).containsExactly(new CompatibilityProblem("v1", ReadDirection.NEW_READS_OLD,
                "$.shippingAddress.postalCode", ChangeKind.TYPE_CHANGED,
                "type of `shippingAddress.postalCode` changed from string to integer"));
    }
}
