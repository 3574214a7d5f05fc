package io.sitkit.kafka;

import io.sitkit.core.BrokerUnavailableException;
import io.sitkit.core.InvalidDestinationException;
import io.sitkit.core.SitkitException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns Kafka client exceptions into sitkit errors that say what was attempted and the likely fix. */
final class KafkaErrors {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private KafkaErrors() {
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * @param what     what was attempted, e.g. "publishing to kafka:orders"
     * @param settings the cluster's settings (bootstrap servers, timeout)
     */
    static SitkitException translate(Throwable error, String what, KafkaSettings settings, int messageBytes) {
        Throwable t = unwrap(error);
        if (t instanceof SitkitException s) {
            return s;
        }
        if (t instanceof RecordTooLargeException) {
            if (messageBytes > settings.maxMessageBytes()) {
                return new SitkitException(what + " failed: the message is " + messageBytes + " bytes, over the limit of "
                        + settings.maxMessageBytes() + " bytes (sitkit.kafka.max-message-bytes, the client's max.request.size;"
                        + " raise it together with the broker's message.max.bytes)", t);
            }
            return new SitkitException(what + " failed: the broker at " + settings.bootstrapServers() + " refused a message of "
                    + messageBytes + " bytes as too large; sitkit's limit is " + settings.maxMessageBytes()
                    + " bytes, so the broker's message.max.bytes or the topic's max.message.bytes is lower: raise it there ("
                    + t.getMessage() + ")", t);
        }
        if (t instanceof AuthenticationException) {
            return authentication(what, settings, t);
        }
        if (t instanceof TimeoutException) {
            return timeout(what, settings, t);
        }
        if (t instanceof UnknownTopicOrPartitionException) {
            return new InvalidDestinationException(what + " failed: the topic or partition does not exist on Kafka at "
                    + settings.bootstrapServers() + " (" + t.getMessage() + ")");
        }
        if (t instanceof TopicAuthorizationException) {
            return new SitkitException(what + " failed: not authorized on Kafka at " + settings.bootstrapServers()
                    + " (" + t.getMessage() + "); check the ACLs of the configured principal", t);
        }
        return new SitkitException(what + " failed on Kafka at " + settings.bootstrapServers() + ": " + t, t);
    }

    /** A refused login or TLS handshake: names the broker and the settings to check, never their values. */
    static SitkitException authentication(String what, KafkaSettings settings, Throwable cause) {
        boolean tls = cause instanceof SslAuthenticationException;
        String check = tls
                ? "check sitkit.kafka.client.ssl.truststore.* (does it trust the broker's certificate?) and, for mutual TLS,"
                        + " sitkit.kafka.client.ssl.keystore.* (a client certificate the broker trusts)"
                : "check the user and password in sitkit.kafka.client.sasl.jaas.config and sitkit.kafka.client.sasl.mechanism";
        return new SitkitException(what + " failed: " + (tls ? "TLS" : "SASL") + " authentication failed at Kafka "
                + settings.bootstrapServers() + " (security.protocol "
                + settings.clientProperties().getOrDefault("security.protocol", "PLAINTEXT") + "); " + check
                + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", cause);
    }

    /** A timed-out call: tells an unreachable broker from a missing topic by a quick TCP probe. */
    static SitkitException timeout(String what, KafkaSettings settings, Throwable cause) {
        if (!anyReachable(settings.bootstrapServers())) {
            return new BrokerUnavailableException("Kafka at " + settings.bootstrapServers() + " is unreachable: "
                    + what + " got no answer within " + settings.timeout() + " (sitkit.kafka.timeout); "
                    + "check that the broker runs and that sitkit.kafka.bootstrap-servers is right", cause);
        }
        return new BrokerUnavailableException(what + " timed out after " + settings.timeout()
                + " although Kafka at " + settings.bootstrapServers() + " accepts connections; the topic may not exist "
                + "(auto-creation off), the partition may have no leader or fewer in-sync replicas than the topic's "
                + "min.insync.replicas (sitkit publishes with acks=all), or the listener/security settings may not match"
                + " (" + cause.getMessage() + ")", cause);
    }

    static boolean anyReachable(String bootstrapServers) {
        for (String server : bootstrapServers.split(",")) {
            String s = server.strip();
            int colon = s.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            String host = s.substring(0, colon).replace("[", "").replace("]", "");
            if (host.contains("://")) {
                host = host.substring(host.indexOf("://") + 3);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, Integer.parseInt(s.substring(colon + 1))),
                        (int) PROBE_TIMEOUT.toMillis());
                return true;
            } catch (IOException | NumberFormatException e) {
                // try the next one
            }
        }
        return false;
    }
}
