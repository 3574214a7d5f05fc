/**
 * JSON Schema validation of payloads: {@link io.sitkit.schema.json.JsonSchemas} loads a schema
 * (draft 2020-12 or 7) from a file, a classpath resource or a string, and the resulting
 * {@link io.sitkit.schema.json.JsonSchemaValidator} lists each
 * {@link io.sitkit.schema.json.JsonViolation} of a payload by instance path and keyword.
 */
package io.sitkit.schema.json;
