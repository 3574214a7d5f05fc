package io.sitkit.report;

import io.sitkit.contract.Contract;
import io.sitkit.contract.Contracts;
import io.sitkit.contract.asyncapi.AsyncApi;
import io.sitkit.contract.asyncapi.IntegrationInventory;
import io.sitkit.contract.asyncapi.IntegrationPoint;
import io.sitkit.core.Destination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The integration points coverage is measured against: each a destination and a message type.
 * From an AsyncAPI {@link IntegrationInventory}, from {@link Contract}s, or — when there is
 * neither — {@link #declared()}: the destinations the tests declared, one point each.
 *
 * <p>A point is a destination and a message type, not a direction: an application that both sends
 * and receives {@code orderPlaced} on one topic has one point there, since one captured message
 * shows both sides.
 *
 * <pre>{@code
 * Inventory inventory = Inventory.of(AsyncApi.read(Path.of("asyncapi.yaml")).inventory());
 * RunReport report = builder.build(Instant.now(), inventory);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param source where the points came from, e.g. "asyncapi", "contracts", "declared destinations"
 * @param points the points, in their source's order; empty for {@link #declared()}
 */
public record Inventory(String source, List<Point> points) {

    /** A top-level {@code asyncapi:} (YAML) or {@code "asyncapi":} (JSON) field. */
    private static final Pattern ASYNCAPI_FIELD = Pattern.compile("(?m)^[\\s{]{0,4}[\"']?asyncapi[\"']?\\s*:");

    /** What {@link #declared()} is called in reports. */
    public static final String DECLARED = "declared destinations";

    /**
     * One integration point.
     *
     * <pre>{@code
     * Inventory.Point placed = new Inventory.Point(Destination.kafka("orders"), "OrderPlaced", Set.of("orders.orderPlaced"));
     * }</pre>
     *
     * <p>Thread-safety: immutable.
     *
     * @param destination the topic or queue
     * @param messageType the message type's name; "" when the point is the whole destination
     * @param aliases     other names a type header may use for the same type (e.g. the contract's name)
     */
    public record Point(Destination destination, String messageType, Set<String> aliases) {
        public Point {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(messageType, "messageType");
            aliases = Set.copyOf(aliases);
        }

        /** Whether a message of type {@code type} on this point's destination exercises this point. */
        boolean matchesType(String type) {
            return messageType.equals(type) || aliases.contains(type);
        }
    }

    public Inventory {
        Objects.requireNonNull(source, "source");
        points = List.copyOf(points);
        if (source.isBlank()) {
            throw new IllegalArgumentException("inventory source is blank; say where the points came from");
        }
    }

    /**
     * The points of an AsyncAPI inventory: one per destination and message name, the contract name an alias.
     */
    public static Inventory of(IntegrationInventory inventory) {
        Map<List<Object>, Point> points = new LinkedHashMap<>();
        for (IntegrationPoint p : inventory.points()) {
            List<Object> key = List.of(p.destination(), p.message());
            Point known = points.get(key);
            Set<String> aliases = new LinkedHashSet<>(known == null ? Set.of() : known.aliases());
            if (!p.contract().equals(p.message())) {
                aliases.add(p.contract());
            }
            points.put(key, new Point(p.destination(), p.message(), aliases));
        }
        return new Inventory("asyncapi", new ArrayList<>(points.values()));
    }

    /** The points of contracts: one per contract, its name the message type. */
    public static Inventory ofContracts(List<Contract> contracts) {
        Map<List<Object>, Point> points = new LinkedHashMap<>();
        for (Contract c : contracts) {
            points.putIfAbsent(List.of(c.destination(), c.name()), new Point(c.destination(), c.name(), Set.of()));
        }
        return new Inventory("contracts", new ArrayList<>(points.values()));
    }

    /**
     * The inventory a file or directory holds: an AsyncAPI document (a file with a top-level
     * {@code asyncapi} field, YAML or JSON) as {@link #of(IntegrationInventory)}, else contracts — a
     * directory of them or one contract file — as {@link #ofContracts(List)}.
     *
     * <pre>{@code
     * Inventory shop = Inventory.read(Path.of("src/test/asyncapi/shop.yaml"));     // or Path.of("src/test/contracts")
     * }</pre>
     *
     * @throws IllegalArgumentException when the path does not exist
     * @throws io.sitkit.schema.SchemaException naming the file when the document or a contract cannot be read
     */
    public static Inventory read(Path fileOrDirectory) {
        Objects.requireNonNull(fileOrDirectory, "fileOrDirectory");
        if (!Files.exists(fileOrDirectory)) {
            throw new IllegalArgumentException("inventory " + fileOrDirectory + " does not exist; give an AsyncAPI document"
                    + " or a directory of contracts");
        }
        if (Files.isDirectory(fileOrDirectory)) {
            return ofContracts(Contracts.load(fileOrDirectory));
        }
        String text;
        try {
            text = Files.readString(fileOrDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inventory " + fileOrDirectory + ": " + e.getMessage(), e);
        }
        return ASYNCAPI_FIELD.matcher(text).find() ? of(AsyncApi.read(fileOrDirectory).inventory())
                : ofContracts(Contracts.load(fileOrDirectory));
    }

    /** No inventory: the destinations the tests declared are the points, one per destination. */
    public static Inventory declared() {
        return new Inventory(DECLARED, List.of());
    }

    /** Whether this is {@link #declared()}, whose points come from the tests. */
    public boolean isDeclared() {
        return source.equals(DECLARED) && points.isEmpty();
    }

    /** The points on one destination. */
    public List<Point> at(Destination destination) {
        return points.stream().filter(p -> p.destination().equals(destination)).toList();
    }
}
