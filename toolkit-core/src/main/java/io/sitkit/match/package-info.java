/**
 * Matchers: small composable predicates over a {@link io.sitkit.core.Message} that describe
 * themselves and explain, check by check, why a message did or did not match — the raw material
 * of expectations' failure messages. Start from {@link io.sitkit.match.Matchers}.
 */
package io.sitkit.match;
