package io.sitkit.report;

import io.sitkit.core.Destination;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One cell of the coverage heat map: a destination and a message type, whether it is an inventory
 * point, how many messages the tests saw there, and which tests saw them.
 *
 * <pre>{@code
 * coverage.inventory().stream().filter(c -> !c.exercised())
 *         .forEach(c -> System.out.println("never exercised: " + c.label()));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param destination the topic or queue
 * @param messageType the message type; "" for the whole destination, or for messages whose type was unknown
 * @param inInventory whether the inventory lists this destination and type
 * @param messages    how many messages the tests saw here, never negative
 * @param tests       the ids of the tests that saw them, sorted
 */
public record CoverageCell(Destination destination, String messageType, boolean inInventory, int messages,
                           Set<String> tests) {
    public CoverageCell {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(messageType, "messageType");
        if (messages < 0) {
            throw new IllegalArgumentException("message count of coverage cell " + destination + " / '" + messageType
                    + "' is negative: " + messages);
        }
        tests = Collections.unmodifiableSortedSet(new TreeSet<>(tests));
    }

    /** Whether at least one message was seen here. */
    public boolean exercised() {
        return messages > 0;
    }

    /** {@code kafka:orders OrderPlaced}, or the destination alone when the type is "". */
    public String label() {
        return messageType.isEmpty() ? destination.toString() : destination + " " + messageType;
    }

    /** This cell and {@code other} (same destination and type) as one: counts added, tests joined. */
    CoverageCell plus(CoverageCell other) {
        Set<String> joined = new TreeSet<>(tests);
        joined.addAll(other.tests);
        return new CoverageCell(destination, messageType, inInventory || other.inInventory,
                Math.addExact(messages, other.messages), joined);
    }
}
