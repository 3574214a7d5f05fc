package io.sitkit.junit;

import io.sitkit.config.SitkitConfig;
import io.sitkit.env.Environment;

import java.util.Map;

/**
 * The shared environment as a test sees it: connection details for starting the system under
 * test, the run's configuration, and the environment itself. Injectable into tests and into
 * {@code @BeforeAll}/{@code @AfterAll} methods.
 *
 * <pre>{@code
 * @BeforeAll
 * static void startCheckout(SitEnvironment env) {
 *     checkout = Checkout.start(env.connectionProperties());   // sitkit.kafka.bootstrap-servers, sitkit.jms.url
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable view over a thread-safe environment.
 */
public final class SitEnvironment {
    private final Environment environment;
    private final SitkitConfig config;

    SitEnvironment(Environment environment, SitkitConfig config) {
        this.environment = environment;
        this.config = config;
    }

    /** Broker addresses under sitkit's keys ({@code sitkit.kafka.bootstrap-servers}, {@code sitkit.jms.url}). */
    public Map<String, String> connectionProperties() {
        return environment.connectionProperties();
    }

    /** The Kafka bootstrap servers, if the environment has Kafka. */
    public String kafkaBootstrapServers() {
        return environment.kafkaBootstrapServers().orElseThrow(() -> new IllegalStateException(
                "the environment has no Kafka; is sitkit.kafka.enabled=false?"));
    }

    /** The JMS broker URL, if the environment has JMS. */
    public String jmsBrokerUrl() {
        return environment.jmsBrokerUrl().orElseThrow(() -> new IllegalStateException(
                "the environment has no JMS broker; is sitkit.jms.enabled=false?"));
    }

    /** The configuration of the run (secrets masked when printed). */
    public SitkitConfig config() {
        return config;
    }

    /** The environment itself. */
    public Environment environment() {
        return environment;
    }
}
