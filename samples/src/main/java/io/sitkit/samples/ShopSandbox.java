package io.sitkit.samples;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Destination;
import io.sitkit.sandbox.Sandbox;
import io.sitkit.samples.shop.Bug;
import io.sitkit.samples.shop.ShopSystem;
import io.sitkit.samples.shop.ShopTraffic;
import io.sitkit.samples.support.Wiring;
import io.sitkit.schema.registry.LocalSchemaRegistry;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The sandbox with the e-commerce system running on it and demo orders flowing: the embedded
 * brokers (and any {@code sitkit.sandbox.stubs}), a local schema registry, every shop service, and
 * an order placed every {@code sitkit.samples.traffic-every} (default {@code 1s}) — something to
 * point the inspector at and explore. Runs until Ctrl-C.
 *
 * <pre>{@code
 * samples/run sandbox
 * }</pre>
 *
 * <p>Thread-safety: {@link #start} and {@link #close} from one thread; the services run on their own.
 */
public final class ShopSandbox implements AutoCloseable {
    /** How often a demo order is placed, e.g. {@code 500ms}, {@code 2s}. */
    public static final String TRAFFIC_EVERY = "sitkit.samples.traffic-every";
    /** Where Apicurio Registry is unpacked (the samples build unpacks it into {@code samples/target/apicurio}). */
    public static final String APICURIO_HOME = "sitkit.test.apicurio.home";

    private final List<AutoCloseable> running;
    private final ShopTraffic traffic;

    private ShopSandbox(List<AutoCloseable> running, ShopTraffic traffic) {
        this.running = running;
        this.traffic = traffic;
    }

    public static void main(String[] args) throws InterruptedException {
        ShopSandbox sandbox = start(SitkitConfig.load(), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shop sandbox stopping after " + sandbox.traffic.placed() + " demo orders…");
            sandbox.close();
            stopped.countDown();
        }, "shop-sandbox-shutdown"));
        stopped.await();
    }

    /** Starts brokers, registry, shop and traffic, and prints how to reach them to {@code out}. */
    public static ShopSandbox start(SitkitConfig config, PrintStream out) {
        String home = System.getProperty(APICURIO_HOME);
        if (home == null) {
            throw new IllegalStateException(APICURIO_HOME + " is not set: start the shop sandbox with samples/run sandbox,"
                    + " which unpacks Apicurio Registry into samples/target/apicurio");
        }
        Duration every = config.duration(TRAFFIC_EVERY, Duration.ofSeconds(1));
        List<AutoCloseable> running = new ArrayList<>();
        try {
            Sandbox sandbox = Sandbox.start(config, out);
            running.add(sandbox);
            LocalSchemaRegistry registry = LocalSchemaRegistry.start(Path.of(home),
                    Path.of("target", "shop-sandbox-registry.log"), Duration.ofSeconds(90));
            running.add(registry);
            Map<String, String> connection = new HashMap<>(sandbox.environment().connectionProperties());
            connection.put(ConfigKeys.SCHEMA_REGISTRY_URL, registry.confluentUrl());
            ShopSystem shop = ShopSystem.start(Wiring.of(connection, Destination::parse), Bug.none());
            running.add(shop);
            ShopTraffic traffic = ShopTraffic.start(shop.cart(), every, 42);
            running.add(traffic);
            describe(out, registry, every);
            return new ShopSandbox(running, traffic);
        } catch (RuntimeException e) {
            closeAll(running, e);
            throw e;
        }
    }

    private static void describe(PrintStream out, LocalSchemaRegistry registry, Duration every) {
        out.println("  Schema registry         : " + registry.confluentUrl() + "    (" + ConfigKeys.SCHEMA_REGISTRY_URL
                + ", Confluent API of Apicurio Registry)");
        out.println("The e-commerce sample is running, a demo order every " + every.toMillis() + " ms:");
        out.println("  kafka:checkout-requests → checkout → jms:queue:payment.requests ⇄ payment gateway (reply on jms:queue:payment.replies)");
        out.println("  → kafka:orders-placed (Avro, Confluent) → orders, inventory → kafka:order-events, kafka:inventory-events");
        out.println("  → notifications on jms:topic:notifications; results on kafka:checkout-results");
        out.println("Press Ctrl-C to stop.");
    }

    /** Stops the traffic, the shop, the registry, then the brokers. */
    @Override
    public void close() {
        closeAll(running, null);
    }

    private static void closeAll(List<AutoCloseable> running, RuntimeException cause) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                }
            }
        }
        running.clear();
    }
}
