package io.sitkit.contract.asyncapi;

import io.sitkit.contract.asyncapi.IntegrationPoint.Direction;
import io.sitkit.core.Destination;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The integration points of an application: every destination it sends to or receives from, with
 * which message, in which operation. Coverage compares what tests exercised against it.
 *
 * <pre>{@code
 * IntegrationInventory inventory = AsyncApi.read(Path.of("asyncapi.yaml")).inventory();
 * for (Destination d : inventory.destinations()) {
 *     inventory.at(d).forEach(p -> System.out.println(p.describe()));
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param points the points in document order
 */
public record IntegrationInventory(List<IntegrationPoint> points) {
    public IntegrationInventory {
        points = List.copyOf(points);
    }

    /** The destinations, in the order they first appear. */
    public Set<Destination> destinations() {
        Set<Destination> destinations = new LinkedHashSet<>();
        points.forEach(p -> destinations.add(p.destination()));
        return Collections.unmodifiableSet(destinations);
    }

    /** The points on one destination; empty when the application does not use it. */
    public List<IntegrationPoint> at(Destination destination) {
        Objects.requireNonNull(destination, "destination");
        return points.stream().filter(p -> p.destination().equals(destination)).toList();
    }

    /** The points on one destination in one direction. */
    public List<IntegrationPoint> at(Destination destination, Direction direction) {
        Objects.requireNonNull(direction, "direction");
        return at(destination).stream().filter(p -> p.direction() == direction).toList();
    }

    /** The points grouped by destination, destinations in the order they first appear. */
    public Map<Destination, List<IntegrationPoint>> byDestination() {
        Map<Destination, List<IntegrationPoint>> grouped = new LinkedHashMap<>();
        points.forEach(p -> grouped.computeIfAbsent(p.destination(), d -> new ArrayList<>()).add(p));
        grouped.replaceAll((d, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(grouped);
    }

    /** The points in one direction. */
    public List<IntegrationPoint> withDirection(Direction direction) {
        Objects.requireNonNull(direction, "direction");
        return points.stream().filter(p -> p.direction() == direction).toList();
    }

    public int size() {
        return points.size();
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }
}
