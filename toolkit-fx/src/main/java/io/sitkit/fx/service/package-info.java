/**
 * The inspector's service layer: adapters over toolkit-core that the view-models call from
 * background threads — connection profiles and their encrypted secrets, opening connections
 * (embedded sandbox, external Kafka, JMS of any provider by class or JNDI), listing, creating,
 * deleting and purging destinations, paged browsing, bounded filter scans, live tails, payload
 * decoding, injection checked against schemas and contracts, export and import, and diffs.
 *
 * <p>And the pieces that join them up:
 * <ul>
 *   <li>the correlation search — one business key on every open destination of every connection,
 *       bounded per destination and in time, matched by the core's {@code CorrelationRules} and
 *       drawn as a {@link io.sitkit.fx.service.FlowChart} of lanes, hops and gaps
 *       ({@link io.sitkit.fx.service.CorrelationSearch}, rules and route saved with the profile by
 *       {@link io.sitkit.fx.service.CorrelationSettings}, in the text form of the core's
 *       {@code KeySource});</li>
 *   <li>exploratory sessions — the core's {@code Recorder} over chosen destinations, with what the
 *       inspector injects marked as injected ({@link io.sitkit.fx.service.Session}) — and the
 *       timeline of a flow trace or recording read back with its failure and near misses
 *       ({@link io.sitkit.fx.service.RecordingTimeline});</li>
 *   <li>stub files loaded, started and stopped on a connection with their handled counts
 *       ({@link io.sitkit.fx.service.LoadedStubFile}).</li>
 * </ul>
 *
 * <p>Nothing here touches JavaFX; every method that reaches a broker blocks and must not run on
 * the FX thread.
 */
package io.sitkit.fx.service;
