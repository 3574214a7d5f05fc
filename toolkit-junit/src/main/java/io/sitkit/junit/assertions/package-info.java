/**
 * AssertJ assertions for captured messages, flows and contract reports: start from
 * {@link io.sitkit.junit.assertions.SitAssertions}. They build on the core's matchers, JSON diff,
 * schema diff, conformance checks and redactor, and fail with messages in the house order —
 * expected, where, what was there, the field-level differences, a hint.
 */
package io.sitkit.junit.assertions;
