package io.sitkit.env;

import io.sitkit.jms.embedded.EmbeddedActiveMq;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import io.sitkit.kafka.embedded.EmbeddedKafkaConfig;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Test support: runs a Kafka and an ActiveMQ broker in a separate JVM, prints
 * {@code READY <bootstrap> <jms-url>} and stops when its standard input closes.
 */
public final class ChildBrokers {
    private ChildBrokers() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults());
             EmbeddedActiveMq mq = EmbeddedActiveMq.start(false, null)) {
            System.out.println("READY " + kafka.bootstrapServers() + " " + mq.brokerUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes our stdin or dies
            }
        }
    }

    /** The brokers of a child JVM, as an external user would reach them; {@link #close()} stops the child. */
    record Running(Process child, String bootstrap, String jmsUrl) implements AutoCloseable {
        @Override
        public void close() {
            try {
                child.getOutputStream().close();
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (java.io.IOException ignored) {
                child.destroyForcibly();   // its stdin is gone already
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the child and returns once it printed its addresses (at most 90 s). */
    static Running start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ChildBrokers.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("READY ")) {
                        return line;
                    }
                }
                throw new IllegalStateException("child broker process ended before it was ready");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            String[] parts = ready.get(90, TimeUnit.SECONDS).split(" ");
            return new Running(child, parts[1], parts[2]);
        } catch (Exception e) {
            child.destroyForcibly();
            throw e;
        }
    }
}
