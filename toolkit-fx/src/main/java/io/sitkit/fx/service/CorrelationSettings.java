package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.env.DemoTraffic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the correlation view finds one business key on a profile's destinations, saved with the
 * profile: a rule per destination (where it carries the key), the rule for every other destination,
 * and an optional expected route — the destinations a flow should pass, in order, so a missing
 * hop shows as a gap.
 *
 * <p>In {@code profiles.json} they are settings of the profile (values in the form of {@link KeySource#text()}):
 * <pre>
 * "sitkit.fx.correlation.default" : "key",
 * "sitkit.fx.correlation.rule.jms:queue:demo.payment-requests" : "correlationId",
 * "sitkit.fx.correlation.rule.kafka:orders" : "jsonPath:$.orderId",
 * "sitkit.fx.correlation.route" : "kafka:demo.orders, jms:queue:demo.payment-requests, kafka:demo.payments"
 * </pre>
 * No default saved means {@code key}; a profile that saves none of these keys and is the sandbox with
 * demo traffic gets {@link #demo()}.
 *
 * <pre>{@code
 * CorrelationSettings s = CorrelationSettings.of(profile)
 *         .withRule(Destination.kafka("orders"), KeySource.jsonPath("$.orderId"))
 *         .withRoute(List.of(Destination.kafka("orders"), Destination.kafka("shipments")));
 * ConnectionProfile saved = s.applyTo(profile);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param fallback the rule of destinations without their own
 * @param rules    a rule per destination
 * @param route    the expected route, in order; empty when none is set
 */
public record CorrelationSettings(KeySource fallback, Map<Destination, KeySource> rules, List<Destination> route) {
    /** Prefix of every correlation setting in a profile. */
    public static final String PREFIX = "sitkit.fx.correlation.";
    /** The rule of destinations without their own. */
    public static final String DEFAULT = PREFIX + "default";
    /** Prefix of a destination's rule: followed by its address, e.g. {@code kafka:orders}. */
    public static final String RULE = PREFIX + "rule.";
    /** The expected route: addresses separated by commas. */
    public static final String ROUTE = PREFIX + "route";

    public CorrelationSettings {
        Objects.requireNonNull(fallback, "fallback");
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        route = List.copyOf(route);
        if (new LinkedHashSet<>(route).size() != route.size()) {
            throw new IllegalArgumentException("the expected route names a destination twice: " + route);
        }
    }

    /** Every destination by its key ({@code kafkaKey}; for JMS, {@code JMSXGroupID}), no route. */
    public static CorrelationSettings none() {
        return new CorrelationSettings(KeySource.kafkaKey(), Map.of(), List.of());
    }

    /**
     * The sandbox demo shop's: orders and payment results by key, payment requests by JMS
     * correlation id, along orders → payment requests → payment results.
     */
    public static CorrelationSettings demo() {
        return none().withRule(Destination.parse(DemoTraffic.PAYMENT_REQUESTS), KeySource.jmsCorrelationId())
                .withRoute(List.of(Destination.parse(DemoTraffic.ORDERS), Destination.parse(DemoTraffic.PAYMENT_REQUESTS),
                        Destination.parse(DemoTraffic.PAYMENT_EVENTS)));
    }

    /**
     * The settings saved in {@code profile} (see the class comment).
     *
     * @throws IllegalArgumentException naming the setting that does not read
     */
    public static CorrelationSettings of(ConnectionProfile profile) {
        Map<String, String> s = profile.settings();
        boolean saved = s.keySet().stream().anyMatch(k -> k.startsWith(PREFIX));
        if (!saved) {
            return profile.kind() == ConnectionProfile.Kind.SANDBOX && profile.demoTraffic() ? demo() : none();
        }
        KeySource fallback = s.containsKey(DEFAULT) ? read(profile, DEFAULT) : KeySource.kafkaKey();
        Map<Destination, KeySource> rules = new LinkedHashMap<>();
        for (String k : s.keySet()) {
            if (k.startsWith(RULE)) {
                rules.put(address(profile, k, k.substring(RULE.length())), read(profile, k));
            }
        }
        List<Destination> route = new ArrayList<>();
        for (String a : s.getOrDefault(ROUTE, "").split(",")) {
            if (!a.isBlank()) {
                route.add(address(profile, ROUTE, a.strip()));
            }
        }
        try {
            return new CorrelationSettings(fallback, rules, route);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile '" + profile.name() + "', " + ROUTE + ": " + e.getMessage(), e);
        }
    }

    private static KeySource read(ConnectionProfile profile, String key) {
        try {
            return KeySource.parse(profile.settings().get(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile '" + profile.name() + "', " + key + ": " + e.getMessage(), e);
        }
    }

    private static Destination address(ConnectionProfile profile, String key, String address) {
        try {
            return Destination.parse(address);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("profile '" + profile.name() + "', " + key + ": '" + address
                    + "' is not a destination address (kafka:<topic>, jms:queue:<name>, jms:topic:<name>)", e);
        }
    }

    /** {@code profile} with these settings in place of the correlation settings it had. */
    public ConnectionProfile applyTo(ConnectionProfile profile) {
        ConnectionProfile p = profile;
        for (String k : profile.settings().keySet()) {
            if (k.startsWith(PREFIX)) {
                p = p.withSetting(k, null);
            }
        }
        p = p.withSetting(DEFAULT, fallback.text());
        for (Map.Entry<String, KeySource> e : new TreeMap<>(stringKeys()).entrySet()) {
            p = p.withSetting(RULE + e.getKey(), e.getValue().text());
        }
        return p.withSetting(ROUTE, String.join(", ", route.stream().map(Destination::toString).toList()));
    }

    private Map<String, KeySource> stringKeys() {
        Map<String, KeySource> out = new LinkedHashMap<>();
        rules.forEach((d, s) -> out.put(d.toString(), s));
        return out;
    }

    /** The core's rules: each destination's own, the fallback for the rest. */
    public CorrelationRules correlationRules() {
        CorrelationRules r = CorrelationRules.byDefault(fallback);
        for (Map.Entry<Destination, KeySource> e : rules.entrySet()) {
            r = r.on(e.getKey(), e.getValue());
        }
        return r;
    }

    /** The rule {@code d} is read by: its own, else the fallback. */
    public KeySource sourceFor(Destination d) {
        return Optional.ofNullable(rules.get(d)).orElse(fallback);
    }

    /** A copy where {@code d} carries the key at {@code source}; null removes its own rule. */
    public CorrelationSettings withRule(Destination d, KeySource source) {
        Map<Destination, KeySource> copy = new LinkedHashMap<>(rules);
        if (source == null) {
            copy.remove(d);
        } else {
            copy.put(Objects.requireNonNull(d, "destination"), source);
        }
        return new CorrelationSettings(fallback, copy, route);
    }

    public CorrelationSettings withFallback(KeySource source) {
        return new CorrelationSettings(source, rules, route);
    }

    public CorrelationSettings withRoute(List<Destination> newRoute) {
        return new CorrelationSettings(fallback, rules, newRoute);
    }

    /** Reads a route typed as addresses separated by commas, spaces, arrows or new lines. */
    public static List<Destination> parseRoute(String text) {
        List<Destination> out = new ArrayList<>();
        for (String a : (text == null ? "" : text).split("[,\\s]+|->|→")) {
            if (!a.isBlank()) {
                try {
                    out.add(Destination.parse(a.strip()));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("route: '" + a.strip() + "' is not a destination address"
                            + " (kafka:<topic>, jms:queue:<name>, jms:topic:<name>)", e);
                }
            }
        }
        return out;
    }

    /** "kafka:a → jms:queue:b → kafka:c", or "" without a route. */
    public String describeRoute() {
        return String.join(" → ", route.stream().map(Destination::toString).toList());
    }

    @Override
    public String toString() {
        return "CorrelationSettings{" + correlationRules() + (route.isEmpty() ? ", no route" : ", route " + Arrays.toString(route.toArray())) + "}";
    }
}
