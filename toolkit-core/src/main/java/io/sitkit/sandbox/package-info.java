/**
 * The sandbox command: the embedded environment until Ctrl-C, with the stub files named by
 * {@code sitkit.sandbox.stubs} answering on it — what a tester points services and the inspector at.
 *
 * <pre>{@code
 * mvn -B -pl toolkit-core compile exec:java -Dsitkit.sandbox.stubs=docs/stubs/checkout-neighbours.yaml
 * }</pre>
 *
 * <p>It sits above {@code io.sitkit.env} and {@code io.sitkit.stub}; neither depends on it.
 */
package io.sitkit.sandbox;
