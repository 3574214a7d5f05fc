package io.sitkit.schema.registry;

import java.util.List;

/**
 * A registry's answer to a compatibility check: the verdict and the reasons it gave (some
 * registries give none, even with {@code ?verbose=true}).
 *
 * <p>Thread-safety: immutable.
 */
public record CompatibilityVerdict(boolean compatible, List<String> reasons) {
    public CompatibilityVerdict {
        reasons = List.copyOf(reasons);
    }
}
