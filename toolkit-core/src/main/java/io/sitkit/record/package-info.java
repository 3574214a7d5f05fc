/**
 * The one capture file format: captured messages written as UTF-8 JSON lines (a header line, then
 * one message per line), read back losslessly and streaming, with redaction applied on write.
 * The format is documented in {@code docs/capture-format.md}; start from
 * {@link io.sitkit.record.CaptureFileWriter} and {@link io.sitkit.record.CaptureFileReader}.
 */
package io.sitkit.record;
