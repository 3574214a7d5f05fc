package io.sitkit.bench;

import java.nio.file.Path;

/**
 * A named group of benchmarks that {@code bench/run} can run on its own; it starts its own child
 * JVMs and returns the metrics they measured.
 *
 * <p>Thread-safety: suites are run one at a time from the driver's main thread.
 */
interface Suite {

    /** Where a suite may write: scratch files, child JVM logs, extra reports next to its JSON. */
    record Workspace(Path scratch, Path results, Path log) {
    }

    /** The name {@code bench/run} takes, and the results file's name. */
    String name();

    /** One line for the list of suites. */
    String description();

    SuiteResult run(Workspace ws);
}
