package io.sitkit.report;

import io.sitkit.config.Secrets;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.TestMessages;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.sitkit.report.SampleRun.ORDERS;
import static io.sitkit.report.SampleRun.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunReportBuilderTest {

    private static RunReportBuilder builder(Redactor redactor) {
        return new RunReportBuilder("embedded", TestMessages.T0, redactor, MessageTypes.byDefault());
    }

    @Test
    void aTimelineEntryKeepsPositionKeyTypeSizeAndCorrelationOfEachMessage() {
        RunReport report = SampleRun.report();

        TimelineEntry placed = report.test("checkout#paysForOneItem").orElseThrow().timeline().get(0);

        assertThat(placed.destination()).isEqualTo(ORDERS);
        assertThat(placed.position()).isEqualTo("kafka:shop.orders.v1[0]@17");
        assertThat(placed.key()).contains("o-1");
        assertThat(placed.correlationKey()).contains("o-1");
        assertThat(placed.messageType()).contains("OrderPlaced");
        assertThat(placed.capturedAt()).isEqualTo(TestMessages.T0);
        assertThat(placed.size()).isEqualTo(placed.preview().length());
    }

    @Test
    void secretsNeverReachPreviewsFailuresOrViolations() {
        RunReport report = SampleRun.report();

        TestRecord declined = report.test("checkout#declinedCard").orElseThrow();
        TestRecord paid = report.test("checkout#paysForOneItem").orElseThrow();

        assertThat(declined.timeline().get(1).preview()).contains(Secrets.MASK).doesNotContain(PASSWORD);
        assertThat(paid.timeline().get(1).preview()).doesNotContain("4111111111111111").contains("\"cardNumber\":\"" + Secrets.MASK + "\"");
        assertThat(declined.failure()).hasValueSatisfying(f -> assertThat(f).doesNotContain(PASSWORD).contains(Secrets.MASK));
    }

    @Test
    void aCorrelationKeyReadFromAMaskedFieldIsShownAsAStablePseudonym() {
        RunReportBuilder run = builder(Redactor.builder().fields("patientId").build());
        run.testStarted("t", "C", "t", Set.of());
        List<Message> messages = List.of(
                TestMessages.kafka("patients", 0, null, "{\"patientId\":\"P-991\"}", 0),
                TestMessages.kafka("emr", 0, null, "{\"patientId\":\"P-991\"}", 10),
                TestMessages.kafka("emr", 1, null, "{\"patientId\":\"P-123\"}", 20));

        run.addMessages("t", messages, m -> m.payloadJson().get("patientId").asText());

        List<TimelineEntry> timeline = run.build(TestMessages.T0.plusSeconds(1), Inventory.declared()).tests().get(0).timeline();
        assertThat(timeline).extracting(e -> e.correlationKey().orElseThrow()).allMatch(k -> k.matches("masked-[0-9a-f]{8}"));
        assertThat(timeline.get(0).correlationKey()).isEqualTo(timeline.get(1).correlationKey());
        assertThat(timeline.get(2).correlationKey()).isNotEqualTo(timeline.get(0).correlationKey());
        assertThat(timeline).allSatisfy(e -> assertThat(e.preview()).doesNotContain("P-991").doesNotContain("P-123"));
    }

    @Test
    void aCorrelationKeyUntouchedByRedactionIsShownAsIs() {
        RunReportBuilder run = builder(Redactor.builder().fields("ssn").build());
        run.testStarted("t", "C", "t", Set.of());

        run.addMessages("t", List.of(TestMessages.kafka("orders", 0, "o-9", "{\"ssn\":\"1\",\"id\":\"o-9\"}", 0)),
                m -> m.keyText().orElse(null));

        assertThat(run.build(TestMessages.T0, Inventory.declared()).tests().get(0).timeline().get(0).correlationKey()).contains("o-9");
    }

    @Test
    void theMessageTypeComesFromATypeHeaderOrJmsType() {
        RunReportBuilder run = builder(Redactor.none());
        run.testStarted("t", "C", "t", Set.of());

        run.addMessages("t", List.of(
                TestMessages.kafka("orders", 0, "k", "{}", 0, Header.of("ce_type", "OrderPlaced")),
                TestMessages.kafka("orders", 1, "k", "{}", 1),
                new Message(Destination.jmsQueue("q"), null, io.sitkit.core.Headers.empty(), null, io.sitkit.core.BodyType.TEXT,
                        null, TestMessages.T0.plusMillis(2), new io.sitkit.core.JmsMetadata("ID:1", null, null, "Invoice", 4, true, null, false, null))),
                m -> null);

        assertThat(run.build(TestMessages.T0, Inventory.declared()).tests().get(0).timeline())
                .extracting(TimelineEntry::messageType)
                .containsExactly(Optional.of("OrderPlaced"), Optional.empty(), Optional.of("Invoice"));
    }

    @Test
    void aFailureMessageKeepsOnlyItsFirstLines() {
        StringBuilder longMessage = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            longMessage.append("line ").append(i).append('\n');
        }

        String kept = RunReportBuilder.firstLines(longMessage.toString());

        assertThat(kept.lines()).hasSize(RunReportBuilder.FAILURE_LINES + 1).startsWith("line 1").endsWith("…");
        assertThat(kept).contains("line 12").doesNotContain("line 13");
    }

    @Test
    void aTestStillRunningWhenTheReportIsBuiltIsAbortedAndSaysSo() {
        RunReportBuilder run = builder(Redactor.none());
        run.testStarted("slow", "C", "slow one", Set.of());

        TestRecord slow = run.build(TestMessages.T0, Inventory.declared()).tests().get(0);

        assertThat(slow.status()).isEqualTo(TestStatus.ABORTED);
        assertThat(slow.failure()).contains("still running when the report was built");
    }

    @Test
    void addingToATestThatWasNeverStartedSaysWhatToCallFirst() {
        RunReportBuilder run = builder(Redactor.none());

        assertThatThrownBy(() -> run.finished("ghost", TestStatus.PASSED, Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unknown test id 'ghost'; call testStarted(\"ghost\", …) first");
    }

    @Test
    void startingTheSameTestIdTwiceIsRefused() {
        RunReportBuilder run = builder(Redactor.none());
        run.testStarted("t", "C", "t", Set.of());

        assertThatThrownBy(() -> run.testStarted("t", "C", "t", Set.of()))
                .hasMessage("test id 't' was started twice; ids must be unique within a run");
    }

    @Test
    void testsAppearInTheOrderTheyStarted() {
        assertThat(SampleRun.report().tests()).extracting(TestRecord::id)
                .containsExactly("checkout#paysForOneItem", "checkout#declinedCard", "audit#rejectsEmptyOrder");
    }

    @Test
    void testsRunningInParallelLoseNothing() throws Exception {
        RunReportBuilder run = builder(SampleRun.redactor());
        int threads = 8;
        int testsPerThread = 25;
        int batches = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < testsPerThread; i++) {
                        String id = "t" + thread + "-" + i;
                        run.testStarted(id, "C", id, Set.of("parallel"));
                        for (int b = 0; b < batches; b++) {
                            run.addMessages(id, List.of(TestMessages.kafka("shared", b, id, "{\"n\":" + b + "}", b)), m -> id);
                            run.addViolation(id, "v" + b);
                        }
                        run.finished(id, TestStatus.PASSED, Duration.ofMillis(i));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        RunReport report = run.build(TestMessages.T0.plusSeconds(60), Inventory.declared());

        assertThat(report.tests()).hasSize(threads * testsPerThread).allSatisfy(t -> {
            assertThat(t.timeline()).hasSize(batches);
            assertThat(t.violations()).hasSize(batches);
            assertThat(t.status()).isEqualTo(TestStatus.PASSED);
        });
        assertThat(report.coverage().cells()).singleElement().satisfies(c -> {
            assertThat(c.messages()).isEqualTo(threads * testsPerThread * batches);
            assertThat(c.tests()).hasSize(threads * testsPerThread);
        });
    }
}
