/**
 * The schema-change outage: the auth service releases v2 of its {@code UserSignedUp} event with a new
 * field, and billing, which parses the event strictly, drops every v2 event without a word.
 */
package io.sitkit.samples.outage;
