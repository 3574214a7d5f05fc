/**
 * The IoT system: a device registry and a monitoring service on Kafka, alerts on a JMS topic.
 */
package io.sitkit.samples.iot;
