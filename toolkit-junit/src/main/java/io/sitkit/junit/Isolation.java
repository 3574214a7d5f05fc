package io.sitkit.junit;

/**
 * How tests sharing one broker are kept from seeing each other's traffic.
 *
 * <ul>
 *   <li>{@link #UNIQUE_NAMES} (default): every destination a test names is renamed for that test
 *       ({@code kafka:orders} → {@code kafka:orders.t3f2a-17}); Kafka topics are created for it. The
 *       test hands the real names to the system under test ({@link SitBus#names()}). No cross-talk
 *       at all, even for messages without keys — but the system under test must take its
 *       destination names from configuration.</li>
 *   <li>{@link #SHARED_NAMES}: names are used as written, for systems with hard-wired
 *       destinations. Tests then tell their own traffic apart by correlation key (unique keys per
 *       test, expectations {@code forKey(...)} or by key-scoped matchers); parallel tests on the same
 *       destination see each other's messages, so counts over a whole destination are unsafe.</li>
 * </ul>
 *
 * <p>Thread-safety: immutable.
 */
public enum Isolation {
    /** Each test gets its own destinations. */
    UNIQUE_NAMES,
    /** Destinations are shared; scope by correlation key. */
    SHARED_NAMES
}
