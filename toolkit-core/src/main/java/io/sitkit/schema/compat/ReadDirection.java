package io.sitkit.schema.compat;

/**
 * Which readers a compatibility problem breaks: consumers on the new schema reading an earlier
 * version's data (a backward problem), or consumers still on an earlier version reading the new
 * schema's data (a forward problem).
 *
 * <pre>{@code
 * problem.direction().describe(problem.version());   // "new readers of v1 data"
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum ReadDirection {
    /** The new schema reads data written with an earlier version (checked by backward modes). */
    NEW_READS_OLD,
    /** An earlier version reads data written with the new schema (checked by forward modes). */
    OLD_READS_NEW;

    /** "new readers of v1 data" or "v1 readers of new data". */
    public String describe(String version) {
        return this == NEW_READS_OLD ? "new readers of " + version + " data" : version + " readers of new data";
    }

    /** Who reads: "new readers" or "v1 readers". */
    String readers(String version) {
        return this == NEW_READS_OLD ? "new readers" : version + " readers";
    }

    /** Whose data is read: "v1 data" or "new data". */
    String data(String version) {
        return this == NEW_READS_OLD ? version + " data" : "new data";
    }
}
