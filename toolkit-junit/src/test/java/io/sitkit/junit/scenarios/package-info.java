/**
 * Test classes the extension's own tests run through the EngineTestKit. Their names do not end in
 * Test or IT, so Surefire does not run them directly.
 */
package io.sitkit.junit.scenarios;
