package io.sitkit.samples.support;

import io.sitkit.schema.registry.LocalSchemaRegistry;
import io.sitkit.schema.registry.RegistrySettings;
import io.sitkit.schema.registry.SchemaRegistryClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Gives tests a {@link SchemaRegistryClient} of a local Apicurio Registry, one per JVM: the first
 * test class that uses the extension starts it in the background (about 5 s, in a child JVM, while
 * the brokers start), every class shares it, and it stops when the run ends. The distribution is
 * the one the build unpacks into {@code target/apicurio}.
 *
 * <pre>{@code
 * @SitTest
 * @ExtendWith(LocalRegistryExtension.class)
 * class ShopBigBangIT {
 *     @Test
 *     void an_order_is_placed(SitBus bus, SchemaRegistryClient registry) { ... registry.settings().url() ... }
 * }
 * }</pre>
 *
 * <p>Thread-safety: the registry is started once even when test classes ask for it in parallel.
 */
public final class LocalRegistryExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalRegistryExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SchemaRegistryClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return running(context).started.join().client;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> new Running(), Running.class);
    }

    /** The registry of this run, starting or started; closed by JUnit when the run ends. */
    private static final class Running implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final CompletableFuture<Started> started = CompletableFuture.supplyAsync(Running::start, r -> {
            Thread t = new Thread(r, "sample-registry-start");
            t.setDaemon(true);
            t.start();
        });

        private static Started start() {
            String home = System.getProperty("sitkit.test.apicurio.home");
            if (home == null) {
                throw new IllegalStateException("sitkit.test.apicurio.home is not set; run the samples through Maven"
                        + " (mvn -B verify -pl samples -am), which unpacks Apicurio Registry into samples/target/apicurio");
            }
            LocalSchemaRegistry registry = LocalSchemaRegistry.start(Path.of(home), Path.of("target", "apicurio-samples.log"),
                    Duration.ofSeconds(90));
            return new Started(registry, new SchemaRegistryClient(RegistrySettings.of(registry.confluentUrl())));
        }

        @Override
        public void close() {
            try {
                started.join().registry.close();
            } catch (CompletionException e) {
                // it never started: nothing to stop
            }
        }
    }

    private record Started(LocalSchemaRegistry registry, SchemaRegistryClient client) {
    }
}
