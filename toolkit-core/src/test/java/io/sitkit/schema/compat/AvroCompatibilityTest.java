package io.sitkit.schema.compat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.sitkit.schema.TestSchemas.avro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroCompatibilityTest {
    private static final List<Schema> PAYMENTS_V1_V2 = List.of(avro("payment-authorized-v1"), avro("payment-authorized-v2"));
    private static final Schema PAYMENTS_V3 = avro("payment-authorized-v3");

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"Event\", \"namespace\": \"shop\", \"fields\": ["
                + fields + "]}");
    }

    private static List<String> lines(CompatibilityReport report) {
        return Arrays.asList(report.describe().split("\n"));
    }

    // --- modes: which versions and which readers are checked ---

    @Test
    void backwardChecksOnlyTheLatestVersionWithNewReaders() {
        assertThat(AvroCompatibility.check(CompatibilityMode.BACKWARD, PAYMENTS_V3, PAYMENTS_V1_V2).describe()).isEqualTo("""
                not compatible under BACKWARD: 1 problem, checked against v2
                  v2, new readers of v2 data, at $.cardFingerprint: size of fixed `CardFingerprint` changed from 16 to 32""");
    }

    @Test
    void backwardTransitiveChecksEveryEarlierVersionWithNewReaders() {
        assertThat(AvroCompatibility.check(CompatibilityMode.BACKWARD_TRANSITIVE, PAYMENTS_V3, PAYMENTS_V1_V2).describe()).isEqualTo("""
                not compatible under BACKWARD_TRANSITIVE: 2 problems, checked against v1, v2
                  v1, new readers of v1 data, at $.cardFingerprint: size of fixed `CardFingerprint` changed from 16 to 32
                  v2, new readers of v2 data, at $.cardFingerprint: size of fixed `CardFingerprint` changed from 16 to 32""");
    }

    @Test
    void forwardChecksOnlyTheLatestVersionAsReaderOfNewData() {
        assertThat(AvroCompatibility.check(CompatibilityMode.FORWARD, PAYMENTS_V3, PAYMENTS_V1_V2).describe()).isEqualTo("""
                not compatible under FORWARD: 3 problems, checked against v2
                  v2, v2 readers of new data, at $.cardFingerprint: size of fixed `CardFingerprint` changed from 16 to 32
                  v2, v2 readers of new data, at $.attempt: type of `attempt` changed from int to long
                  v2, v2 readers of new data, at $.declineCode: union of `declineCode` gained the branch int (was null or string, now null or string or int)""");
    }

    @Test
    void forwardTransitiveAlsoFindsWhatOnlyTheOldestReadersCannotTake() {
        // APPLE_PAY came in v2: v2 readers know it, v1 readers do not
        assertThat(lines(AvroCompatibility.check(CompatibilityMode.FORWARD_TRANSITIVE, PAYMENTS_V3, PAYMENTS_V1_V2))).containsExactly(
                "not compatible under FORWARD_TRANSITIVE: 7 problems, checked against v1, v2",
                "  v1, v1 readers of new data, at $.method: symbol `APPLE_PAY` added to enum `PaymentMethod`",
                "  v1, v1 readers of new data, at $.cardFingerprint: size of fixed `CardFingerprint` changed from 16 to 32",
                "  v1, v1 readers of new data, at $.attempt: type of `attempt` changed from int to long",
                "  v1, v1 readers of new data, at $.declineCode: union of `declineCode` gained the branch int (was null or string, now null or string or int)",
                "  v2, v2 readers of new data, at $.cardFingerprint: size of fixed `CardFingerprint` changed from 16 to 32",
                "  v2, v2 readers of new data, at $.attempt: type of `attempt` changed from int to long",
                "  v2, v2 readers of new data, at $.declineCode: union of `declineCode` gained the branch int (was null or string, now null or string or int)");
    }

    @Test
    void fullChecksBothReadersOfTheLatestVersionBackwardFirst() {
        assertThat(AvroCompatibility.check(CompatibilityMode.FULL, PAYMENTS_V3, PAYMENTS_V1_V2).describe()).isEqualTo("""
                not compatible under FULL: 4 problems, checked against v2
                  v2, new readers of v2 data, at $.cardFingerprint: size of fixed `CardFingerprint` changed from 16 to 32
                  v2, v2 readers of new data, at $.cardFingerprint: size of fixed `CardFingerprint` changed from 16 to 32
                  v2, v2 readers of new data, at $.attempt: type of `attempt` changed from int to long
                  v2, v2 readers of new data, at $.declineCode: union of `declineCode` gained the branch int (was null or string, now null or string or int)""");
    }

    @Test
    void fullTransitiveChecksBothReadersOfEveryVersionOldestFirst() {
        CompatibilityReport report = AvroCompatibility.check(CompatibilityMode.FULL_TRANSITIVE, PAYMENTS_V3, PAYMENTS_V1_V2);

        assertThat(report.checkedVersions()).containsExactly("v1", "v2");
        assertThat(report.problems()).extracting(p -> p.version() + " " + p.direction() + " " + p.path() + " " + p.change())
                .containsExactly(
                        "v1 NEW_READS_OLD $.cardFingerprint FIXED_SIZE_CHANGED",
                        "v1 OLD_READS_NEW $.method ENUM_WIDENED",
                        "v1 OLD_READS_NEW $.cardFingerprint FIXED_SIZE_CHANGED",
                        "v1 OLD_READS_NEW $.attempt TYPE_CHANGED",
                        "v1 OLD_READS_NEW $.declineCode UNION_BRANCH_ADDED",
                        "v2 NEW_READS_OLD $.cardFingerprint FIXED_SIZE_CHANGED",
                        "v2 OLD_READS_NEW $.cardFingerprint FIXED_SIZE_CHANGED",
                        "v2 OLD_READS_NEW $.attempt TYPE_CHANGED",
                        "v2 OLD_READS_NEW $.declineCode UNION_BRANCH_ADDED");
    }

    @Test
    void noneChecksNothingAndAFirstVersionHasNothingToBeCheckedAgainst() {
        assertThat(AvroCompatibility.check(CompatibilityMode.NONE, PAYMENTS_V3, PAYMENTS_V1_V2).describe())
                .isEqualTo("compatible under NONE: nothing checked");
        assertThat(AvroCompatibility.check(CompatibilityMode.FULL_TRANSITIVE, PAYMENTS_V3, List.of()).describe())
                .isEqualTo("compatible under FULL: no earlier version to check against".replace("FULL", "FULL_TRANSITIVE"));
    }

    @Test
    void addingOptionalFieldsWithDefaultsIsFullyCompatible() {
        for (String domain : List.of("order-placed", "patient-registered")) {
            assertThat(AvroCompatibility.check(CompatibilityMode.FULL_TRANSITIVE, avro(domain + "-v2"), List.of(avro(domain + "-v1")))
                    .describe()).as(domain).isEqualTo("compatible under FULL_TRANSITIVE: checked against v1");
        }
    }

    // --- each kind of change, in words ---

    @Test
    void aNewFieldWithoutDefaultBreaksNewReadersOfOldDataAndHintsAtTheRename() {
        CompatibilityReport report = AvroCompatibility.check(CompatibilityMode.BACKWARD, avro("order-placed-v3"),
                List.of(avro("order-placed-v1"), avro("order-placed-v2")));

        assertThat(report.problems()).filteredOn(p -> p.change() == ChangeKind.REQUIRED_FIELD_ADDED).singleElement()
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("$.amount");
                    assertThat(p.message()).isEqualTo("field `amount` has no default, so new readers cannot read v2 data"
                            + " that lacks it; `total` removed with the same type — renamed? give `amount` the alias `total`");
                });
    }

    @Test
    void aRemovedFieldWithoutDefaultBreaksOldReadersOfNewDataAndHintsAtTheRename() {
        CompatibilityReport report = AvroCompatibility.check(CompatibilityMode.FORWARD, avro("order-placed-v3"),
                List.of(avro("order-placed-v1"), avro("order-placed-v2")));

        assertThat(report.describe()).isEqualTo("""
                not compatible under FORWARD: 2 problems, checked against v2
                  v2, v2 readers of new data, at $.items[*].qty: type of `items[*].qty` changed from int to string
                  v2, v2 readers of new data, at $.total: field `total` has no default, so v2 readers cannot read new data that lacks it; `amount` added with the same type — renamed?""");
        assertThat(report.problems()).extracting(CompatibilityProblem::change)
                .containsExactly(ChangeKind.TYPE_CHANGED, ChangeKind.FIELD_REMOVED);
    }

    @Test
    void aNewFieldOfAnotherTypeGetsNoRenameHint() {
        CompatibilityReport report = AvroCompatibility.check(CompatibilityMode.BACKWARD,
                record("{\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"channel\", \"type\": \"int\"}"),
                List.of(record("{\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"note\", \"type\": \"string\"}")));

        assertThat(report.problems()).singleElement().extracting(CompatibilityProblem::message)
                .isEqualTo("field `channel` has no default, so new readers cannot read v1 data that lacks it");
    }

    @Test
    void aTypeChangeIsNamedByItsFieldPathWithOldAndNewTypesInTimeOrder() {
        List<Schema> history = List.of(avro("order-placed-v1"), avro("order-placed-v2"));
        Schema v3 = avro("order-placed-v3");

        assertThat(AvroCompatibility.check(CompatibilityMode.BACKWARD, v3, history).problems().get(0))
                .isEqualTo(new CompatibilityProblem("v2", ReadDirection.NEW_READS_OLD, "$.items[*].qty",
                        ChangeKind.TYPE_CHANGED, "type of `items[*].qty` changed from int to string"));
        assertThat(AvroCompatibility.check(CompatibilityMode.FORWARD, v3, history).problems().get(0))
                .isEqualTo(new CompatibilityProblem("v2", ReadDirection.OLD_READS_NEW, "$.items[*].qty",
                        ChangeKind.TYPE_CHANGED, "type of `items[*].qty` changed from int to string"));
    }

    @Test
    void mapValuesAndLogicalTypesAreNamedToo() {
        CompatibilityReport report = AvroCompatibility.check(CompatibilityMode.BACKWARD,
                record("{\"name\": \"attributes\", \"type\": {\"type\": \"map\", \"values\": \"string\"}},"
                        + "{\"name\": \"placedAt\", \"type\": {\"type\": \"string\", \"logicalType\": \"uuid\"}}"),
                List.of(record("{\"name\": \"attributes\", \"type\": {\"type\": \"map\", \"values\": \"int\"}},"
                        + "{\"name\": \"placedAt\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}}")));

        assertThat(report.problems()).extracting(CompatibilityProblem::path, CompatibilityProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.attributes.*", "type of `attributes.*` changed from int to string"),
                org.assertj.core.groups.Tuple.tuple("$.placedAt",
                        "type of `placedAt` changed from long (timestamp-millis) to string (uuid)"));
    }

    @Test
    void aFieldThatLostItsNullBranchBreaksNewReadersOfOldNulls() {
        CompatibilityReport report = AvroCompatibility.check(CompatibilityMode.FULL, avro("patient-registered-v3"),
                List.of(avro("patient-registered-v1"), avro("patient-registered-v2")));

        assertThat(report.problems()).filteredOn(p -> p.path().equals("$.contact.email")).singleElement()
                .isEqualTo(new CompatibilityProblem("v2", ReadDirection.NEW_READS_OLD, "$.contact.email",
                        ChangeKind.TYPE_CHANGED, "type of `contact.email` changed from null or string to string"));
    }

    @Test
    void aChangeInsideAUnionBranchIsNamedByTheFieldInsideIt() {
        CompatibilityReport report = AvroCompatibility.check(CompatibilityMode.FULL, avro("patient-registered-v3"),
                List.of(avro("patient-registered-v1"), avro("patient-registered-v2")));

        assertThat(report.problems()).filteredOn(p -> p.path().startsWith("$.insurance"))
                .extracting(CompatibilityProblem::describe).containsExactly(
                        "v2, new readers of v2 data, at $.insurance.policyNumber: type of `insurance.policyNumber` changed from string to long",
                        "v2, v2 readers of new data, at $.insurance.policyNumber: type of `insurance.policyNumber` changed from string to long");
    }

    @Test
    void aRemovedEnumSymbolIsMissingForNewReaders() {
        CompatibilityReport report = AvroCompatibility.check(CompatibilityMode.BACKWARD, avro("order-placed-v3"),
                List.of(avro("order-placed-v1"), avro("order-placed-v2")));

        assertThat(report.problems()).filteredOn(p -> p.change() == ChangeKind.ENUM_NARROWED).singleElement()
                .isEqualTo(new CompatibilityProblem("v2", ReadDirection.NEW_READS_OLD, "$.status", ChangeKind.ENUM_NARROWED,
                        "symbol `REFUNDED` missing from enum `OrderStatus`"));
    }

    @Test
    void anAddedEnumSymbolIsUnknownToOldReadersAndSeveralAreListed() {
        assertThat(AvroCompatibility.check(CompatibilityMode.FORWARD, avro("payment-authorized-v2"),
                List.of(avro("payment-authorized-v1"))).problems()).singleElement()
                .isEqualTo(new CompatibilityProblem("v1", ReadDirection.OLD_READS_NEW, "$.method", ChangeKind.ENUM_WIDENED,
                        "symbol `APPLE_PAY` added to enum `PaymentMethod`"));

        String enumOf = "{\"name\": \"status\", \"type\": {\"type\": \"enum\", \"name\": \"Status\", \"symbols\": %s}}";
        assertThat(AvroCompatibility.check(CompatibilityMode.BACKWARD, record(enumOf.formatted("[\"NEW\"]")),
                List.of(record(enumOf.formatted("[\"NEW\", \"PAID\", \"VOID\"]")))).problems())
                .extracting(CompatibilityProblem::message).containsExactly("symbols `PAID`, `VOID` missing from enum `Status`");
    }

    @Test
    void aUnionBranchRemovedBreaksNewReadersAndOneAddedBreaksOldReaders() {
        Schema narrow = record("{\"name\": \"declineCode\", \"type\": [\"null\", \"string\"], \"default\": null}");
        Schema wide = record("{\"name\": \"declineCode\", \"type\": [\"null\", \"string\", \"int\"], \"default\": null}");

        assertThat(AvroCompatibility.check(CompatibilityMode.FULL, narrow, List.of(wide)).describe()).isEqualTo("""
                not compatible under FULL: 1 problem, checked against v1
                  v1, new readers of v1 data, at $.declineCode: union of `declineCode` lost the branch int (was null or string or int, now null or string)""");
        assertThat(AvroCompatibility.check(CompatibilityMode.FULL, wide, List.of(narrow)).problems())
                .extracting(CompatibilityProblem::change).containsExactly(ChangeKind.UNION_BRANCH_ADDED);
    }

    @Test
    void aRenamedRecordHintsAtTheAliasForNewReadersOnly() {
        CompatibilityReport report = AvroCompatibility.check(CompatibilityMode.FULL, avro("patient-registered-v3"),
                List.of(avro("patient-registered-v1"), avro("patient-registered-v2")));

        assertThat(report.problems()).filteredOn(p -> p.change() == ChangeKind.NAME_CHANGED)
                .extracting(CompatibilityProblem::describe).containsExactly(
                        "v2, new readers of v2 data, at $.name: name of the record at `name` changed from `PersonName` to"
                                + " `HumanName`; give `HumanName` the alias `PersonName`",
                        "v2, v2 readers of new data, at $.name: name of the record at `name` changed from `PersonName` to"
                                + " `HumanName`");
    }

    @Test
    void aRenamedTypeThatAlsoMovedNamespaceIsNamedInFull() {
        String customer = "{\"name\": \"customer\", \"type\": {\"type\": \"record\", \"name\": \"%s\","
                + " \"namespace\": \"%s\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}}";

        CompatibilityReport report = AvroCompatibility.check(CompatibilityMode.BACKWARD,
                record(customer.formatted("Client", "crm.v2")), List.of(record(customer.formatted("Customer", "crm.v1"))));

        assertThat(report.problems()).singleElement()
                .isEqualTo(new CompatibilityProblem("v1", ReadDirection.NEW_READS_OLD, "$.customer", ChangeKind.NAME_CHANGED,
                        "name of the record at `customer` changed from `crm.v1.Customer` to `crm.v2.Client`;"
                                + " give `crm.v2.Client` the alias `crm.v1.Customer`"));
    }

    @Test
    void aRenamedRootRecordIsNamedAsTheRoot() {
        Schema before = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"OrderPlaced\", \"fields\": []}");
        Schema after = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"OrderCreated\", \"fields\": []}");

        assertThat(AvroCompatibility.check(CompatibilityMode.BACKWARD, after, List.of(before)).problems()).singleElement()
                .isEqualTo(new CompatibilityProblem("v1", ReadDirection.NEW_READS_OLD, "$", ChangeKind.NAME_CHANGED,
                        "name of the root record changed from `OrderPlaced` to `OrderCreated`;"
                                + " give `OrderCreated` the alias `OrderPlaced`"));
    }

    @Test
    void avroItselfIgnoresANamespaceChangeAlone() {
        String event = "{\"type\": \"record\", \"name\": \"OrderPlaced\", \"namespace\": \"%s\", \"fields\": []}";

        assertThat(AvroCompatibility.check(CompatibilityMode.FULL, new Schema.Parser().parse(event.formatted("shop.v2")),
                List.of(new Schema.Parser().parse(event.formatted("shop.v1")))).isCompatible()).isTrue();
    }

    @Test
    void aResizedFixedIsNamedWithBothSizes() {
        Schema md5 = record("{\"name\": \"hash\", \"type\": {\"type\": \"fixed\", \"name\": \"Hash\", \"size\": 16}}");
        Schema sha256 = record("{\"name\": \"hash\", \"type\": {\"type\": \"fixed\", \"name\": \"Hash\", \"size\": 32}}");

        assertThat(AvroCompatibility.check(CompatibilityMode.FORWARD, sha256, List.of(md5)).problems()).singleElement()
                .isEqualTo(new CompatibilityProblem("v1", ReadDirection.OLD_READS_NEW, "$.hash", ChangeKind.FIXED_SIZE_CHANGED,
                        "size of fixed `Hash` changed from 16 to 32"));
    }

    @Test
    void aMissingEarlierVersionIsNamedByItsPosition() {
        assertThatThrownBy(() -> AvroCompatibility.check(CompatibilityMode.FULL, PAYMENTS_V3,
                Arrays.asList(avro("payment-authorized-v1"), null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("history[1] (v2) is null");
    }
}
