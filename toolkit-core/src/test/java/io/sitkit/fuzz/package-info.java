/**
 * Shared pieces of the property-based "bad input" tests (the {@code *FuzzTest} classes next to
 * each decoder and parser): mutated and random inputs, a time- and allocation-bounded call, and
 * the assertion that only the documented exception comes out, with a useful message.
 */
package io.sitkit.fuzz;
