package io.sitkit.samples.shop;

import io.sitkit.samples.support.Wiring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The whole shop, or the part of it a test wants: payment gateway, inventory, orders,
 * notifications, checkout and cart, each with its own clients, started lower services first and
 * stopped in reverse.
 *
 * <pre>{@code
 * try (ShopSystem shop = ShopSystem.start(wiring, Bug.none())) {                 // big bang: everything
 *     shop.cart().checkout(Order.of("o-1", "ann@example.com", "tok_visa", Line.of("sku-mug", 1, "7.25")));
 * }
 * try (ShopSystem shop = ShopSystem.with(wiring).without(Service.PAYMENT_GATEWAY).start()) { ... }   // top down, gateway stubbed
 * }</pre>
 *
 * <p>The wiring must give {@code sitkit.kafka.bootstrap-servers}, {@code sitkit.jms.url} and
 * {@code sitkit.schema-registry.url}. Each service's consumer group is named after the service and
 * its topic ({@code checkout@checkout-requests}), so shops running side by side on other names never
 * share a group. Thread-safety: the accessors are safe from any thread;
 * {@link #close()} is idempotent.
 */
public final class ShopSystem implements AutoCloseable {
    /** The services, in the order they start: lower ones first. */
    public enum Service { PAYMENT_GATEWAY, INVENTORY, ORDERS, NOTIFICATIONS, CHECKOUT, CART }

    /** The stock the inventory starts with. */
    public static final Map<String, Integer> STOCK = Map.of("sku-mug", 40, "sku-tee", 25, "sku-cap", 10, "sku-pen", 200, "sku-sticker", 500);
    /** How long checkout waits for the payment gateway by default. */
    public static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(2);

    private final Map<Service, AutoCloseable> running;

    private ShopSystem(Map<Service, AutoCloseable> running) {
        this.running = Collections.synchronizedMap(running);
    }

    /** Starts every service with these bugs. */
    public static ShopSystem start(Wiring wiring, Set<Bug> bugs) {
        return with(wiring).bugs(bugs).start();
    }

    /** A spec of the whole shop without bugs, to narrow down before {@link Spec#start()}. */
    public static Spec with(Wiring wiring) {
        return new Spec(wiring, Bug.none(), EnumSet.allOf(Service.class), PAYMENT_TIMEOUT);
    }

    /** The cart, to check out orders with. */
    public Cart cart() {
        return get(Service.CART, Cart.class);
    }

    /** The inventory service, to read stock from. */
    public InventoryService inventory() {
        return get(Service.INVENTORY, InventoryService.class);
    }

    private <T> T get(Service service, Class<T> type) {
        AutoCloseable s = running.get(service);
        if (s == null) {
            throw new IllegalStateException(service + " is not running in this shop; it runs " + running.keySet());
        }
        return type.cast(s);
    }

    /** Stops the services in reverse order, every one even when one fails; rethrows the first failure. */
    @Override
    public void close() {
        List<Service> order = new ArrayList<>(running.keySet());
        Collections.reverse(order);
        RuntimeException first = null;
        for (Service s : order) {
            try {
                AutoCloseable service = running.remove(s);
                if (service != null) {
                    service.close();
                }
            } catch (Exception e) {
                RuntimeException wrapped = e instanceof RuntimeException r ? r : new IllegalStateException(s + " did not stop: " + e, e);
                if (first == null) {
                    first = wrapped;
                } else {
                    first.addSuppressed(wrapped);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Which services to start, with which bugs. Immutable: each method returns a new spec.
     *
     * <p>Thread-safety: immutable.
     */
    public static final class Spec {
        private final Wiring wiring;
        private final Set<Bug> bugs;
        private final Set<Service> services;
        private final Duration paymentTimeout;

        private Spec(Wiring wiring, Set<Bug> bugs, Set<Service> services, Duration paymentTimeout) {
            this.wiring = Objects.requireNonNull(wiring, "wiring");
            this.bugs = Collections.unmodifiableSet(bugs.isEmpty() ? EnumSet.noneOf(Bug.class) : EnumSet.copyOf(bugs));
            this.services = Collections.unmodifiableSet(services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services));
            this.paymentTimeout = paymentTimeout;
        }

        /** With these bugs injected. */
        public Spec bugs(Set<Bug> injected) {
            return new Spec(wiring, injected, services, paymentTimeout);
        }

        /** Without these services: a test stands in for them (top down) or drives the rest itself. */
        public Spec without(Service... missing) {
            EnumSet<Service> left = EnumSet.copyOf(services);
            left.removeAll(List.of(missing));
            return new Spec(wiring, bugs, left, paymentTimeout);
        }

        /** Only these services (bottom up: the lower ones alone first). */
        public Spec only(Service first, Service... more) {
            return new Spec(wiring, bugs, EnumSet.of(first, more), paymentTimeout);
        }

        /** Checkout waits this long for the payment gateway's answer. */
        public Spec paymentTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the payment timeout must be positive, was " + timeout);
            }
            return new Spec(wiring, bugs, services, timeout);
        }

        /** Starts the services, lower ones first; if one fails to start, those already running are stopped. */
        public ShopSystem start() {
            Set<Bug> bugs = io.sitkit.samples.support.InjectedBugs.plus(this.bugs, Bug.class, "shop");
            ShopSystem shop = new ShopSystem(new EnumMap<>(Service.class));
            try {
                for (Service s : services) {
                    shop.running.put(s, switch (s) {
                        case PAYMENT_GATEWAY -> PaymentGateway.start(wiring, bugs);
                        case INVENTORY -> InventoryService.start(wiring, STOCK);
                        case ORDERS -> OrderService.start(wiring, bugs);
                        case NOTIFICATIONS -> NotificationService.start(wiring);
                        case CHECKOUT -> Checkout.start(wiring, bugs, paymentTimeout);
                        case CART -> Cart.start(wiring, bugs);
                    });
                }
                return shop;
            } catch (RuntimeException e) {
                try {
                    shop.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }
}
