/**
 * The inspector's service layer: adapters over toolkit-core that the view-models call from
 * background threads — connection profiles and their encrypted secrets, opening connections
 * (embedded sandbox, external Kafka, JMS of any provider by class or JNDI), listing, creating,
 * deleting and purging destinations, paged browsing, bounded filter scans, live tails, payload
 * decoding, injection checked against schemas and contracts, export and import, diffs, and stub
 * files started on a connection. Nothing here touches JavaFX; every
 * method that reaches a broker blocks and must not run on the FX thread.
 */
package io.sitkit.fx.service;
