package io.sitkit.stub;

import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.TestMessages;
import io.sitkit.match.MessageMatcher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule's {@code when:} in a stub file becomes the core's matchers, with their descriptions. */
class StubFileConditionsTest {
    static final Message ORDER = TestMessages.kafka("orders", 0, "o-17",
            "{\"orderId\":\"o-17\",\"amount\":1500,\"status\":\"NEW\",\"express\":true,\"coupon\":null}", 0,
            Header.of("x-channel", "web"), Header.of("tenant", "acme"));
    static final Message PLAIN = TestMessages.kafka("orders", 1, "o-2", "{\"orderId\":\"o-2\",\"amount\":20}", 0);

    /** The matcher of {@code when} (YAML flow or block text) in a one-rule stub. */
    static MessageMatcher when(String when) {
        String yaml = "stubs:\n  - listen: kafka:orders\n    rules:\n      - when: " + when.replace("\n", "\n          ")
                + "\n        reply: none\n";
        return StubFiles.parse(yaml, "conditions.yaml").stubs().get(0).rules().get(0).matcher();
    }

    @Test
    void json_path_tests_compare_values_numbers_and_presence() {
        assertThat(when("{jsonPath: {$.status: {equals: NEW}}}").matches(ORDER)).isTrue();
        assertThat(when("{jsonPath: {$.amount: {equals: 1500.0}}}").matches(ORDER)).isTrue();
        assertThat(when("{jsonPath: {$.amount: {equals: '1500'}}}").matches(ORDER)).isFalse();
        assertThat(when("{jsonPath: {$.express: {equals: true}}}").matches(ORDER)).isTrue();
        assertThat(when("{jsonPath: {$.status: {notEquals: NEW}}}").matches(ORDER)).isFalse();
        assertThat(when("{jsonPath: {$.amount: {greaterThan: 1000}}}").matches(ORDER)).isTrue();
        assertThat(when("{jsonPath: {$.amount: {greaterThan: 1000}}}").matches(PLAIN)).isFalse();
        assertThat(when("{jsonPath: {$.amount: {greaterThanOrEqual: 1500, lessThan: 1500.5}}}").matches(ORDER)).isTrue();
        assertThat(when("{jsonPath: {$.amount: {lessThanOrEqual: 20}}}").matches(PLAIN)).isTrue();
        assertThat(when("{jsonPath: {$.orderId: {matches: 'o-1[0-9]'}}}").matches(ORDER)).isTrue();
        assertThat(when("{jsonPath: {$.orderId: {contains: '17'}}}").matches(ORDER)).isTrue();
        assertThat(when("{jsonPath: {$.coupon: exists}}").matches(ORDER)).isTrue();
        assertThat(when("{jsonPath: {$.coupon: exists}}").matches(PLAIN)).isFalse();
        assertThat(when("{jsonPath: {$.coupon: absent}}").matches(PLAIN)).isTrue();
        assertThat(when("{jsonPath: {$.coupon: {exists: false}}}").matches(PLAIN)).isTrue();
        assertThat(when("{jsonPath: {$.coupon: {absent: true}}}").matches(ORDER)).isFalse();
        assertThat(when("{jsonPath: {$.amount: {greaterThan: 1000}, $.status: {equals: NEW}}}").describe())
                .isEqualTo("$.amount > 1000 and $.status == \"NEW\"");
    }

    @Test
    void header_key_and_text_tests_use_the_core_matchers() {
        assertThat(when("{header: {x-channel: {equals: web}}}").describe()).isEqualTo("header x-channel == \"web\"");
        assertThat(when("{header: {x-channel: {equals: web}}}").matches(ORDER)).isTrue();
        assertThat(when("{header: {x-channel: {matches: 'w.b'}}}").matches(ORDER)).isTrue();
        assertThat(when("{header: {x-channel: exists}}").matches(PLAIN)).isFalse();
        assertThat(when("{header: {x-channel: absent}}").matches(PLAIN)).isTrue();
        assertThat(when("{header: {tenant: {exists: true}}}").matches(ORDER)).isTrue();
        assertThat(when("{key: {equals: o-17}}").matches(ORDER)).isTrue();
        assertThat(when("{key: {equals: o-17}}").matches(PLAIN)).isFalse();
        assertThat(when("{key: {matches: 'o-[0-9]'}}").matches(PLAIN)).isTrue();
        assertThat(when("{text: {contains: '\"express\":true'}}").matches(ORDER)).isTrue();
        assertThat(when("{text: {regex: 'amount\":[0-9]{4}'}}").matches(ORDER)).isTrue();
        assertThat(when("{text: {regex: 'amount\":[0-9]{4}'}}").matches(PLAIN)).isFalse();
    }

    @Test
    void conditions_combine_all_of_a_mapping_or_list_any_of_and_not() {
        MessageMatcher all = when("""

                jsonPath:
                  $.amount: {greaterThan: 100}
                header:
                  x-channel: {equals: web}""");
        assertThat(all.matches(ORDER)).isTrue();
        assertThat(all.matches(PLAIN)).isFalse();
        assertThat(when("[{key: {equals: o-17}}, {text: {contains: NEW}}]").matches(ORDER)).isTrue();
        assertThat(when("[{key: {equals: o-17}}, {text: {contains: OLD}}]").matches(ORDER)).isFalse();
        MessageMatcher any = when("{anyOf: [{key: {equals: o-2}}, {header: {x-channel: exists}}]}");
        assertThat(any.matches(ORDER)).isTrue();
        assertThat(any.matches(PLAIN)).isTrue();
        assertThat(any.describe()).isEqualTo("key == \"o-2\" or header x-channel present");
        MessageMatcher not = when("{not: {header: {x-channel: exists}}}");
        assertThat(not.matches(ORDER)).isFalse();
        assertThat(not.matches(PLAIN)).isTrue();
        assertThat(when("any").matches(PLAIN)).isTrue();
        assertThat(when("any").describe()).isEqualTo("any message");
    }
}
