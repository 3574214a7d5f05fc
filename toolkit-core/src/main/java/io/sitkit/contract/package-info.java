/**
 * Contracts of channels: what a destination carries (key and payload schema, content type,
 * required headers, examples) and what each consumer reads from it. Contracts are YAML files
 * kept with the tests, or imported from AsyncAPI documents; the verifier checks captured messages
 * and new schema versions against them.
 */
package io.sitkit.contract;
