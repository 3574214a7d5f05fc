package io.sitkit.jms;

import io.sitkit.config.Secrets;
import io.sitkit.core.BrokerUnavailableException;
import io.sitkit.core.SitkitException;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens a started JMS connection within the settings' bound, whatever the provider's own
 * reconnect policy: the attempt runs on a daemon thread and is abandoned (and closed when it
 * finally returns) once the deadline passes.
 *
 * <p>Thread-safety: stateless.
 */
final class JmsConnector {
    private static final AtomicInteger IDS = new AtomicInteger();

    private JmsConnector() {
    }

    static Connection connect(JmsSettings settings, String what) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        AtomicReference<ClientCertificate> certificate = new AtomicReference<>(ClientCertificate.UNKNOWN);
        Thread t = new Thread(() -> {
            try {
                ConnectionFactory cf = ConnectionFactories.withTimeouts(settings.factory().get(), settings.timeout());
                certificate.set(ClientCertificate.of(cf));
                Connection c = settings.user() == null ? cf.createConnection()
                        : cf.createConnection(settings.user(), settings.password());
                c.start();
                if (!result.complete(c)) {
                    c.close();
                }
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "sitkit-jms-connect-" + IDS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        try {
            return result.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.completeExceptionally(e);
            t.interrupt();
            throw new BrokerUnavailableException("JMS broker at " + settings.address() + " is unreachable: " + what
                    + " got no connection within " + settings.timeout() + " (sitkit.jms.timeout); check that the broker runs "
                    + "and that sitkit.jms.url is right", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SitkitException s) {
                throw s;
            }
            String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            if (cause instanceof jakarta.jms.JMSSecurityException) {
                throw new SitkitException("JMS broker at " + settings.address() + " refused the credentials of user '"
                        + settings.user() + "' while " + what + ": " + Secrets.redactUrls(reason), cause);
            }
            if (isTlsFailure(cause, settings.address())) {
                throw new SitkitException("TLS handshake with the JMS broker at " + settings.address() + " failed while "
                        + what + ": " + Secrets.redactUrls(reason) + "; check sitkit.jms.ssl.truststore (does it trust the broker's"
                        + " certificate?)" + certificate.get().hint, cause);
            }
            throw new BrokerUnavailableException("JMS broker at " + settings.address() + " is unreachable: " + what
                    + " failed: " + Secrets.redactUrls(reason), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitkitException("interrupted while " + what, e);
        }
    }

    /**
     * An {@code SSLException} anywhere in the chain; or, on an {@code ssl://} address, a connection that
     * failed after the TCP connect (no {@code ConnectException}): the broker closing it during or right
     * after the handshake. The client's own verdict can lose the race to the socket's close, and a
     * refused client certificate reaches the client only as a failed channel (TLS 1.3 reports it after
     * the client's side of the handshake is done).
     */
    private static boolean isTlsFailure(Throwable e, String address) {
        boolean ssl = address.startsWith("ssl:") || address.startsWith("failover:(ssl:");
        boolean notConnected = false;
        boolean failedAfterConnect = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            if (t instanceof javax.net.ssl.SSLException || msg.contains("SSLHandshakeException")) {
                return true;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException || msg.contains("ConnectException")
                    || msg.contains("UnknownHostException")) {
                notConnected = true;
            } else if (t instanceof java.io.IOException || msg.contains("SocketException")) {
                failedAfterConnect = true;
            }
        }
        return ssl && failedAfterConnect && !notConnected;
    }

    /** Whether the connection offered a client certificate, as far as the factory tells; the hint that follows. */
    private enum ClientCertificate {
        OFFERED(" and sitkit.jms.ssl.keystore (does the broker trust its client certificate?)"),
        NONE("; no client certificate was offered: if the broker requires one (mutual TLS), set sitkit.jms.ssl.keystore"
                + " and sitkit.jms.ssl.keystore-password"),
        UNKNOWN(" and, if the broker wants client certificates, sitkit.jms.ssl.keystore");

        final String hint;

        ClientCertificate(String hint) {
            this.hint = hint;
        }

        static ClientCertificate of(ConnectionFactory cf) {
            if (cf instanceof org.apache.activemq.ActiveMQSslConnectionFactory ssl) {
                return ssl.getKeyStore() == null ? NONE : OFFERED;
            }
            // a plain ActiveMQ factory uses the JVM's default SSL context, whose key store javax.net.ssl.keyStore names
            return cf instanceof org.apache.activemq.ActiveMQConnectionFactory && System.getProperty("javax.net.ssl.keyStore") == null
                    ? NONE : UNKNOWN;
        }
    }
}
