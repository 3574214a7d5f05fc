/**
 * The JUnit 5 module: it depends on toolkit-core and brings in the embedded brokers (Kafka KRaft
 * and ActiveMQ Classic), so a test project that depends on it can start
 * {@link io.sitkit.env.Environments#embedded()} with nothing else on its classpath.
 */
package io.sitkit.junit;
