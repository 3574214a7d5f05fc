package io.sitkit.stub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every mistake in a stub file is reported with file, line, column, the key or value at fault and what was expected. */
class StubFileErrorsTest {

    /** The message of the error reading {@code yaml} as {@code bad.yaml}. */
    static String error(String yaml) {
        try {
            StubFiles.parse(yaml, "bad.yaml");
        } catch (StubFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a StubFileException for:\n" + yaml);
    }

    @Test
    void an_unknown_key_names_the_nearest_valid_one_and_all_known_keys() {
        assertThat(error("""
                stubs:
                  - name: payments
                    listn: jms:queue:payments
                """)).isEqualTo("bad.yaml:3:5: stubs[0]: unknown key 'listn' (did you mean 'listen'?); known keys: name, listen,"
                + " replyTo, alwaysReplyTo, correlateBy, copyHeaders, statePer, kafkaHeaders, seed, verifyTimeout, faults, rules");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules:
                      - reply: {json: '{}', colour: blue}
                """)).isEqualTo("bad.yaml:4:29: stubs[0].rules[0].reply: unknown key 'colour'; known keys: json, text, file,"
                + " key, headers, to, after, avro");
        assertThat(error("stub: []")).isEqualTo("bad.yaml:1:1: unknown key 'stub' (did you mean 'stubs'?); known keys: stubs,"
                + " interceptors");
    }

    @Test
    void a_bad_state_per_lists_the_key_sources_and_the_nearest_word() {
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    statePer: corelationId
                    rules: [{reply: none}]
                """)).isEqualTo("bad.yaml:3:15: stubs[0].statePer: 'corelationId' is not a correlation key source; use one of key,"
                + " header:<name>, correlationId, messageId, jsonPath:<path>, traceId; did you mean 'correlationId'?");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    statePer: {jsonPath: '$['}
                    rules: [{reply: none}]
                """)).isEqualTo("bad.yaml:3:26: stubs[0].statePer.jsonPath: invalid JSON path '$[': it ends before a bracket,"
                + " quote or filter is closed, or cannot be read");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    statePer: key:orderId
                    rules: [{reply: none}]
                """)).isEqualTo("bad.yaml:3:15: stubs[0].statePer: 'key:orderId': key takes nothing after it");
    }

    @Test
    void a_stub_without_listen_says_what_listen_is() {
        assertThat(error("""
                stubs:
                  - name: payments
                    rules: [{reply: none}]
                """)).isEqualTo("bad.yaml:2:5: stubs[0]: missing 'listen': the destination the stub takes requests from,"
                + " e.g. jms:queue:payment.requests");
    }

    @Test
    void a_bad_address_lists_the_accepted_forms() {
        assertThat(error("""
                stubs:
                  - listen: jms:qeue:payments
                    rules: [{reply: none}]
                """)).isEqualTo("bad.yaml:2:13: stubs[0].listen: 'jms:qeue:payments' is not a destination address;"
                + " accepted forms: kafka:<topic>, jms:queue:<name>, jms:topic:<name>");
    }

    @Test
    void a_bad_duration_shows_how_to_write_one() {
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    faults:
                      - {kind: delay, duration: 200 millis}
                    rules: [{reply: none}]
                """)).isEqualTo("bad.yaml:4:33: stubs[0].faults[0].duration: '200 millis' is not a duration;"
                + " write e.g. 250ms, 2s, 1m, 1h or PT0.25S");
    }

    @Test
    void an_unknown_fault_kind_names_the_nearest_and_all_kinds() {
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    faults: [{kind: dely, duration: 1s}]
                    rules: [{reply: none}]
                """)).isEqualTo("bad.yaml:3:21: stubs[0].faults[0].kind: unknown fault kind 'dely' (did you mean 'delay'?);"
                + " known kinds: delay, random-delay, spike, drop, duplicate, reorder, truncate, flip-bytes, invalid-json,"
                + " poison, wrong-schema-version, slow-consumer");
    }

    @Test
    void a_fault_missing_its_parameter_or_hitting_two_ways_is_refused() {
        assertThat(error("""
                interceptors:
                  - {from: kafka:a, to: kafka:b, faults: [reorder]}
                """)).isEqualTo("bad.yaml:2:43: interceptors[0].faults[0]: a reorder fault needs window;"
                + " write {kind: reorder, window: …}");
        assertThat(error("""
                interceptors:
                  - from: kafka:a
                    to: kafka:b
                    faults:
                      - {kind: drop, everyNth: 2, probability: 0.5}
                """)).isEqualTo("bad.yaml:5:48: interceptors[0].faults[0].probability: a fault hits every n-th message"
                + " or each with a probability, not both");
        assertThat(error("""
                interceptors:
                  - {from: kafka:a, to: kafka:b, faults: [{kind: reorder, window: 1}]}
                """)).isEqualTo("bad.yaml:2:43: interceptors[0].faults[0]: not a valid reorder fault:"
                + " REORDER needs a larger amount, was 1");
    }

    @Test
    void an_unknown_matcher_names_the_nearest_and_all_matchers() {
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules:
                      - when: {jsonpath: {$.amount: {greaterThan: 10}}}
                        reply: none
                """)).isEqualTo("bad.yaml:4:16: stubs[0].rules[0].when: unknown matcher 'jsonpath' (did you mean 'jsonPath'?);"
                + " known matchers: jsonPath, header, key, text, anyOf, not");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules:
                      - when: {jsonPath: {$.amount: {greater: 10}}}
                        reply: none
                """)).isEqualTo("bad.yaml:4:38: stubs[0].rules[0].when.jsonPath.$.amount: unknown test 'greater' (did you mean 'greaterThan'?);"
                + " known tests: equals, notEquals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, matches,"
                + " contains, exists, absent");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules:
                      - when: {jsonPath: {$.amount: {greaterThan: ten}}}
                        reply: none
                """)).isEqualTo("bad.yaml:4:51: stubs[0].rules[0].when.jsonPath.$.amount.greaterThan: expected a number,"
                + " was 'ten'");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules:
                      - when: {text: {regex: 'a(b'}}
                        reply: none
                """)).isEqualTo("bad.yaml:4:30: stubs[0].rules[0].when.text.regex: 'a(b' is not a regular expression:"
                + " Unclosed group at index 3");
    }

    @Test
    void a_template_error_names_the_yaml_place_and_the_template_line_and_expression() {
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules:
                      - reply:
                          json: '{"id": "{{ uid() }}"}'
                """)).isEqualTo("bad.yaml:5:17: stubs[0].rules[0].reply.json: template error:"
                + " bad.yaml#stubs[0].rules[0].reply.json:1:9: unknown function 'uid' in {{ uid() }}; known: [header, now,"
                + " random, sequence, uuid]");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules:
                      - reply:
                          text: ok
                          headers: {h: "{{ $.a "}
                """)).startsWith("bad.yaml:6:24: stubs[0].rules[0].reply.headers.h: template error: reply header 'h':1:1:"
                + " '{{' is never closed with '}}'");
    }

    @Test
    void a_missing_reply_file_says_where_it_was_looked_for(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("payments.yaml");
        Files.writeString(file, """
                stubs:
                  - listen: jms:queue:payments
                    rules:
                      - reply: {file: replies/approved.json}
                """);

        assertThatThrownBy(() -> StubFiles.read(file)).isInstanceOf(StubFileException.class)
                .hasMessage(file + ":4:23: stubs[0].rules[0].reply.file: the reply file 'replies/approved.json' does not exist"
                        + " (looked for " + dir.resolve("replies/approved.json") + ")")
                .satisfies(e -> {
                    StubFileException s = (StubFileException) e;
                    assertThat(s.source()).isEqualTo(file.toString());
                    assertThat(s.line()).isEqualTo(4);
                    assertThat(s.column()).isEqualTo(23);
                });
        assertThatThrownBy(() -> StubFiles.read(dir.resolve("nowhere.yaml")))
                .hasMessageStartingWith(dir.resolve("nowhere.yaml") + ": cannot read the stub file: java.nio.file.NoSuchFileException");
    }

    @Test
    void yaml_syntax_errors_and_duplicate_keys_are_reported_at_their_place() {
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules: [{reply: none}
                """)).isEqualTo("bad.yaml:4:1: not valid YAML: expected ',' or ']', but got <stream end>");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:a
                    listen: jms:queue:b
                """)).isEqualTo("bad.yaml:3:5: stubs[0]: the key 'listen' appears twice");
        assertThat(error("")).isEqualTo("bad.yaml: the file is empty; expected a mapping with stubs and/or interceptors");
        assertThat(error("stubs: {listen: kafka:a}")).isEqualTo("bad.yaml:1:8: stubs: expected a list of stubs, was a mapping");
        // SnakeYAML merges these in an endless loop: the text is checked before it is composed
        assertThat(error("""
                x-defaults: &defaults
                    <<: *defaults
                stubs: []
                """)).isEqualTo("bad.yaml:2:9: not valid YAML: a merge key (<<) refers to a mapping that contains it");
        assertThat(error("x-a: &a {b: {<<: [*a]}}\nstubs: []\n"))
                .isEqualTo("bad.yaml:1:19: not valid YAML: a merge key (<<) refers to a mapping that contains it");
    }

    @Test
    void rules_and_replies_say_what_they_lack() {
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules:
                      - when: any
                """)).isEqualTo("bad.yaml:4:9: stubs[0].rules[0]: missing 'reply' (or 'replies' for a sequence): what the"
                + " rule answers, e.g. reply: {json: '{\"ok\": true}'} or reply: none");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                """)).isEqualTo("bad.yaml:2:5: stubs[0]: missing 'rules': what the stub answers, e.g. rules:"
                + " [{reply: {json: '{\"ok\": true}'}}]");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules: [{reply: {json: '{}', text: hi}}]
                """)).isEqualTo("bad.yaml:3:21: stubs[0].rules[0].reply: a reply has one body, but this one has json and text");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules: [{reply: nothing}]
                """)).isEqualTo("bad.yaml:3:21: stubs[0].rules[0].reply: expected none or a mapping with json, text or file,"
                + " was 'nothing'");
    }

    @Test
    void a_json_body_written_as_yaml_must_be_json_shaped() {
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules:
                      - reply:
                          json: &loop {a: *loop}
                """)).isEqualTo("bad.yaml:5:17: stubs[0].rules[0].reply.json: nests deeper than 100 levels (an alias that contains itself?)");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    rules:
                      - reply:
                          json: {a: 1, a: 2}
                """)).isEqualTo("bad.yaml:5:24: stubs[0].rules[0].reply.json: the key 'a' appears twice");
    }

    @Test
    void conflicting_and_duplicate_definitions_are_refused() {
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    replyTo: jms:queue:a
                    alwaysReplyTo: jms:queue:b
                    rules: [{reply: none}]
                """)).isEqualTo("bad.yaml:4:20: stubs[0].alwaysReplyTo: use replyTo (when the request names no reply address)"
                + " or alwaysReplyTo (whatever the request says), not both");
        assertThat(error("""
                stubs:
                  - {name: twin, listen: jms:queue:a, rules: [{reply: none}]}
                  - {name: twin, listen: jms:queue:b, rules: [{reply: none}]}
                """)).isEqualTo("bad.yaml:3:5: stubs[1]: the stub name 'twin' is taken by stubs[0]; give each stub its own name");
        assertThat(error("""
                interceptors:
                  - {from: kafka:a, to: kafka:a}
                """)).isEqualTo("bad.yaml:2:25: interceptors[0].to: an interceptor relays between two different destinations,"
                + " but from and to are both kafka:a");
        assertThat(error("""
                stubs:
                  - listen: jms:queue:payments
                    correlateBy: message_id
                    rules: [{reply: none}]
                """)).isEqualTo("bad.yaml:3:18: stubs[0].correlateBy: unknown correlateBy 'message_id' (did you mean"
                + " 'message-id'?); use message-id (the JMS convention) or correlation-id");
    }
}
