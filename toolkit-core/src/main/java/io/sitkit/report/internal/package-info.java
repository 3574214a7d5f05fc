/** Rendering helpers for the HTML report (escaping, SVG timeline, heat map); not API. */
package io.sitkit.report.internal;
