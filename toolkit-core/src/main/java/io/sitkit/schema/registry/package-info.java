/**
 * A client of the Confluent schema-registry REST API (Confluent, Apicurio's {@code ccompat} API,
 * Karapace…), tolerant of the known differences between them, and a launcher of a local Apicurio
 * Registry for tests.
 */
package io.sitkit.schema.registry;
