/**
 * Compatibility between versions of a schema, in the modes schema registries use
 * ({@link io.sitkit.schema.compat.CompatibilityMode}): {@link io.sitkit.schema.compat.AvroCompatibility}
 * (Avro's own analysis, named by field and in words) and
 * {@link io.sitkit.schema.compat.JsonSchemaCompatibility} (the common breaking changes of JSON
 * Schemas), both answering with a {@link io.sitkit.schema.compat.CompatibilityReport}.
 */
package io.sitkit.schema.compat;
