package io.sitkit.contract;

import io.sitkit.fuzz.BadInput;
import io.sitkit.fuzz.Fuzz;
import io.sitkit.fuzz.Gen;
import io.sitkit.fuzz.Guard;
import io.sitkit.fuzz.Mutations;
import io.sitkit.schema.SchemaException;

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

/**
 * Contract YAML: {@link Contracts#parse} reads mutated and random contract files into a
 * {@link Contract} or fails with a {@link SchemaException} naming the contract (and, for an error
 * in a schema file it refers to, that file). Schema files resolve against
 * {@code src/test/resources/contracts}, where the seeds' are.
 */
class ContractFuzzTest {
    private static final Path DIR = Path.of("src/test/resources/contracts");
    private static final String SOURCE = "src/test/resources/contracts/fuzz.yaml";
    private static final List<String> SEEDS = seeds();
    private static final List<String> TOKENS = tokens();
    private static Guard guard;

    @BeforeAll
    static void start() {
        guard = Guard.start("contract-fuzz");
    }

    @AfterAll
    static void stop() {
        guard.close();
    }

    private static Function<SplittableRandom, String> contracts() {
        return Mutations.text(SEEDS, TOKENS);
    }

    @Test
    void aContractReadsOrFailsWithASchemaExceptionNamingItsSource() {
        Fuzz.check(Fuzz.SEED, contracts(), BadInput::preview, this::tryOne);
    }

    private void tryOne(String yaml) {
        String input = BadInput.preview(yaml);
        Guard.Outcome outcome = guard.run(input, () -> Contracts.parse(yaml, SOURCE, DIR.toAbsolutePath()));

        BadInput.expect(outcome, SchemaException.class, SOURCE, input);
    }

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        try (var files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                seeds.add(Files.readString(f));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        seeds.add("""
                name: inline-schemas
                destination: jms:topic:events
                key: {format: json-schema, schema: {type: string, pattern: "^k-[0-9]+$"}}
                payload:
                  format: avro
                  encoding: plain
                  schema: {"type": "record", "name": "E", "fields": [{"name": "id", "type": "string"}]}
                headers: [{name: x-a, pattern: "a|b"}, x-b]
                examples: ['{"id": "e-1"}']
                consumers:
                  - name: reader
                    reads: [$.id, {path: $.at, type: string}]
                """);
        return List.copyOf(seeds);
    }

    private static List<String> tokens() {
        List<String> all = new ArrayList<>(Mutations.YAML_TOKENS);
        all.addAll(List.of("name: ", "destination: ", "kafka:", "jms:queue:", "payload:", "key:", "format: ", "avro", "json-schema",
                "protobuf", "encoding: ", "confluent", "file: ", "schema: ", "include: ", "type: ", "headers:", "pattern: ",
                "'('", "examples:", "consumers:", "reads:", "path: ", "$.", "$[", "integer", "any", "nope", "../", "..",
                "schemas/", ".schema.json", "{\"type\": \"record\"}", "io.sitkit.samples.common.Money", "\u0000"));
        return List.copyOf(all);
    }
}
