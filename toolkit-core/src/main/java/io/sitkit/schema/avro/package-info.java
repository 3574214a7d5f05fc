/**
 * Avro for tests: loading {@code .avsc} files (named types resolved across files), encoding and
 * decoding Avro binary and Avro JSON, a plain JSON view of any decoded value so JSON-path
 * matchers read Avro payloads, and the Confluent wire format (magic byte 0, 4-byte schema id,
 * Avro binary) with schema ids also taken from headers.
 *
 * <p>Decoding untrusted bytes is bounded: {@link io.sitkit.schema.avro.AvroLimits} sets Avro's
 * length limits so a corrupt length prefix is a {@link io.sitkit.schema.DecodeException}, not an
 * {@link OutOfMemoryError}.
 */
package io.sitkit.schema.avro;
