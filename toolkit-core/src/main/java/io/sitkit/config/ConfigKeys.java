package io.sitkit.config;

import java.util.List;

/**
 * Every configuration key sitkit reads. Keys are lower-case, dot-separated, with hyphens inside a
 * word; the environment variable for a key is the key upper-cased with dots and hyphens turned
 * into underscores ({@code sitkit.kafka.bootstrap-servers} → {@code SITKIT_KAFKA_BOOTSTRAP_SERVERS}).
 *
 * <p>Keys under a pass-through prefix ({@link #KAFKA_CLIENT_PREFIX}, {@link #KAFKA_BROKER_PREFIX})
 * are handed to Kafka unchanged after the prefix; their environment variables map underscores to dots
 * ({@code SITKIT_KAFKA_CLIENT_SECURITY_PROTOCOL} → {@code security.protocol}).
 *
 * <pre>{@code
 * String servers = config.required(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS);
 * }</pre>
 *
 * <p>Thread-safety: constants only.
 */
public final class ConfigKeys {
    private ConfigKeys() {
    }

    /** {@code embedded} (default) or {@code external}. */
    public static final String ENVIRONMENT = "sitkit.environment";
    /** Whether writes are refused until unlocked (default false); for shared clusters. */
    public static final String PROTECTION_ENABLED = "sitkit.protection.enabled";
    /** The environment's name, typed to unlock it when protected (default: {@code embedded} or {@code external}). */
    public static final String PROTECTION_ENVIRONMENT_NAME = "sitkit.protection.environment-name";
    /** File the audit lines of published messages and other writes are appended to (JSON lines; default: none). */
    public static final String AUDIT_FILE = "sitkit.audit.file";
    /** Path of a properties or YAML file to read; default: {@code sitkit.properties}/{@code sitkit.yaml} on the classpath. */
    public static final String CONFIG_FILE = "sitkit.config.file";

    /** Whether the environment has Kafka (default true). */
    public static final String KAFKA_ENABLED = "sitkit.kafka.enabled";
    /** Kafka bootstrap servers of an external cluster. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = "sitkit.kafka.bootstrap-servers";
    /** Bound on every blocking Kafka call: metadata, publish, admin (default 10s). */
    public static final String KAFKA_TIMEOUT = "sitkit.kafka.timeout";
    /** Isolation level of captures and browses (default read_committed). */
    public static final String KAFKA_ISOLATION_LEVEL = "sitkit.kafka.isolation-level";
    /** Largest message, in bytes, on the embedded broker and sitkit's clients (default 16 MiB). */
    public static final String KAFKA_MAX_MESSAGE_BYTES = "sitkit.kafka.max-message-bytes";
    /** Whether the embedded broker creates topics on first use (default true). */
    public static final String KAFKA_AUTO_CREATE_TOPICS = "sitkit.kafka.auto-create-topics";
    /** Partitions of auto-created topics on the embedded broker (default 1). */
    public static final String KAFKA_DEFAULT_PARTITIONS = "sitkit.kafka.default-partitions";
    /** Prefix of Kafka client properties passed through ({@code sitkit.kafka.client.security.protocol=SASL_SSL}). */
    public static final String KAFKA_CLIENT_PREFIX = "sitkit.kafka.client.";
    /** Prefix of broker properties passed to the embedded Kafka broker. */
    public static final String KAFKA_BROKER_PREFIX = "sitkit.kafka.broker.";

    /** Whether the environment has JMS (default true). */
    public static final String JMS_ENABLED = "sitkit.jms.enabled";
    /** {@code activemq} (default) or {@code artemis}, or use {@link #JMS_CONNECTION_FACTORY}. */
    public static final String JMS_PROVIDER = "sitkit.jms.provider";
    /** Broker URL of an external JMS broker, e.g. {@code tcp://mq:61616}. */
    public static final String JMS_URL = "sitkit.jms.url";
    /** JMS user name. */
    public static final String JMS_USER = "sitkit.jms.user";
    /** JMS password; never printed. */
    public static final String JMS_PASSWORD = "sitkit.jms.password";
    /** Class name of any {@code jakarta.jms.ConnectionFactory} with a no-arg or a (String url) constructor. */
    public static final String JMS_CONNECTION_FACTORY = "sitkit.jms.connection-factory";
    /** Bound on connecting and every blocking JMS call (default 10s). */
    public static final String JMS_TIMEOUT = "sitkit.jms.timeout";
    /** How queue traffic is observed: {@code mirror}, {@code browse} (lossy) or {@code none}. */
    public static final String JMS_QUEUE_OBSERVATION = "sitkit.jms.queue-observation";
    /** Prefix of the topic that mirrors a queue (default {@code VirtualTopic.Mirror.}). */
    public static final String JMS_MIRROR_PREFIX = "sitkit.jms.mirror-prefix";
    /** Interval between browses in {@code browse} observation (default 100ms). */
    public static final String JMS_BROWSE_INTERVAL = "sitkit.jms.browse-interval";
    /** Trust store (PKCS12 or JKS) for an {@code ssl://} ActiveMQ broker whose certificate a private CA signed. */
    public static final String JMS_SSL_TRUSTSTORE = "sitkit.jms.ssl.truststore";
    /** Password of {@link #JMS_SSL_TRUSTSTORE}; never printed. */
    public static final String JMS_SSL_TRUSTSTORE_PASSWORD = "sitkit.jms.ssl.truststore-password";
    /** Key store (PKCS12, or JKS by {@code .jks}) with a client certificate, for brokers that require one (mutual TLS). */
    public static final String JMS_SSL_KEYSTORE = "sitkit.jms.ssl.keystore";
    /** Password of {@link #JMS_SSL_KEYSTORE} and its key; never printed. */
    public static final String JMS_SSL_KEYSTORE_PASSWORD = "sitkit.jms.ssl.keystore-password";
    /** Password of the key in {@link #JMS_SSL_KEYSTORE} when it is not the store's own; never printed. */
    public static final String JMS_SSL_KEY_PASSWORD = "sitkit.jms.ssl.key-password";

    /** Messages a capture holds at most (default 1,000,000). */
    public static final String CAPTURE_BUFFER_LIMIT = "sitkit.capture.buffer-limit";
    /** Key and payload bytes a capture holds at most (default: a quarter of the maximum heap). */
    public static final String CAPTURE_BUFFER_BYTES = "sitkit.capture.buffer-bytes";

    /** JSON field names masked in rendered and written messages, comma-separated, matched at any depth ignoring case. */
    public static final String REDACT_FIELDS = "sitkit.redact.fields";
    /** JSON paths masked in rendered and written messages, comma-separated ({@code $.patient.id, $.cards[*].number}). */
    public static final String REDACT_PATHS = "sitkit.redact.paths";

    /** Directory for embedded broker data (default: a fresh temp dir, deleted on close). */
    public static final String EMBEDDED_DATA_DIR = "sitkit.embedded.data-dir";
    /** Log level of the embedded brokers' loggers (default WARN). */
    public static final String EMBEDDED_LOG_LEVEL = "sitkit.embedded.log-level";
    /** Nodes of the embedded Kafka cluster, each broker and controller (default 1; 3 for replication factor 3). */
    public static final String EMBEDDED_KAFKA_BROKERS = "sitkit.embedded.kafka.brokers";
    /** Whether each embedded broker (every Kafka node, ActiveMQ) sits behind an in-process {@code NetworkProxy} that clients and advertised addresses use (default false). */
    public static final String EMBEDDED_PROXY = "sitkit.embedded.proxy";
    /** How the embedded Kafka's client listener is secured: none (default), sasl-scram-tls, mutual-tls. */
    public static final String EMBEDDED_KAFKA_SECURITY = "sitkit.embedded.kafka.security";
    /** How the embedded ActiveMQ is secured: none (default), password, tls, password-tls, mutual-tls, password-mutual-tls. */
    public static final String EMBEDDED_JMS_SECURITY = "sitkit.embedded.jms.security";
    /** Whether the embedded ActiveMQ keeps messages on disk (default false). */
    public static final String EMBEDDED_ACTIVEMQ_PERSISTENT = "sitkit.embedded.activemq.persistent";
    /** Image of the Kafka container when {@code sitkit.environment=testcontainers} (default {@code apache/kafka-native:4.1.1}). */
    public static final String TESTCONTAINERS_KAFKA_IMAGE = "sitkit.testcontainers.kafka-image";
    /** Image of the ActiveMQ Classic container when {@code sitkit.environment=testcontainers} (default {@code apache/activemq-classic:6.1.7}). */
    public static final String TESTCONTAINERS_ACTIVEMQ_IMAGE = "sitkit.testcontainers.activemq-image";

    /** JUnit extension: what to do when the environment needs Docker and there is none, {@code fail} (default) or {@code skip}. */
    public static final String JUNIT_DOCKER_MISSING = "sitkit.junit.docker-missing";
    /** JUnit extension: where flow-trace files and the run report go (default {@code target/sitkit}). */
    public static final String JUNIT_OUTPUT_DIR = "sitkit.junit.output-dir";
    /** JUnit extension: an AsyncAPI document whose integration points are the run report's coverage inventory. */
    public static final String JUNIT_ASYNCAPI = "sitkit.junit.asyncapi";
    /** JUnit extension: a contract file or directory whose channels are the coverage inventory (and are verified per test). */
    public static final String JUNIT_CONTRACTS = "sitkit.junit.contracts";

    /** Stub files (comma-separated) the sandbox starts once the environment is up (default: none). */
    public static final String SANDBOX_STUBS = "sitkit.sandbox.stubs";

    /** Base URL of a schema registry's Confluent API, e.g. {@code http://registry:8081} or Apicurio's {@code …/apis/ccompat/v7}. */
    public static final String SCHEMA_REGISTRY_URL = "sitkit.schema-registry.url";
    /** Basic-auth user of the schema registry. */
    public static final String SCHEMA_REGISTRY_USER = "sitkit.schema-registry.user";
    /** Basic-auth password of the schema registry; never printed. */
    public static final String SCHEMA_REGISTRY_PASSWORD = "sitkit.schema-registry.password";
    /** Bearer token for the schema registry (instead of basic auth); never printed. */
    public static final String SCHEMA_REGISTRY_BEARER_TOKEN = "sitkit.schema-registry.bearer-token";
    /** Bound on connecting to the schema registry (default 5s). */
    public static final String SCHEMA_REGISTRY_CONNECT_TIMEOUT = "sitkit.schema-registry.connect-timeout";
    /** Bound on each schema-registry request (default 10s). */
    public static final String SCHEMA_REGISTRY_REQUEST_TIMEOUT = "sitkit.schema-registry.request-timeout";
    /** Trust store (PKCS12 or JKS file) for an https registry whose certificate a private CA signed. */
    public static final String SCHEMA_REGISTRY_TRUSTSTORE = "sitkit.schema-registry.truststore";
    /** Password of {@link #SCHEMA_REGISTRY_TRUSTSTORE}, if it has one; never printed. */
    public static final String SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD = "sitkit.schema-registry.truststore-password";
    /** Type of {@link #SCHEMA_REGISTRY_TRUSTSTORE} (default PKCS12, which reads JKS files too). */
    public static final String SCHEMA_REGISTRY_TRUSTSTORE_TYPE = "sitkit.schema-registry.truststore-type";

    /** All fixed keys (pass-through prefixes excluded). */
    public static final List<String> ALL = List.of(ENVIRONMENT, PROTECTION_ENABLED, PROTECTION_ENVIRONMENT_NAME, AUDIT_FILE, CONFIG_FILE, KAFKA_ENABLED,
            KAFKA_BOOTSTRAP_SERVERS, KAFKA_TIMEOUT, KAFKA_ISOLATION_LEVEL, KAFKA_MAX_MESSAGE_BYTES,
            KAFKA_AUTO_CREATE_TOPICS, KAFKA_DEFAULT_PARTITIONS, JMS_ENABLED, JMS_PROVIDER, JMS_URL, JMS_USER,
            JMS_PASSWORD, JMS_CONNECTION_FACTORY, JMS_TIMEOUT, JMS_QUEUE_OBSERVATION, JMS_MIRROR_PREFIX,
            JMS_BROWSE_INTERVAL, JMS_SSL_TRUSTSTORE, JMS_SSL_TRUSTSTORE_PASSWORD, JMS_SSL_KEYSTORE,
            JMS_SSL_KEYSTORE_PASSWORD, JMS_SSL_KEY_PASSWORD, CAPTURE_BUFFER_LIMIT, CAPTURE_BUFFER_BYTES, REDACT_FIELDS, REDACT_PATHS, EMBEDDED_DATA_DIR,
            EMBEDDED_LOG_LEVEL, EMBEDDED_KAFKA_BROKERS, EMBEDDED_PROXY, EMBEDDED_KAFKA_SECURITY, EMBEDDED_JMS_SECURITY,
            EMBEDDED_ACTIVEMQ_PERSISTENT, TESTCONTAINERS_KAFKA_IMAGE, TESTCONTAINERS_ACTIVEMQ_IMAGE, SCHEMA_REGISTRY_URL, SCHEMA_REGISTRY_USER,
            SCHEMA_REGISTRY_PASSWORD, SCHEMA_REGISTRY_BEARER_TOKEN, SCHEMA_REGISTRY_CONNECT_TIMEOUT,
            SCHEMA_REGISTRY_REQUEST_TIMEOUT, SCHEMA_REGISTRY_TRUSTSTORE, SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD,
            SCHEMA_REGISTRY_TRUSTSTORE_TYPE, SANDBOX_STUBS, JUNIT_DOCKER_MISSING, JUNIT_OUTPUT_DIR, JUNIT_ASYNCAPI,
            JUNIT_CONTRACTS);

    /** Prefixes whose keys pass through to the broker or client. */
    public static final List<String> PASS_THROUGH_PREFIXES = List.of(KAFKA_CLIENT_PREFIX, KAFKA_BROKER_PREFIX);

    /** The environment variable that sets {@code key}. */
    public static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
