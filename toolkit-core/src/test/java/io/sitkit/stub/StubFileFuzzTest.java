package io.sitkit.stub;

import io.sitkit.fuzz.BadInput;
import io.sitkit.fuzz.Fuzz;
import io.sitkit.fuzz.Guard;
import io.sitkit.fuzz.Mutations;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
        return Mutations.text(SEEDS, TOKENS);
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
