package io.sitkit.schema.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.AvroSchemas;
import io.sitkit.schema.avro.ConfluentWireFormat;
import io.sitkit.schema.avro.RegistryAvro;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sitkit's Confluent framing cross-checked, byte for byte, against an independent implementation
 * (the npm package {@code @kafkajs/confluent-schema-registry}, on avsc) and the same real registry.
 * Needs node and npm: skipped with the reason when they are missing, failed when {@code CI=true}.
 */
class ConfluentInteropIT {
    private static final String PACKAGE = "@kafkajs/confluent-schema-registry@3.9.0";
    private static final Path DIR = Path.of("target", "npm-serde").toAbsolutePath();
    private static final Path SCHEMA = Path.of("src/test/resources/interop/payment.avsc").toAbsolutePath();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PAYMENT = "{\"paymentId\":\"p-1\",\"orderId\":\"o-1001\",\"amount\":39.8,\"attempts\":2,"
            + "\"authorizedAt\":1764054000123,\"method\":\"SEPA\",\"note\":\"Zahlung für Bestellung ✓\",\"tags\":[\"eu\",\"b2c\"],"
            + "\"attributes\":{\"psp\":\"acme\"},\"approved\":true}";
    private static LocalSchemaRegistry registry;

    @BeforeAll
    static void prepare() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        for (String tool : List.of("node", "npm")) {
            if (!onPath(tool)) {
                String reason = tool + " is not installed: the interop check against an independent Confluent encoder needs node and npm";
                if (ci) {
                    throw new AssertionError(reason + ", and CI=true, where .ci/run installs them");
                }
                Assumptions.abort(reason);
            }
        }
        if (!Files.isDirectory(DIR.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
            Files.createDirectories(DIR);
            Run install = run(List.of("npm", "install", "--prefix", DIR.toString(), "--no-audit", "--no-fund", "--loglevel=error", PACKAGE), 180);
            if (install.code != 0) {
                String reason = "npm could not install " + PACKAGE + " (offline?): " + install.output;
                if (ci) {
                    throw new AssertionError(reason);
                }
                Assumptions.abort(reason);
            }
        }
        Files.copy(Path.of("src/test/resources/interop/confluent-serde.js"), DIR.resolve("confluent-serde.js"), StandardCopyOption.REPLACE_EXISTING);
        registry = LocalRegistry.start("interop");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void both_encoders_write_the_same_bytes_and_each_reads_the_others() throws Exception {
        Schema schema = AvroSchemas.load(SCHEMA).get("io.sitkit.samples.payments.PaymentAuthorized");
        Run theirs = node("encode", registry.confluentUrl(), "payments-value", SCHEMA.toString(), PAYMENT);
        assertThat(theirs.code).as(theirs.output).isZero();
        JsonNode answer = MAPPER.readTree(theirs.output);
        int id = answer.get("id").asInt();
        byte[] theirBytes = HexFormat.of().parseHex(answer.get("hex").asText());

        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(registry.confluentUrl()));
        // the same text: Apicurio, unlike Confluent, tells schemas apart by their text, not their canonical form
        int ourId = client.register("payments-value", SchemaFormat.AVRO, Files.readString(SCHEMA));
        byte[] ourBytes = ConfluentWireFormat.frame(ourId, AvroCodec.of(schema).encodeJson(PAYMENT));

        assertThat(ourId).isEqualTo(id);
        assertThat(HexFormat.of().formatHex(ourBytes)).isEqualTo(HexFormat.of().formatHex(theirBytes));
        assertThat(RegistryAvro.using(client).decode(theirBytes, "npm").json()).isEqualTo(MAPPER.readTree(PAYMENT));
        Run back = node("decode", registry.confluentUrl(), HexFormat.of().formatHex(ourBytes));
        assertThat(back.code).as(back.output).isZero();
        assertThat(MAPPER.readTree(back.output)).isEqualTo(MAPPER.readTree(PAYMENT));
    }

    private static Run node(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", DIR.resolve("confluent-serde.js").toString()));
        cmd.addAll(List.of(args));
        return run(cmd, 60);
    }

    private record Run(int code, String output) {
    }

    private static Run run(List<String> cmd, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(DIR.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, "timed out after " + seconds + " s: " + String.join(" ", cmd));
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8).trim());
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
