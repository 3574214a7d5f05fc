/**
 * The one template engine: replies of stubs and payloads injected by hand are templates with
 * expressions over a request (JSON paths, headers, key) and generated values (uuid, now, sequence,
 * random), rendered as text, JSON or Avro.
 */
package io.sitkit.template;
