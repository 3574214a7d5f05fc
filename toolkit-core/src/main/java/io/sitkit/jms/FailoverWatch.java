package io.sitkit.jms;

import jakarta.jms.Connection;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.transport.TransportListener;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Tells captures when ActiveMQ Classic's failover transport loses its broker and when it is back:
 * the JMS connection survives (no exception reaches sitkit), so without this a capture would not
 * know it was blind in between.
 *
 * <p>Thread-safety: the callbacks run on the transport's threads; {@code report} must be thread-safe.
 */
final class FailoverWatch {
    private FailoverWatch() {
    }

    /**
     * @param report called with a problem when the transport is interrupted, with null when it resumes
     */
    static void attach(Connection connection, String address, Consumer<String> report) {
        if (!(connection instanceof ActiveMQConnection amq)) {
            return;
        }
        amq.addTransportListener(new TransportListener() {
            @Override
            public void onCommand(Object command) {
            }

            @Override
            public void onException(IOException error) {
            }

            @Override
            public void transportInterupted() {
                report.accept("connection to JMS broker " + address + " interrupted; the failover transport is reconnecting");
            }

            @Override
            public void transportResumed() {
                report.accept(null);
            }
        });
    }
}
