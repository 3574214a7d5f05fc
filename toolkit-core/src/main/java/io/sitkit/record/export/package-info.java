/**
 * Exports of a recorded exploratory session (a capture file with injected messages, observed
 * messages, notes and findings): a JUnit 5 test source for toolkit-junit that reproduces the
 * injections and asserts the observed flow, and a short Markdown session report. Pure text
 * generators: core emits the code without depending on JUnit, so the inspector (which depends on
 * core only) can offer the export. Entry point: {@link io.sitkit.record.export.SessionExport}.
 */
package io.sitkit.record.export;
