/**
 * Expectations with waiting built in: a message (or a count of them) on a destination, nothing
 * within a window, A before B, per-key order, at most once per key, and whole flows hop by hop —
 * each completing the moment the capture holds what it needs, and failing with what was seen and
 * the nearest misses. Start from {@link io.sitkit.expect.Expectations}.
 */
package io.sitkit.expect;
