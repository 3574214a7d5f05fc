/**
 * The run report: what each test did (status, duration, failure, the messages it saw as a
 * timeline, contract violations) and the coverage of integration points, written as
 * {@code report.json} and as one self-contained {@code report.html}. Filled during a run by a
 * {@link io.sitkit.report.RunReportBuilder}; knows nothing of the test framework that fills it.
 * {@link io.sitkit.report.CoverageTable} merges a run's coverage with that of recorded sessions
 * ({@link io.sitkit.report.SessionCoverage}), one row per inventory point.
 */
package io.sitkit.report;
