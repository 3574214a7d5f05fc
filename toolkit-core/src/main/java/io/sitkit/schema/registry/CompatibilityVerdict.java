package io.sitkit.schema.registry;

import java.util.List;
import java.util.Objects;

/**
 * A registry's answer to a compatibility check: the verdict and the reasons it gave (some
 * registries give none, even with {@code ?verbose=true}; then the list is empty).
 *
 * <pre>{@code
 * CompatibilityVerdict v = client.checkCompatibility("orders-value", SchemaFormat.AVRO, v2);
 * if (!v.compatible()) fail("orders-value v2 breaks readers: " + v.reasons());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param compatible whether the registry accepts the schema under the subject's level
 * @param reasons    what the registry said, in its words; empty when it said nothing
 */
public record CompatibilityVerdict(boolean compatible, List<String> reasons) {
    /** Copies {@code reasons}, which must not be null. */
    public CompatibilityVerdict {
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }
}
