package io.sitkit.report;

import io.sitkit.core.Destination;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row of a {@link CoverageTable}: an inventory point (or a destination and type seen outside
 * the inventory), the tests that exercised it and the sessions that did — injected or observed.
 *
 * <pre>{@code
 * table.rows().stream().filter(CoverageRow::gap).forEach(r -> System.out.println("nobody exercised " + r.label()));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param destination  the topic or queue
 * @param messageType  the message type; "" for the whole destination, or for messages whose type was unknown
 * @param inInventory  whether the inventory lists this point
 * @param tests        the tests that saw a message here, by name, sorted
 * @param testMessages how many messages the tests saw here
 * @param sessions     the sessions that injected or observed a message here, sorted
 * @param injected     how many messages the sessions injected here
 * @param observed     how many messages the sessions observed here
 */
public record CoverageRow(Destination destination, String messageType, boolean inInventory, Set<String> tests,
                          int testMessages, Set<String> sessions, int injected, int observed) {
    public CoverageRow {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(messageType, "messageType");
        tests = Collections.unmodifiableSortedSet(new TreeSet<>(tests));
        sessions = Collections.unmodifiableSortedSet(new TreeSet<>(sessions));
        if (testMessages < 0 || injected < 0 || observed < 0) {
            throw new IllegalArgumentException("coverage row " + destination + " / '" + messageType + "' has a negative count: "
                    + testMessages + " by tests, " + injected + " injected, " + observed + " observed");
        }
    }

    /** Whether a test saw a message here. */
    public boolean byTests() {
        return testMessages > 0;
    }

    /** Whether a session injected or observed a message here. */
    public boolean bySessions() {
        return injected + observed > 0;
    }

    /** An inventory point that neither tests nor sessions exercised. */
    public boolean gap() {
        return inInventory && !byTests() && !bySessions();
    }

    /** {@code kafka:orders OrderPlaced}, or the destination alone when the type is "". */
    public String label() {
        return messageType.isEmpty() ? destination.toString() : destination + " " + messageType;
    }

    /** "tests and sessions", "tests", "sessions", "neither (gap)" or "outside the inventory". */
    public String exercisedBy() {
        if (!inInventory) {
            return "outside the inventory";
        }
        if (byTests()) {
            return bySessions() ? "tests and sessions" : "tests";
        }
        return bySessions() ? "sessions" : "neither (gap)";
    }
}
