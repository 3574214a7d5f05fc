package io.sitkit.env;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.core.internal.Closer;
import io.sitkit.jms.JmsClient;
import io.sitkit.jms.JmsSettings;
import io.sitkit.kafka.KafkaClient;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.schema.registry.RegistrySettings;
import io.sitkit.schema.registry.SchemaRegistryClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every environment shares once it knows its brokers: opening buses, connection
 * properties, and closing buses before the brokers.
 */
abstract class BaseEnvironment implements Environment {
    private final String name;
    private final KafkaSettings kafka;
    private final JmsSettings jms;
    private final int bufferLimit;
    private final long bufferBytes;
    private final List<Bus> buses = new ArrayList<>();
    private boolean closed;
    private final io.sitkit.core.Protection protection;
    private final SitkitConfig config;
    /** Made on first use: its settings are read only by environments that use a registry. */
    private SchemaRegistryClient registry;

    BaseEnvironment(String name, SitkitConfig config, KafkaSettings kafka, JmsSettings jms) {
        this.name = name;
        this.config = config;
        this.protection = io.sitkit.core.Protection.of(config.string(ConfigKeys.PROTECTION_ENVIRONMENT_NAME, name),
                config.bool(ConfigKeys.PROTECTION_ENABLED, false),
                config.get(ConfigKeys.AUDIT_FILE).map(java.nio.file.Path::of));
        this.kafka = kafka;
        this.jms = jms;
        this.bufferLimit = config.integer(ConfigKeys.CAPTURE_BUFFER_LIMIT, Bus.DEFAULT_BUFFER_LIMIT);
        this.bufferBytes = config.bytes(ConfigKeys.CAPTURE_BUFFER_BYTES, io.sitkit.core.internal.CaptureBuffer.defaultByteLimit());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public io.sitkit.core.Protection protection() {
        return protection;
    }

    @Override
    public synchronized Optional<SchemaRegistryClient> schemaRegistry() {
        if (registry == null && config.get(ConfigKeys.SCHEMA_REGISTRY_URL).isPresent()) {
            registry = new SchemaRegistryClient(RegistrySettings.from(config), protection);
        }
        return Optional.ofNullable(registry);
    }

    @Override
    public Optional<String> kafkaBootstrapServers() {
        return Optional.ofNullable(kafka).map(KafkaSettings::bootstrapServers);
    }

    @Override
    public Optional<String> jmsBrokerUrl() {
        return Optional.ofNullable(jms).map(JmsSettings::address);
    }

    /** Kafka settings, if this environment has Kafka. */
    public Optional<KafkaSettings> kafkaSettings() {
        return Optional.ofNullable(kafka);
    }

    /** JMS settings, if this environment has JMS. */
    public Optional<JmsSettings> jmsSettings() {
        return Optional.ofNullable(jms);
    }

    @Override
    public Map<String, String> connectionProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        kafkaBootstrapServers().ifPresent(s -> p.put(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS, s));
        jmsBrokerUrl().ifPresent(u -> p.put(ConfigKeys.JMS_URL, u));
        return p;
    }

    @Override
    public Bus openBus() {
        synchronized (buses) {
            if (closed) {
                throw new IllegalStateException("environment '" + name + "' is closed");
            }
            Bus[] self = new Bus[1];
            self[0] = new Bus(kafka == null ? null : new KafkaClient(kafka, protection),
                    jms == null ? null : new JmsClient(jms, protection), bufferLimit, bufferBytes,
                    () -> {
                        synchronized (buses) {
                            buses.remove(self[0]);
                        }
                    });
            buses.add(self[0]);
            return self[0];
        }
    }

    /** Brokers or other resources to close after the buses, first-started first in the list. */
    protected abstract List<AutoCloseable> ownedResources();

    @Override
    public void close() {
        List<AutoCloseable> toClose = new ArrayList<>();
        synchronized (buses) {
            if (closed) {
                return;
            }
            closed = true;
            toClose.addAll(ownedResources());
            toClose.addAll(buses);
            buses.clear();
        }
        Closer.closeAll(toClose);
    }

    @Override
    public String toString() {
        return name + " environment " + connectionProperties();
    }
}
