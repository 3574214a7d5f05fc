package io.sitkit.contract.asyncapi;

import io.sitkit.contract.RequiredHeader;
import io.sitkit.schema.SchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.sitkit.contract.asyncapi.Fixtures.contract;
import static io.sitkit.contract.asyncapi.Fixtures.json;
import static io.sitkit.contract.asyncapi.Fixtures.payloadOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** YAML that hand-written documents use: anchors, aliases, merge keys, plain scalars. */
class YamlFeaturesTest {
    @TempDir
    Path dir;

    @Test
    void anchoredMappingsAndScalarsAreCopiedWhereAliasesUseThem() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 3.0.0
                info: {title: Anchors, version: 1.0.0}
                channels:
                  orders:
                    address: &orders shop.orders
                    bindings: {kafka: {topic: *orders}}
                    messages:
                      placed:
                        headers: &traced
                          type: object
                          required: [traceparent]
                        payload: {type: object}
                  refunds:
                    address: shop.refunds
                    bindings: {kafka: {}}
                    messages:
                      refunded:
                        headers: *traced
                        payload: {type: object}
                """, dir);

        assertThat(contract(result, "orders.placed").destination().name()).isEqualTo("shop.orders");
        assertThat(contract(result, "refunds.refunded").headers())
                .containsExactly(RequiredHeader.present("traceparent"));
    }

    @Test
    void mergeKeysAddTheAnchoredMembersThatTheMappingDoesNotHaveItself() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 3.0.0
                info: {title: Merge, version: 1.0.0}
                channels:
                  orders:
                    address: orders
                    bindings: {kafka: {}}
                    messages:
                      placed:
                        payload:
                          <<: &base {type: object, additionalProperties: false}
                          additionalProperties: true
                          required: [id]
                """, dir);

        assertThat(payloadOf(contract(result, "orders.placed")))
                .isEqualTo(json("{'additionalProperties':true,'required':['id'],'type':'object'}"));
    }

    @Test
    void plainScalarsBecomeJsonNumbersBooleansAndNullsAndEverythingElseStaysText() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 3.0.0
                info: {title: Scalars, version: 1.0.0}
                channels:
                  orders:
                    address: orders
                    bindings: {kafka: {}}
                    messages:
                      placed:
                        examples:
                          - payload:
                              count: 12
                              hex: 0x1F
                              ratio: 1.5
                              paid: true
                              note: ~
                              answer: yes
                              version: 1.4.0
                              quoted: '42'
                              day: 2026-01-01
                """, dir);

        assertThat(contract(result, "orders.placed").examples()).containsExactly(
                "{\"count\":12,\"hex\":31,\"ratio\":1.5,\"paid\":true,\"note\":null,\"answer\":\"yes\","
                        + "\"version\":\"1.4.0\",\"quoted\":\"42\",\"day\":\"2026-01-01\"}");
    }

    @Test
    void anAliasWithoutAnchorIsAnErrorWithItsPosition() {
        assertThatThrownBy(() -> AsyncApi.parse("asyncapi: 3.0.0\ninfo: *missing\n", dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document:2:7: not valid YAML: found undefined alias missing");
    }

    @Test
    void anAliasInsideTheNodeItNamesIsAnError() {
        assertThatThrownBy(() -> AsyncApi.parse("asyncapi: 3.0.0\ninfo: &info\n  self: *info\n", dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document:3:3: not valid YAML: the value of 'self' is an alias of a node that contains it");
    }

    @Test
    void aMergeKeyThatMergesTheMappingContainingItIsAnErrorNotAHang() {
        assertThatThrownBy(() -> AsyncApi.parse("asyncapi: 3.0.0\ninfo: &info\n  <<: *info\n", dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document:3:7: not valid YAML: a merge key (<<) refers to a mapping that contains it");
    }
}
