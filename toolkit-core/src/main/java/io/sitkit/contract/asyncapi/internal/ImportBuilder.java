package io.sitkit.contract.asyncapi.internal;

import io.sitkit.contract.Contract;
import io.sitkit.contract.asyncapi.AsyncApiImport;
import io.sitkit.contract.asyncapi.ImportWarning;
import io.sitkit.contract.asyncapi.IntegrationInventory;
import io.sitkit.contract.asyncapi.IntegrationPoint;
import io.sitkit.contract.asyncapi.IntegrationPoint.Direction;
import io.sitkit.core.Destination;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the results of one import: contracts under unique names, integration points and
 * warnings.
 *
 * <pre>{@code
 * ImportBuilder out = new ImportBuilder();
 * Contract c = out.contract("orders", "orderPlaced", destination, parts, source);
 * out.point(c, Direction.SEND, "publishOrderPlaced", "orderPlaced", parts);
 * AsyncApiImport result = out.build("3.0.0", "Shop");
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one instance serves one import.
 */
public final class ImportBuilder {
    private final List<Contract> contracts = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final List<IntegrationPoint> points = new ArrayList<>();
    private final List<ImportWarning> warnings = new ArrayList<>();

    /**
     * Adds the contract of one message on one channel, named {@code channel.message}; a name
     * already taken gets a suffix {@code -2}, {@code -3}, ...
     */
    public Contract contract(String channel, String message, Destination destination, MessageParts parts,
                             Location source) {
        String base = channel + "." + message;
        String name = base;
        for (int n = 2; !names.add(name); n++) {
            name = base + "-" + n;
        }
        Contract contract = new Contract(name, destination, parts.key(), parts.payload(), parts.contentType(),
                parts.headers(), parts.examples(), List.of(), source.toString());
        contracts.add(contract);
        return contract;
    }

    /** Adds an integration point for a message whose contract was added before. */
    public void point(Contract contract, Direction direction, String operationId, String message,
                      MessageParts parts) {
        IntegrationPoint point = new IntegrationPoint(contract.destination(), direction, operationId, message,
                contract.name(), parts.payload().map(p -> p.format()), parts.contentType());
        if (!points.contains(point)) {
            points.add(point);
        }
    }

    /** Records something skipped at {@code at}. */
    public void warn(Location at, String message) {
        warnings.add(new ImportWarning(at.document().name(), at.pointer().toString(), message));
    }

    public AsyncApiImport build(String version, String title) {
        return new AsyncApiImport(version, title, contracts, new IntegrationInventory(points), warnings);
    }
}
