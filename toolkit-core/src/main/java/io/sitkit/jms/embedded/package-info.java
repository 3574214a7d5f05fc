/**
 * An embedded ActiveMQ Classic broker for tests and the sandbox, optionally with users and an
 * {@code ssl://} connector ({@link io.sitkit.jms.embedded.EmbeddedActiveMqSecurity}). Needs the
 * optional {@code activemq-broker} dependency.
 */
package io.sitkit.jms.embedded;
