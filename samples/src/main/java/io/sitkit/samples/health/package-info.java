/**
 * The healthcare system: patient registration → EMR → claims, on Kafka and JMS. Patient identifiers
 * ({@code patientId}, {@code mrn}, {@code ssn}) are sensitive: the sample suites mask them with
 * {@code sitkit.redact.fields}.
 */
package io.sitkit.samples.health;
