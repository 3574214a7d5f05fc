/**
 * The one capture file format and what is built on it. The format: captured messages written as
 * UTF-8 JSON lines (a header line, then one message, session note or recorded schema per line),
 * read back losslessly and streaming, with redaction applied on write — documented in
 * {@code docs/capture-format.md}; {@link io.sitkit.record.CaptureFileWriter},
 * {@link io.sitkit.record.CaptureFileReader}. On it: live recording of a session
 * ({@link io.sitkit.record.RecorderSpec} → {@link io.sitkit.record.Recorder}), replay into any
 * environment ({@link io.sitkit.record.Replay} → {@link io.sitkit.record.Replayer}), golden-flow
 * regression ({@link io.sitkit.record.GoldenFlow} → {@link io.sitkit.record.GoldenFlowResult}), and a failed
 * test's flow trace ({@link io.sitkit.record.FlowTraceFile}: its header annotations, written and read); exports
 * of a recorded exploratory session live in {@link io.sitkit.record.export}.
 */
package io.sitkit.record;
