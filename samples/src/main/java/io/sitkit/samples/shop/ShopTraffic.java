package io.sitkit.samples.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Demo traffic: places an order through the cart at a steady pace — one to three lines from the
 * catalogue, every fifth with discount code {@code SAVE10}, every seventh paid with a card the
 * gateway declines — so a sandbox has something to inspect. The same seed gives the same orders.
 *
 * <pre>{@code
 * try (ShopSystem shop = ShopSystem.start(wiring, Bug.none());
 *      ShopTraffic traffic = ShopTraffic.start(shop.cart(), Duration.ofSeconds(1), 42)) {
 *     ... // orders demo-1, demo-2, … flow through every service
 * }
 * }</pre>
 *
 * <p>Thread-safety: orders are placed on one daemon thread; {@link #placed()} and {@link #close()}
 * may be called from any thread.
 */
public final class ShopTraffic implements AutoCloseable {
    /** Unit prices of the catalogue. */
    public static final Map<String, String> PRICES = Map.of("sku-mug", "7.25", "sku-tee", "14.99", "sku-cap", "19.99",
            "sku-pen", "2.50", "sku-sticker", "3.49");
    private static final Logger LOG = LoggerFactory.getLogger(ShopTraffic.class);
    private static final List<String> SKUS = PRICES.keySet().stream().sorted().toList();
    private final Cart cart;
    private final Random random;
    private final AtomicInteger placed = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sample-shop-traffic");
        t.setDaemon(true);
        return t;
    });

    private ShopTraffic(Cart cart, long seed) {
        this.cart = cart;
        this.random = new Random(seed);
    }

    /** Places the first order now and one every {@code every} after it. */
    public static ShopTraffic start(Cart cart, Duration every, long seed) {
        if (every == null || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the pace of demo orders must be positive, was " + every);
        }
        ShopTraffic traffic = new ShopTraffic(cart, seed);
        traffic.timer.scheduleAtFixedRate(traffic::placeOne, 0, every.toNanos(), TimeUnit.NANOSECONDS);
        return traffic;
    }

    /** The order the {@code n}-th call (from 1) places with this seed's random choices. */
    Order next(int n) {
        List<Line> lines = new ArrayList<>();
        List<String> skus = new ArrayList<>(SKUS);
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String sku = skus.remove(random.nextInt(skus.size()));
            lines.add(Line.of(sku, 1 + random.nextInt(3), PRICES.get(sku)));
        }
        Order order = new Order("demo-" + n, "customer" + (1 + random.nextInt(20)) + "@example.com", lines,
                java.util.Optional.empty(), n % 7 == 0 ? "tok_declined" : "tok_visa");
        return n % 5 == 0 ? order.withDiscountCode("SAVE10") : order;
    }

    private void placeOne() {
        try {
            cart.checkout(next(placed.get() + 1));
            placed.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.warn("demo order could not be placed: {}", e.getMessage()); // keep going: the demo outlives a broker hiccup
        }
    }

    /** How many orders the cart has sent so far. */
    public int placed() {
        return placed.get();
    }

    /** Stops placing orders; waits up to five seconds for one in progress. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
