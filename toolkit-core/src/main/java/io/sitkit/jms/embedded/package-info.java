/** An embedded ActiveMQ Classic broker for tests and the sandbox. Needs the optional {@code activemq-broker} dependency. */
package io.sitkit.jms.embedded;
