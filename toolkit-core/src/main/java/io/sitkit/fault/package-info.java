/**
 * Faults a stub or an interceptor applies to the messages it forwards or answers with: delays
 * (fixed, random, spikes), drops, duplicates, reordering within a window, corrupt payloads and
 * poison messages, a wrong schema version and a slow consumer — deterministic for a seed, so a failing test reproduces.
 */
package io.sitkit.fault;
