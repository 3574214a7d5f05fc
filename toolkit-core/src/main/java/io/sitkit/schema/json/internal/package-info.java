/** Implementation details of JSON Schema handling shared by the compatibility check and the sample generator; not API, may change without notice. */
package io.sitkit.schema.json.internal;
