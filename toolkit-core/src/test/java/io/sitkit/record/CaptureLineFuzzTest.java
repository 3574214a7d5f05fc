package io.sitkit.record;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.fuzz.BadInput;
import io.sitkit.fuzz.Fuzz;
import io.sitkit.fuzz.Gen;
import io.sitkit.fuzz.Guard;
import io.sitkit.fuzz.Mutations;
import io.sitkit.redact.Redactor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording lines: {@link CaptureFileReader} reads a capture file whose header or message line was
 * mutated (or that is random bytes) to its entries or fails with a {@link CaptureFileException}
 * naming the file and line.
 */
class CaptureLineFuzzTest {
    private static final String NAME = "capture file fuzz.jsonl";
    private static final List<String> LINES = validLines();
    private static final String HEADER = LINES.get(0);
    private static final List<String> MESSAGES = LINES.subList(1, LINES.size());
    private static Guard guard;

    @BeforeAll
    static void start() {
        guard = Guard.start("capture-fuzz");
    }

    @AfterAll
    static void stop() {
        guard.close();
    }

    private static Function<SplittableRandom, byte[]> files() {
        Function<SplittableRandom, String> badMessage = Mutations.line(MESSAGES, Mutations.JSON_TOKENS).andThen(line -> HEADER + "\n" + line + "\n");
        Function<SplittableRandom, String> badHeader = Mutations.line(List.of(HEADER), Mutations.JSON_TOKENS)
                .andThen(h -> h + "\n" + MESSAGES.get(0) + "\n");
        Function<SplittableRandom, byte[]> badBytes = Mutations.bytes(List.of((HEADER + "\n" + MESSAGES.get(0) + "\n").getBytes(StandardCharsets.UTF_8),
                (HEADER + "\n" + MESSAGES.get(3) + "\n").getBytes(StandardCharsets.UTF_8)));
        return Gen.frequency(
                Gen.weighted(7, badMessage.andThen(s -> s.getBytes(StandardCharsets.UTF_8))),
                Gen.weighted(1, badHeader.andThen(s -> s.getBytes(StandardCharsets.UTF_8))),
                Gen.weighted(2, badBytes));
    }

    @Test
    void aCaptureFileReadsOrFailsWithACaptureFileExceptionNamingFileAndLine() {
        Fuzz.check(Fuzz.SEED, files(), f -> BadInput.preview(new String(f, StandardCharsets.UTF_8)), this::tryOne);
    }

    private void tryOne(byte[] file) {
        String input = BadInput.preview(new String(file, StandardCharsets.UTF_8));
        Guard.Outcome outcome = guard.run(input, () -> {
            try (CaptureFileReader reader = CaptureFileReader.open(new ByteArrayInputStream(file), NAME)) {
                List<CaptureFileReader.Entry> entries = new ArrayList<>();
                reader.forEach(entries::add);
                return entries;
            }
        });

        BadInput.expect(outcome, CaptureFileException.class, "", input);
        if (outcome.threw()) {
            assertThat(outcome.thrown().getMessage()).containsPattern(java.util.regex.Pattern.quote(NAME)
                    + "(, line \\d+: | is empty)");
        }
    }

    /** The header and one line per shape of message the format carries. */
    private static List<String> validLines() {
        Instant t = Instant.parse("2026-01-01T10:00:00.123456789Z");
        List<Message> messages = List.of(
                new Message(Destination.kafka("orders"), "o-1".getBytes(StandardCharsets.UTF_8), Headers.of(Header.of("trace", "t-1"),
                        Header.of("bin", new byte[]{0, (byte) 0xff}), Header.of("none", (byte[]) null)),
                        "{\"id\":1,\"total\":12.50}".getBytes(StandardCharsets.UTF_8), BodyType.BYTES, t.minusMillis(3), t,
                        new KafkaMetadata(2, 17, "CreateTime", 3)),
                new Message(Destination.kafka("orders"), null, Headers.empty(), null, BodyType.BYTES, null, t,
                        new KafkaMetadata(0, 18, null, -1)),
                new Message(Destination.jmsQueue("payments"), "group-1".getBytes(StandardCharsets.UTF_8),
                        Headers.of(Header.typed("retries", 3), Header.typed("vip", true), Header.typed("amount", 12.5d),
                                Header.typed("name", "Zoë ✓"), Header.typed("l", 4L), Header.typed("f", 1.5f)),
                        "<pay id=\"1\"/>".getBytes(StandardCharsets.UTF_8), BodyType.TEXT, t, t.plusSeconds(1),
                        new JmsMetadata("ID:1", "corr-1", Destination.jmsTopic("replies"), "PaymentRequested", 7, true,
                                t.plusSeconds(60), true, null)),
                new Message(Destination.jmsQueue("objects"), null, Headers.empty(), new byte[]{(byte) 0xac, (byte) 0xed, 0, 5},
                        BodyType.OBJECT, t, t, new JmsMetadata("ID:2", null, Destination.jmsQueue("back"), null, 0, true, null,
                        false, "com.acme.Order")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CaptureFileWriter writer = CaptureFileWriter.open(out, Map.of("test", "fuzz"), Redactor.builder().fields("total").build())) {
            writer.write(messages.get(0), Map.of("orderId", "1"), Map.of("step", "placed"));
            messages.subList(1, messages.size()).forEach(writer::write);
        }
        return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    }
}
