/**
 * Benchmarks of sitkit: cold start of the embedded environment, publish/capture throughput,
 * expectation detection latency and stub round trips against the raw Kafka and JMS clients, and
 * correlation over a large capture. Not API and never published; run them with {@code bench/run}.
 *
 * <p>Two kinds of class live here. <em>Suites</em> ({@link io.sitkit.bench.EnvSuite},
 * {@link io.sitkit.bench.ThroughputSuite}, {@link io.sitkit.bench.CorrelationSuite},
 * {@link io.sitkit.bench.LatencySuite}, {@link io.sitkit.bench.StubsSuite}) run in the driver JVM
 * ({@link io.sitkit.bench.Bench}),
 * start fresh child JVMs, and turn what the children report into {@link io.sitkit.bench.Metric}s.
 * <em>Probes</em> ({@code *Probe}) are the children's mains: they measure and print
 * {@link io.sitkit.bench.Probe} lines on stdout.
 */
package io.sitkit.bench;
