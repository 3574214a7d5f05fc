package io.sitkit.env;

import io.sitkit.config.SitkitConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Test support: one embedded environment (Kafka + ActiveMQ) per test JVM, started on first use and
 * closed when the run ends, injected as an {@link EmbeddedEnvironment} parameter.
 */
public final class SharedEmbedded implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedEmbedded.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == EmbeddedEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return c.getRoot().getStore(NS).getOrComputeIfAbsent("env", k -> new Holder(), Holder.class).env;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final EmbeddedEnvironment env = (EmbeddedEnvironment) new EmbeddedEnvironmentProvider()
                .start(SitkitConfig.of(java.util.Map.of("sitkit.kafka.default-partitions", "1")));

        @Override
        public void close() {
            env.close();
        }
    }
}
