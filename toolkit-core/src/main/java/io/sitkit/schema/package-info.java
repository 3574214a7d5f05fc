/**
 * Schemas of payloads and what they are for in a test: decoding bytes into values a matcher can
 * read, checking that a message conforms, and telling whether a new version of a schema breaks
 * those who read the old one.
 *
 * <p>Sub-packages hold one format or service each: {@code schema.avro} (Avro files, binary and
 * JSON encodings, the Confluent wire format), {@code schema.registry} (a client of the Confluent
 * schema-registry REST API), {@code schema.json} (JSON Schema validation),
 * {@code schema.compat} (compatibility between versions) and {@code schema.gen} (valid sample
 * data generated from a schema).
 */
package io.sitkit.schema;
