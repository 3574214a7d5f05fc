/**
 * Import of AsyncAPI 2.x and 3.x documents: {@link io.sitkit.contract.asyncapi.AsyncApi} reads a
 * document and the files it refers to into contracts (one per channel and message) and an
 * inventory of the integration points of the application the document describes, for contract
 * checks and coverage. Only Kafka and JMS channels are imported.
 */
package io.sitkit.contract.asyncapi;
