package io.sitkit.fx.viewmodel;

import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.ConnectionProfile;
import io.sitkit.fx.service.ProfileStore;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Test support: an {@link InspectorViewModel} on a {@link UiThread}, with profiles and audit in
 * {@code dir}, connecting to the shared sandbox's brokers as an external profile.
 */
final class InspectorHarness implements AutoCloseable {
    final UiThread ui = new UiThread();
    final InspectorViewModel inspector;

    InspectorHarness(Path dir) {
        inspector = new InspectorViewModel(ui.background, new ProfileStore(dir.resolve("profiles.json")), dir.resolve("audit.jsonl"),
                Duration.ofMillis(500));
    }

    /** A profile onto the shared sandbox's brokers: an external connection, no new brokers started. */
    static ConnectionProfile onto(Connection shared, String name) {
        return ConnectionProfile.kafka(name, shared.environment().kafkaBootstrapServers().orElseThrow())
                .withSetting("sitkit.jms.url", shared.environment().jmsBrokerUrl().orElseThrow())
                .withSetting("sitkit.jms.queue-observation", "mirror");
    }

    /** Connects and waits until the destinations are listed. */
    ConnectionViewModel connect(ConnectionProfile profile) {
        ui.done(() -> inspector.connect(profile));
        ConnectionViewModel c = ui.get(() -> inspector.connections().get(inspector.connections().size() - 1));
        ui.until(() -> !c.loadingProperty().get() && c.statusProperty().get().contains(" destinations · "));
        return c;
    }

    @Override
    public void close() {
        ui.run(inspector::close);
        ui.close();
    }
}
