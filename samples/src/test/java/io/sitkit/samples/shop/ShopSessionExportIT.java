package io.sitkit.samples.shop;

import io.sitkit.core.Capture;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.expect.Expectations;
import io.sitkit.junit.Isolation;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.junit.Smoke;
import io.sitkit.record.Recorder;
import io.sitkit.record.RecorderSpec;
import io.sitkit.record.Replay;
import io.sitkit.record.export.SessionExport;
import io.sitkit.samples.support.LocalRegistryExtension;
import io.sitkit.samples.support.Wiring;
import io.sitkit.schema.registry.SchemaRegistryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.samples.shop.ShopProbe.CHECKOUT_REQUESTS;
import static io.sitkit.samples.shop.ShopProbe.CHECKOUT_RESULTS;
import static io.sitkit.samples.shop.ShopProbe.NOTIFICATIONS;
import static io.sitkit.samples.shop.ShopProbe.ORDERS_PLACED;
import static io.sitkit.samples.shop.ShopProbe.ORDER_EVENTS;
import static io.sitkit.samples.shop.ShopProbe.PAYMENT_REPLIES;
import static io.sitkit.samples.shop.ShopProbe.PAYMENT_REQUESTS;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * An exploratory session on the shop, exported as a JUnit test: the session injects a checkout on
 * the cart's topic and watches the flow (the shop on its real, shared names, as a tester would
 * meet it), the export is compiled with the JDK compiler and run through the JUnit engine against
 * the same brokers. It passes against the shop as it was, and fails naming the tax once the order
 * service rounds tax per line — the test asserts the flow, not only its own injection. The session
 * exported as a recording replays into that shop too.
 */
@SitTest(isolation = Isolation.SHARED_NAMES)
@ExtendWith(LocalRegistryExtension.class)
class ShopSessionExportIT {
    static final String[] WATCHED = {CHECKOUT_REQUESTS, PAYMENT_REQUESTS, PAYMENT_REPLIES, ORDERS_PLACED, CHECKOUT_RESULTS,
            ORDER_EVENTS, NOTIFICATIONS};
    /** The order of ShopRecordReplayIT's tax bug: 1.83 tax on the whole order, 1.84 rounded per line. */
    static final Order ORDER = Order.of("o-1", "ann@example.com", "tok_visa", Line.of("sku-mug", 1, "7.25"), Line.of("sku-tee", 1, "14.99"));
    /** What the session's recorder writes as each message's key. */
    static final CorrelationRules BY_ORDER = CorrelationRules.byDefault(KeySource.kafkaKey())
            .on(PAYMENT_REQUESTS, KeySource.jmsCorrelationId()).on(PAYMENT_REPLIES, KeySource.jmsCorrelationId())
            .on(NOTIFICATIONS, KeySource.header("orderId"));

    /** Where the exported test and report are left for reading. */
    static final Path OUT = Path.of("target", "sitkit-session-export");

    @TempDir
    static Path dir;

    @Smoke
    @Test
    void an_exported_session_passes_against_the_shop_and_fails_naming_the_tax_when_it_is_rounded_per_line(
            SitBus bus, SitEnvironment env, SchemaRegistryClient registry) throws Exception {
        Map<String, String> connection = new HashMap<>(env.connectionProperties());
        connection.put(OrderPlacedCodec.REGISTRY_URL, registry.settings().url());
        Wiring wiring = Wiring.of(connection, bus::destination);
        Path recording = dir.resolve("checkout-session.jsonl");
        Class<?> exported;
        URLClassLoader loader;
        Path replayable;
        try (ShopSystem shop = ShopSystem.with(wiring).without(ShopSystem.Service.CART).start()) {
            try (Recorder session = bus.record(RecorderSpec.to(recording).annotated("session", "a mug and a tee").correlatedBy(BY_ORDER),
                    WATCHED)) {
                session.note("checking out a mug and a tee, as the cart would");
                session.inject(OutgoingMessage.text(CHECKOUT_REQUESTS, ShopRecordReplayIT.checkoutRequest(ORDER)).withKey("o-1"));
                session.awaitRecorded(WATCHED.length, ofSeconds(10));
                session.finding("none: the invoice's tax is the charge's");
            }
            String source = SessionExport.of(recording).ignoring("$.paymentId").within(ofSeconds(4))
                    .route(CHECKOUT_REQUESTS, PAYMENT_REQUESTS, PAYMENT_REPLIES, ORDERS_PLACED, ORDER_EVENTS, NOTIFICATIONS)
                    .toJUnitTest("io.sitkit.samples.exported", "CheckoutSessionTest");
            assertThat(source).contains("String o1 = \"o-1\" + RUN;", "jsonPath(\"$.tax\").isEqualTo(1.83)",
                    "jsonPath(\"$.subject\").isEqualTo(\"Your order \" + o1 + \" is confirmed\")");
            loader = compile(source, "io.sitkit.samples.exported.CheckoutSessionTest");
            exported = loader.loadClass("io.sitkit.samples.exported.CheckoutSessionTest");
            replayable = SessionExport.of(recording).writeRecording(OUT.resolve("checkout-session.jsonl"));
            String report = SessionExport.of(recording).toMarkdownReport();
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("CheckoutSessionTest.java"), source);
            Files.writeString(OUT.resolve("checkout-session.md"), report);
            assertThat(report).startsWith("# Session report: a mug and a tee\n")
                    .contains(" 1 injected, 6 observed on 6 destinations, 1 finding.\n", "| kafka:order-events | 1 | ")
                    .containsPattern("\n- \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\(\\+\\d+\\.\\d{3}s\\): none: the invoice's tax is the charge's\n");

            run(exported, env).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        }

        try (loader; ShopSystem buggy = ShopSystem.with(wiring).without(ShopSystem.Service.CART).bugs(Set.of(Bug.TAX_ROUNDED_PER_LINE)).start()) {
            EngineExecutionResults results = run(exported, env);

            results.testEvents().assertStatistics(s -> s.started(1).failed(1));
            String failure = results.testEvents().failed().stream().findFirst().orElseThrow().getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
            // The confirmation and the notification both carry the tax; the first of them in the recording fails first
            // (the recorder sees the JMS notification pushed, the Kafka confirmation polled: either may come first).
            assertThat(failure).startsWith("expected a message matching ")
                    .containsPattern("\n  on (kafka:order-events, key o-1-[0-9a-f]{8} by key|jms:topic:notifications, key o-1-[0-9a-f]{8} by header orderId)\n")
                    .contains("\n      FAIL $.tax == 1.83: was 1.84\n", "\n      FAIL $.total == 24.07: was 24.08\n");

            // The exported recording replays: its injection, sent again, goes through the shop as it runs now.
            try (Capture confirmations = bus.capture(ORDER_EVENTS)) {
                assertThat(Replay.of(replayable).only(Replay.INJECTED).into(bus.bus()).sent()).isEqualTo(1);
                Expectations.of(confirmations).expect(ORDER_EVENTS)
                        .message(allOf(key("o-1"), jsonPath("$.tax").isEqualTo(1.84))).within(ofSeconds(10));
            }
        }
    }

    /** Compiles {@code source} with the JDK compiler against this test's class path; returns a loader of the class. */
    private static URLClassLoader compile(String source, String className) throws IOException {
        Path src = dir.resolve("src/" + className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                "--release", "17", src.toString());
        assertThat(status).as("javac of the exported test:%n%s%n%s", errors.toString(StandardCharsets.UTF_8), source).isZero();
        return new URLClassLoader(new URL[]{classes.toUri().toURL()}, ShopSessionExportIT.class.getClassLoader());
    }

    /** Runs the exported test through the JUnit engine, on this run's brokers. */
    private static EngineExecutionResults run(Class<?> test, SitEnvironment env) {
        var kit = EngineTestKit.engine("junit-jupiter");
        env.connectionProperties().forEach(kit::configurationParameter);
        return kit.configurationParameter("sitkit.environment", "external")
                .configurationParameter("sitkit.jms.queue-observation", "mirror")
                .configurationParameter("sitkit.junit.output-dir", dir.resolve("sitkit").toString())
                .selectors(selectClass(test)).execute();
    }
}
