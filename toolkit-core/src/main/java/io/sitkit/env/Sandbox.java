package io.sitkit.env;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * The sandbox: starts the configured environment (embedded Kafka and ActiveMQ by default), prints
 * how to connect to it, and runs until Ctrl-C — the place a tester points their services and the
 * inspector at.
 *
 * <pre>
 * mvn -B -pl toolkit-core compile exec:java
 * mvn -B -pl toolkit-core compile exec:java -Dsitkit.jms.enabled=false
 * </pre>
 *
 * <p>Thread-safety: a program entry point; {@link #describe} is stateless.
 */
public final class Sandbox {
    private Sandbox() {
    }

    public static void main(String[] args) throws InterruptedException {
        SitkitConfig config = SitkitConfig.load();
        Environment env = Environments.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("sitkit sandbox stopping…");
            env.close();
            stopped.countDown();
        }, "sitkit-sandbox-shutdown"));
        describe(env, config, System.out);
        stopped.await();
    }

    /** Prints the connection details of {@code env} for people and scripts. */
    public static void describe(Environment env, SitkitConfig config, PrintStream out) {
        out.println();
        out.println("sitkit sandbox is running (" + env.name() + " environment"
                + (env instanceof EmbeddedEnvironment e ? ", started in " + e.startupReport() : "") + ")");
        env.kafkaBootstrapServers().ifPresent(s ->
                out.println("  Kafka bootstrap servers : " + s + "    (" + ConfigKeys.KAFKA_BOOTSTRAP_SERVERS + ")"));
        boolean embedded = env.name().equals(EmbeddedEnvironmentProvider.NAME);
        env.jmsBrokerUrl().ifPresent(u -> out.println("  JMS broker URL          : " + u + "    (" + ConfigKeys.JMS_URL
                + (embedded ? ", ActiveMQ Classic / OpenWire" : "") + ")"));
        if (env.jmsBrokerUrl().isPresent() && embedded) {
            out.println("  Queue observation       : mirrored queues — every message to queue Q is copied to topic "
                    + config.string(ConfigKeys.JMS_MIRROR_PREFIX, "VirtualTopic.Mirror.") + "Q");
        }
        out.println("  As environment variables for your services" + (embedded ? ":" : " (credentials removed):"));
        env.connectionProperties().forEach((k, v) -> out.println("    export " + ConfigKeys.envName(k) + "=" + v));
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
