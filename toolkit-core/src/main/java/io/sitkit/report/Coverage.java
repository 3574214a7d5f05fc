package io.sitkit.report;

import io.sitkit.core.Destination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Coverage of integration points: for each destination and message type, how many messages the
 * tests saw and which tests; the share of inventory points exercised; and what was exercised
 * outside the inventory.
 *
 * <p>How a seen message is attributed: with a message type (from a type header or contract) it
 * counts for the inventory point of that destination and type (a point's aliases count too); a
 * message without a type counts for its destination's point when the destination has exactly one.
 * Anything else gets a cell of its own outside the inventory: a type the inventory does not list,
 * a message of unknown type on a destination with several types ({@code messageType ""}), or a
 * destination the inventory does not have at all ({@link #destinationsOutsideInventory()}).
 *
 * <pre>{@code
 * Coverage coverage = Coverage.compute(Inventory.of(asyncApi.inventory()), report.tests());
 * System.out.printf("%d of %d integration points exercised (%.0f%%)%n",
 *         coverage.exercisedPoints(), coverage.inventoryPoints(), coverage.percent());
 * Coverage both = coverage.merge(manualSession);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param source where the inventory came from (see {@link Inventory#source()}); merged coverages join theirs with " + "
 * @param cells  inventory points in inventory order, then cells outside it by destination and type
 */
public record Coverage(String source, List<CoverageCell> cells) {
    private static final Comparator<CoverageCell> OUTSIDE_ORDER =
            Comparator.comparing((CoverageCell c) -> c.destination().toString()).thenComparing(CoverageCell::messageType);

    public Coverage {
        Objects.requireNonNull(source, "source");
        cells = List.copyOf(cells);
        Set<List<Object>> seen = new LinkedHashSet<>();
        for (CoverageCell c : cells) {
            if (!seen.add(List.of(c.destination(), c.messageType()))) {
                throw new IllegalArgumentException("coverage has two cells for " + c.destination() + " / '"
                        + c.messageType() + "'; merge them into one");
            }
        }
    }

    /** Coverage with no inventory and nothing seen. */
    public static Coverage empty() {
        return new Coverage(Inventory.DECLARED, List.of());
    }

    /** Measures what {@code tests} saw in their timelines against {@code inventory}. */
    public static Coverage compute(Inventory inventory, List<TestRecord> tests) {
        Set<Destination> declared = new LinkedHashSet<>();
        tests.forEach(t -> declared.addAll(t.destinations()));
        List<Seen> seen = new ArrayList<>();
        for (TestRecord test : tests) {
            for (TimelineEntry e : test.timeline()) {
                seen.add(new Seen(test.id(), e.destination(), e.messageType(), 1));
            }
        }
        return tally(inventory, declared, seen);
    }

    /**
     * Messages seen by one test or session on one destination, with one message type (or none),
     * {@code count} times: what coverage is tallied from.
     */
    record Seen(String by, Destination destination, Optional<String> messageType, int count) {
    }

    /**
     * The coverage of {@code seen} against {@code inventory}; with {@link Inventory#declared()}, the
     * {@code declared} destinations are the points, one each.
     */
    static Coverage tally(Inventory inventory, Set<Destination> declared, List<Seen> seen) {
        List<Inventory.Point> points = new ArrayList<>(inventory.points());
        if (inventory.isDeclared()) {
            declared.forEach(d -> points.add(new Inventory.Point(d, "", Set.of())));
        }
        Map<List<Object>, Tally> tallies = new LinkedHashMap<>();
        points.forEach(p -> tallies.putIfAbsent(List.of(p.destination(), p.messageType()),
                new Tally(p.destination(), p.messageType(), true)));
        for (Seen s : seen) {
            String type = attribute(points, s.destination(), s.messageType());
            tallies.computeIfAbsent(List.of(s.destination(), type), k -> new Tally(s.destination(), type, false))
                    .count(s.by(), s.count());
        }
        List<CoverageCell> listed = new ArrayList<>();
        List<CoverageCell> outside = new ArrayList<>();
        tallies.values().forEach(t -> (t.inInventory ? listed : outside).add(t.cell()));
        outside.sort(OUTSIDE_ORDER);
        listed.addAll(outside);
        return new Coverage(inventory.source(), listed);
    }

    /** The message type a message counts for: an inventory point's type, or its own type, or "". */
    private static String attribute(List<Inventory.Point> points, Destination destination, Optional<String> messageType) {
        List<Inventory.Point> here = points.stream().filter(p -> p.destination().equals(destination)).toList();
        if (messageType.isPresent()) {
            String type = messageType.get();
            for (Inventory.Point p : here) {
                if (p.matchesType(type)) {
                    return p.messageType();
                }
            }
            boolean wholeDestination = here.size() == 1 && here.get(0).messageType().isEmpty();
            return wholeDestination ? "" : type;
        }
        return here.size() == 1 ? here.get(0).messageType() : "";
    }

    /**
     * The union of this coverage and {@code other} (say, the automated run and a manual session):
     * cells of the same destination and type add their counts and join their tests; a cell is an
     * inventory point when either side lists it.
     */
    public Coverage merge(Coverage other) {
        Objects.requireNonNull(other, "other");
        Map<List<Object>, CoverageCell> joined = new LinkedHashMap<>();
        for (CoverageCell c : concat(cells, other.cells)) {
            joined.merge(List.of(c.destination(), c.messageType()), c, CoverageCell::plus);
        }
        List<CoverageCell> listed = new ArrayList<>(joined.values().stream().filter(CoverageCell::inInventory).toList());
        List<CoverageCell> outside = new ArrayList<>(joined.values().stream().filter(c -> !c.inInventory()).toList());
        outside.sort(OUTSIDE_ORDER);
        listed.addAll(outside);
        String joinedSource = source.equals(other.source) ? source : source + " + " + other.source;
        return new Coverage(joinedSource, listed);
    }

    private static List<CoverageCell> concat(List<CoverageCell> a, List<CoverageCell> b) {
        List<CoverageCell> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The inventory points, exercised or not. */
    public List<CoverageCell> inventory() {
        return cells.stream().filter(CoverageCell::inInventory).toList();
    }

    /** The cells outside the inventory: unlisted types, unknown types, unlisted destinations. */
    public List<CoverageCell> outsideInventory() {
        return cells.stream().filter(c -> !c.inInventory()).toList();
    }

    /** Destinations exercised that the inventory does not have at all, in cell order. */
    public List<Destination> destinationsOutsideInventory() {
        Set<Destination> listed = new LinkedHashSet<>();
        inventory().forEach(c -> listed.add(c.destination()));
        Set<Destination> outside = new LinkedHashSet<>();
        outsideInventory().stream().map(CoverageCell::destination).filter(d -> !listed.contains(d)).forEach(outside::add);
        return List.copyOf(outside);
    }

    /** How many inventory points there are. */
    public int inventoryPoints() {
        return (int) cells.stream().filter(CoverageCell::inInventory).count();
    }

    /** How many inventory points saw at least one message. */
    public int exercisedPoints() {
        return (int) cells.stream().filter(c -> c.inInventory() && c.exercised()).count();
    }

    /** The percentage of inventory points exercised, 0–100; 0 when the inventory is empty. */
    public double percent() {
        int points = inventoryPoints();
        return points == 0 ? 0 : 100.0 * exercisedPoints() / points;
    }

    /** The destinations of all cells, in cell order. */
    public List<Destination> destinations() {
        Set<Destination> all = new LinkedHashSet<>();
        cells.forEach(c -> all.add(c.destination()));
        return List.copyOf(all);
    }

    /** The message types of all cells, in cell order ("" included when a cell has it). */
    public List<String> messageTypes() {
        Set<String> all = new LinkedHashSet<>();
        cells.forEach(c -> all.add(c.messageType()));
        return List.copyOf(all);
    }

    /** Counts messages and tests for one cell while coverage is computed. */
    private static final class Tally {
        private final Destination destination;
        private final String messageType;
        private final boolean inInventory;
        private final Set<String> tests = new LinkedHashSet<>();
        private int messages;

        Tally(Destination destination, String messageType, boolean inInventory) {
            this.destination = destination;
            this.messageType = messageType;
            this.inInventory = inInventory;
        }

        void count(String testId, int n) {
            messages = Math.addExact(messages, n);
            tests.add(testId);
        }

        CoverageCell cell() {
            return new CoverageCell(destination, messageType, inInventory, messages, tests);
        }
    }
}
