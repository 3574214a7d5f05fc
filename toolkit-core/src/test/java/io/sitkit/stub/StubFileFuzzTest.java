package io.sitkit.stub;

import io.sitkit.fuzz.BadInput;
import io.sitkit.fuzz.Fuzz;
import io.sitkit.fuzz.Gen;
import io.sitkit.fuzz.Guard;
import io.sitkit.fuzz.Mutations;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

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

    @BeforeAll
    static void start() {
        guard = Guard.start("stub-file-fuzz");
    }

    @AfterAll
    static void stop() {
        guard.close();
    }

    private static Function<SplittableRandom, String> files() {
        return Gen.frequency(Gen.weighted(3, Mutations.text(SEEDS, TOKENS)), Gen.weighted(2, structured()));
    }

    /**
     * Stub files built from the format's grammar with odd values in every slot, so inputs get past
     * the YAML syntax to the checks of each key: durations that overflow, ids out of range,
     * destinations, regular expressions and templates that do not parse.
     */
    private static Function<SplittableRandom, String> structured() {
        Function<SplittableRandom, String> odd = Gen.of("x", "''", "' '", "~", "[]", "{}", "-1", "0", "1e999", "99999999999999999999",
                "9223372036854775807", "0x7fffffff", ".nan", "true", "PT-1S", "PT0.5S", "1ms", "999999999999999999h",
                "9999999999999999999999s", "250ms", "jms:queue:q", "kafka:t", "kafka:", "jms:topic: ", "'('", "'{{'", "'{{ $. }}'",
                "'{{ random(2, 1) }}'", "'{\"a\": {{ $.a }}}'", "replies/second.txt", "replies/", "/", "'\\0'", "&a x", "*a");
        Function<SplittableRandom, String> key = Gen.of("name", "replyTo", "alwaysReplyTo", "correlateBy",
                "copyHeaders", "statePer", "kafkaHeaders", "seed", "verifyTimeout", "listn");
        Function<SplittableRandom, String> stubLine = r -> "    " + key.apply(r) + ": " + odd.apply(r) + "\n";
        Function<SplittableRandom, String> form = Gen.of("jsonPath: {'$.a': {%s: %s}}", "jsonPath: {'%s': exists}",
                "header: {x: {%s: %s}}", "key: {%s: %s}", "text: {%s: %s}", "anyOf: [{key: {%s: %s}}]", "not: {%s: %s}", "%s: %s");
        Function<SplittableRandom, String> test = Gen.of("equals", "matches", "greaterThan", "lessThanOrEqual", "contains", "regex",
                "exists", "absent", "bogus");
        Function<SplittableRandom, String> condition = r -> String.format(form.apply(r), test.apply(r), odd.apply(r));
        Function<SplittableRandom, String> replyKey = Gen.of("json", "text", "file", "key", "to", "after", "avro", "headers", "none");
        Function<SplittableRandom, String> extra = Gen.of("", ", after: 1h", ", avro: {schema: replies/payment-result.avsc, schemaId: -1}",
                ", headers: {h: '{{ key }}'}", ", to: kafka:out");
        Function<SplittableRandom, String> reply = r -> "{" + replyKey.apply(r) + ": " + odd.apply(r) + extra.apply(r) + "}";
        Function<SplittableRandom, String> kind = Gen.of("delay", "random-delay", "spike", "drop", "duplicate", "reorder", "truncate",
                "flip-bytes", "invalid-json", "poison", "wrong-schema-version", "slow-consumer");
        Function<SplittableRandom, String> param = Gen.of("duration", "min", "max", "window", "keep", "count", "schemaId", "perMessage",
                "everyNth", "probability");
        Function<SplittableRandom, String> fault = r -> "{kind: " + kind.apply(r) + ", " + param.apply(r) + ": " + odd.apply(r) + "}";
        Function<SplittableRandom, String> listen = Gen.of("jms:queue:in", "kafka:in", "x");
        Function<SplittableRandom, List<String>> lines = Gen.list(stubLine, 0, 3);
        Function<SplittableRandom, List<String>> faults = Gen.list(fault, 0, 2);
        return r -> "stubs:\n  - listen: " + listen.apply(r) + "\n" + String.join("", lines.apply(r)) + "    faults: ["
                + String.join(", ", faults.apply(r)) + "]\n"
                + "    rules:\n      - when: {" + condition.apply(r) + "}\n        reply: " + reply.apply(r) + "\n";
    }

    @Test
    void aStubFileReadsOrFailsWithAStubFileExceptionNamingTheSource() {
        Fuzz.check(Fuzz.SEED, files(), BadInput::preview, this::tryOne);
    }

    private void tryOne(String yaml) {
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
