/** The extension's moving parts: the shared environment, configuration layering, naming, trace files. Not API. */
package io.sitkit.junit.internal;
