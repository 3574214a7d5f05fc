package io.sitkit.fx;

import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.ConnectionProfile;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Test support: one embedded sandbox connection (real Kafka and ActiveMQ in this JVM, no demo
 * traffic) per test JVM, opened on first use and closed when the run ends. Tests use topic and
 * queue names of their own.
 */
public final class SharedSandbox implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedSandbox.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == Connection.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return c.getRoot().getStore(NS).getOrComputeIfAbsent("sandbox", k -> new Holder(), Holder.class).connection;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final Connection connection = Connection.open(ConnectionProfile.sandbox("test sandbox", false)
                .withSetting("sitkit.kafka.default-partitions", "1"), Path.of("target", "shared-sandbox-audit.jsonl"));

        @Override
        public void close() {
            connection.close();
        }
    }
}
