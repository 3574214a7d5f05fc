/**
 * Field-level JSON comparison: {@link io.sitkit.diff.JsonDiff} compares an expected document with
 * an actual one and lists each {@link io.sitkit.diff.FieldDifference} by path, with a hint when a
 * field is only named differently ({@code total_amount} vs {@code totalAmount}). The one diff used
 * by failure messages, assertions, the inspector and recording comparison. Start from
 * {@link io.sitkit.diff.JsonDiff#strict()}.
 */
package io.sitkit.diff;
