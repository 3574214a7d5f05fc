/**
 * Implementation details of the AsyncAPI import: loading documents, following {@code $ref}s,
 * inlining schemas, mapping bindings and messages. Not API, may change without notice.
 */
package io.sitkit.contract.asyncapi.internal;
