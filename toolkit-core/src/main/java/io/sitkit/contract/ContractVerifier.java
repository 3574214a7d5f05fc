package io.sitkit.contract;

import io.sitkit.core.Destination;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.schema.Conformance;
import io.sitkit.schema.PayloadDecoder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs every contract over every captured message of its destination: the channel's own rules
 * (headers, key and payload schemas) and every consumer's expectations. The JUnit report lists
 * what it finds.
 *
 * <pre>{@code
 * ContractVerifier verifier = ContractVerifier.of(Contracts.load(Path.of("src/test/contracts")))
 *         .withChecker(ContractChecker.withRegistry(registry));
 * VerificationReport report = verifier.verify(capture.snapshot());
 * }</pre>
 *
 * <p>A destination with several contracts (several message types on one topic) checks each
 * message against all of them and reports it only when it satisfies none, listing each
 * contract's reasons.
 *
 * <p>The violations come in an order that does not depend on which destination's messages were
 * captured first: grouped by destination, in the order the contracts name them; on one Kafka
 * topic by partition, then offset; on one JMS destination in the order captured (its arrival
 * order). Verifying the same messages twice lists the same report line for line.
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
public final class ContractVerifier {
    /** Kafka messages by partition, then offset; JMS messages compare equal (their capture order stands). */
    private static final Comparator<Message> LOG_ORDER = Comparator
            .<Message>comparingInt(m -> m.kafka().map(KafkaMetadata::partition).orElse(0))
            .thenComparingLong(m -> m.kafka().map(KafkaMetadata::offset).orElse(0L));

    private final List<Contract> contracts;
    private final ContractChecker checker;

    private ContractVerifier(List<Contract> contracts, ContractChecker checker) {
        this.contracts = List.copyOf(contracts);
        this.checker = checker;
    }

    /** A verifier of {@code contracts}, without a schema registry. */
    public static ContractVerifier of(List<Contract> contracts) {
        return new ContractVerifier(contracts, ContractChecker.standalone());
    }

    /** The same contracts, checked with {@code checker} (e.g. one with a registry). */
    public ContractVerifier withChecker(ContractChecker checker) {
        return new ContractVerifier(contracts, checker);
    }

    /**
     * Checks every message; messages on destinations without a contract are counted as uncovered.
     * The violations are ordered as the class documentation says, whatever the order of {@code messages}
     * across destinations.
     */
    public VerificationReport verify(Iterable<Message> messages) {
        Map<Destination, List<Prepared>> byDestination = new LinkedHashMap<>();
        Map<String, Integer> checked = new TreeMap<>();
        for (Contract c : contracts) {
            byDestination.computeIfAbsent(c.destination(), d -> new ArrayList<>())
                    .add(new Prepared(c, checker.conformance(c), checker.payloadDecoder(c)));
            checked.put(c.name(), 0);
        }
        Map<Destination, Integer> uncovered = new LinkedHashMap<>();
        Map<Destination, List<Message>> covered = new LinkedHashMap<>();
        byDestination.keySet().forEach(d -> covered.put(d, new ArrayList<>()));
        for (Message m : messages) {
            List<Message> mine = covered.get(m.destination());
            if (mine == null) {
                uncovered.merge(m.destination(), 1, Integer::sum);
            } else {
                mine.add(m);
            }
        }
        List<Violation> violations = new ArrayList<>();
        covered.forEach((d, mine) -> {
            mine.sort(LOG_ORDER); // stable: JMS messages keep the order they were captured in
            for (Message m : mine) {
                violations.addAll(check(m, byDestination.get(d), checked));
            }
        });
        return new VerificationReport(violations, checked, uncovered);
    }

    /** The violations of one message: none when it satisfies one of several contracts of its destination. */
    private static List<Violation> check(Message m, List<Prepared> candidates, Map<String, Integer> checked) {
        List<Violation> found = new ArrayList<>();
        for (Prepared p : candidates) {
            checked.merge(p.contract.name(), 1, Integer::sum);
            List<Violation> own = new ArrayList<>();
            for (String v : p.conformance.violations(m)) {
                own.add(new Violation(p.contract.name(), m.position(), "", v));
            }
            if (own.isEmpty()) {
                for (Breakage b : ConsumerCheck.message(p.contract, m, p.decoder)) {
                    own.add(new Violation(p.contract.name(), m.position(), b.consumer(), b.message()));
                }
            }
            if (own.isEmpty() && candidates.size() > 1) {
                return List.of();
            }
            found.addAll(own);
        }
        return found;
    }

    private record Prepared(Contract contract, Conformance conformance, PayloadDecoder decoder) {
    }
}
