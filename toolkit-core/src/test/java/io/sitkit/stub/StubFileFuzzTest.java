package io.sitkit.stub;

import io.sitkit.fuzz.BadInput;
import io.sitkit.fuzz.Fuzz;
import io.sitkit.fuzz.Guard;
import io.sitkit.fuzz.Mutations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stub files: {@link StubFiles#parse} reads mutated and random YAML into a {@link StubSet} or fails
 * with a {@link StubFileException} naming the source (and the line and column when known).
 * Reply files resolve against {@code src/test/resources/stubs}, where the seeds' replies are.
 */
class StubFileFuzzTest {
    private static final String SOURCE = "src/test/resources/stubs/fuzz.yaml";
    private static final List<String> SEEDS = seeds();
    private static final List<String> TOKENS = tokens();
    private static Guard guard;

    @BeforeContainer
    static void start() {
        guard = Guard.start("stub-file-fuzz");
    }

    @AfterContainer
    static void stop() {
        guard.close();
    }

    @Provide
    Arbitrary<String> files() {
        return Arbitraries.frequencyOf(Tuple.of(3, Mutations.text(SEEDS, TOKENS)), Tuple.of(2, structured()));
    }

    /**
     * Stub files built from the format's grammar with odd values in every slot, so inputs get past
     * the YAML syntax to the checks of each key: durations that overflow, ids out of range,
     * destinations, regular expressions and templates that do not parse.
     */
    private static Arbitrary<String> structured() {
        Arbitrary<String> odd = Arbitraries.of("x", "''", "' '", "~", "[]", "{}", "-1", "0", "1e999", "99999999999999999999",
                "9223372036854775807", "0x7fffffff", ".nan", "true", "PT-1S", "PT0.5S", "1ms", "999999999999999999h",
                "9999999999999999999999s", "250ms", "jms:queue:q", "kafka:t", "kafka:", "jms:topic: ", "'('", "'{{'", "'{{ $. }}'",
                "'{{ random(2, 1) }}'", "'{\"a\": {{ $.a }}}'", "replies/second.txt", "replies/", "/", "'\\0'", "&a x", "*a");
        Arbitrary<String> key = Arbitraries.of("name", "replyTo", "alwaysReplyTo", "correlateBy",
                "copyHeaders", "statePer", "kafkaHeaders", "seed", "verifyTimeout", "listn");
        Arbitrary<String> stubLine = Combinators.combine(key, odd).as((k, v) -> "    " + k + ": " + v + "\n");
        Arbitrary<String> condition = Combinators.combine(Arbitraries.of("jsonPath: {'$.a': {%s: %s}}", "jsonPath: {'%s': exists}",
                        "header: {x: {%s: %s}}", "key: {%s: %s}", "text: {%s: %s}", "anyOf: [{key: {%s: %s}}]", "not: {%s: %s}", "%s: %s"),
                Arbitraries.of("equals", "matches", "greaterThan", "lessThanOrEqual", "contains", "regex", "exists", "absent", "bogus"),
                odd).as((form, test, value) -> String.format(form, test, value));
        Arbitrary<String> reply = Combinators.combine(Arbitraries.of("json", "text", "file", "key", "to", "after", "avro",
                "headers", "none"), odd, Arbitraries.of("", ", after: 1h", ", avro: {schema: replies/payment-result.avsc, schemaId: -1}",
                ", headers: {h: '{{ key }}'}", ", to: kafka:out")).as((k, v, extra) -> "{" + k + ": " + v + extra + "}");
        Arbitrary<String> fault = Combinators.combine(Arbitraries.of("delay", "random-delay", "spike", "drop",
                "duplicate", "reorder", "truncate", "flip-bytes", "invalid-json", "poison", "wrong-schema-version", "slow-consumer"),
                Arbitraries.of("duration", "min", "max", "window", "keep", "count", "schemaId", "perMessage", "everyNth", "probability"),
                odd).as((kind, p, v) -> "{kind: " + kind + ", " + p + ": " + v + "}");
        return Combinators.combine(Arbitraries.of("jms:queue:in", "kafka:in", "x"), stubLine.list().ofMaxSize(3),
                condition, reply, fault.list().ofMaxSize(2)).as((listen, lines, when, answer, faults) ->
                "stubs:\n  - listen: " + listen + "\n" + String.join("", lines) + "    faults: [" + String.join(", ", faults) + "]\n"
                        + "    rules:\n      - when: {" + when + "}\n        reply: " + answer + "\n");
    }

    @Property(tries = Fuzz.TRIES, seed = Fuzz.SEED)
    void aStubFileReadsOrFailsWithAStubFileExceptionNamingTheSource(@ForAll("files") String yaml) {
        String input = BadInput.preview(yaml);
        Guard.Outcome outcome = guard.run(input, () -> StubFiles.parse(yaml, SOURCE));

        BadInput.expect(outcome, StubFileException.class, SOURCE, input);
        if (outcome.threw()) {
            assertThat(outcome.thrown().getMessage()).matches("(?s)" + java.util.regex.Pattern.quote(SOURCE) + "(:\\d+(:\\d+)?)?: .+");
        }
    }

    private static List<String> seeds() {
        try {
            return List.of(Files.readString(Path.of("src/test/resources/stubs/every-key.yaml")), """
                    stubs:
                      - name: payments
                        listen: jms:queue:payment.requests
                        rules:
                          - when: {jsonPath: {$.amount: {greaterThan: 1000}}, header: {x-channel: {matches: "web|app"}}}
                            reply: {json: '{"orderId": "{{ $.orderId }}", "status": "DECLINED"}', after: 250ms}
                          - when: {anyOf: [{key: {equals: k-1}}, {not: {text: {contains: express}}}]}
                            reply: {file: replies/third.json, avro: {schema: replies/payment-result.avsc, schemaId: 7}}
                          - reply: {text: "ok {{ random(1, 9) }}", to: kafka:payments.out, headers: {h: "{{ key }}"}}
                    """, """
                    x-base: &base {kind: delay, duration: 1s}
                    interceptors:
                      - {from: kafka:a, to: kafka:b, faults: [*base, {<<: *base, everyNth: 2}, drop]}
                    """);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tokens() {
        List<String> all = new ArrayList<>(Mutations.YAML_TOKENS);
        all.addAll(List.of("stubs:", "interceptors:", "listen: ", "rules:", "reply: ", "replies: ", "json: ", "text: ", "file: ",
                "when: ", "jsonPath:", "header:", "anyOf: ", "not: ", "faults:", "kind: ", "delay", "drop", "duration: ",
                "everyNth: ", "probability: ", "seed: ", "after: ", "1h", "PT-1S", "99999999999999999999ms", "1e400", "0x7fffffff",
                "{{ $.x }}", "{{ random(1, 99999999999999999999) }}", "kafka:", "jms:queue:", "jms:topic:", "replyTo: ",
                "statePer: ", "{jsonPath: '$['}", "correlateBy: ", "schemaId: ", "-1", "NaN", "matches: '('", "greaterThan: "));
        return List.copyOf(all);
    }
}
