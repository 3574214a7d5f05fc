/**
 * Correlation: where each destination carries the business key ({@link io.sitkit.correlate.KeySource},
 * {@link io.sitkit.correlate.CorrelationRules}), and the {@link io.sitkit.correlate.Flow}s that
 * messages sharing a key form across topics and queues, indexed by key ({@link io.sitkit.correlate.FlowIndex}).
 */
package io.sitkit.correlate;
