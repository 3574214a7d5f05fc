/**
 * Valid sample payloads generated from a schema, for injecting test messages:
 * {@link io.sitkit.schema.gen.SampleGenerator} builds Avro records and JSON documents, seeded and
 * with overrides by path.
 */
package io.sitkit.schema.gen;
