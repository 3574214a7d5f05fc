package io.sitkit.contract.asyncapi;

import io.sitkit.contract.Contract;
import io.sitkit.core.Destination;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an AsyncAPI document said: one {@link Contract} per channel and message, the application's
 * {@link IntegrationInventory}, and warnings for what was skipped.
 *
 * <pre>{@code
 * AsyncApiImport shop = AsyncApi.read(Path.of("src/test/resources/asyncapi/shop.yaml"));
 * Contract placed = shop.contract("orders.orderPlaced").orElseThrow();
 * shop.warnings().forEach(w -> System.err.println(w.describe()));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param version   the document's {@code asyncapi} version, e.g. "3.0.0"
 * @param title     {@code info.title}; "" when absent
 * @param contracts the contracts, in document order, names unique
 * @param inventory the integration points of the described application
 * @param warnings  what was skipped, with where
 */
public record AsyncApiImport(String version, String title, List<Contract> contracts, IntegrationInventory inventory,
                             List<ImportWarning> warnings) {
    public AsyncApiImport {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(inventory, "inventory");
        contracts = List.copyOf(contracts);
        warnings = List.copyOf(warnings);
    }

    /** The contract with this name. */
    public Optional<Contract> contract(String name) {
        return contracts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The contracts of the channels on one destination. */
    public List<Contract> contractsAt(Destination destination) {
        Objects.requireNonNull(destination, "destination");
        return contracts.stream().filter(c -> c.destination().equals(destination)).toList();
    }
}
