/** Multi-service sample systems on Kafka and JMS and the SIT suites that test them. */
package io.sitkit.samples;
