package io.sitkit.fx.viewmodel;

import io.sitkit.core.Destination;
import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.DestinationAdmin;
import io.sitkit.fx.service.DestinationCatalog;
import io.sitkit.fx.service.DestinationEntry;
import io.sitkit.fx.service.LoadedStubFile;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;

/**
 * One open connection in the tree: its destinations (searchable by name, refreshed on demand and
 * by a periodic health check), the banner shown when its broker goes away, and its protection —
 * the core's lock, which the user unlocks by typing the environment's name.
 *
 * <pre>{@code
 * ConnectionViewModel c = inspector.connections().get(0);
 * c.searchProperty().set("orders");
 * c.refresh();
 * c.unlock("staging");
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread.
 */
public final class ConnectionViewModel implements AutoCloseable {
    private final Connection connection;
    private final Background background;
    private final ObservableList<DestinationEntry> destinations = FXCollections.observableArrayList();
    private final FilteredList<DestinationEntry> visible = new FilteredList<>(destinations, e -> true);
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<DestinationEntry> visibleView = FXCollections.unmodifiableObservableList(visible);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final Map<Destination, MessagesViewModel> messages = new LinkedHashMap<>();
    private final ScheduledFuture<?> health;
    private StubsViewModel stubs;

    ConnectionViewModel(Connection connection, Background background, Duration healthInterval) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.background = background;
        this.locked.set(connection.protection().isLocked());
        search.addListener((o, was, now) -> {
            String s = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            visible.setPredicate(e -> s.isEmpty() || e.destination().toString().toLowerCase(Locale.ROOT).contains(s));
        });
        this.health = background.every(healthInterval, this::probe);
    }

    public Connection connection() {
        return connection;
    }

    public String name() {
        return connection.profile().name();
    }

    /** The destinations whose address contains the search text. */
    public ObservableList<DestinationEntry> destinations() {
        return visibleView;
    }

    /** Typed by the user; filters {@link #destinations()}. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Empty while the brokers answer; otherwise what went away, shown as a banner. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether writes (inject, purge, delete) are refused until unlocked. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** Why the last create, delete or purge failed or was refused; "" while it runs and after one that worked. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean isProtected() {
        return connection.protection().isProtected();
    }

    /** Re-reads the destinations in the background. */
    public Background.Job refresh() {
        return refresh(null);
    }

    /** Re-reads the destinations; then the status says {@code outcome} (what was just done) or how many there are. */
    private Background.Job refresh(String outcome) {
        loading.set(true);
        return background.submit(() -> DestinationCatalog.list(connection), entries -> {
            loading.set(false);
            destinations.setAll(entries);
            banner.set("");
            status.set(outcome != null ? outcome : entries.size() + " destinations · " + connection.describe());
        }, e -> {
            loading.set(false);
            failed("refreshing destinations", e);
        });
    }

    private void probe() {
        try {
            connection.bus().listDestinations();
            background.ui().execute(() -> {
                if (!banner.get().isEmpty()) {
                    banner.set("");
                    refresh();
                }
            });
        } catch (RuntimeException e) {
            background.ui().execute(() -> failed("checking the brokers", e));
        }
    }

    /** Shows a failure: as the banner when a broker is gone, else on the status line. */
    void failed(String what, Throwable e) {
        if (Errors.brokerGone(e)) {
            banner.set("Connection '" + name() + "' lost: " + Errors.describe(e) + " — retrying every few seconds");
        } else {
            status.set(what + " failed: " + Errors.describe(e));
        }
    }

    /**
     * Allows writes after the environment's name was typed; a wrong name leaves it locked and says so.
     *
     * @return true when unlocked
     */
    public boolean unlock(String typedName) {
        try {
            connection.protection().unlock(typedName);
            locked.set(connection.protection().isLocked());
            status.set("'" + connection.protection().environment() + "' unlocked: injecting is allowed and audited");
            return true;
        } catch (RuntimeException e) {
            status.set(Errors.describe(e));
            return false;
        }
    }

    public void lock() {
        connection.protection().lock();
        locked.set(connection.protection().isLocked());
    }

    /** Creates a Kafka topic; the core refuses it while the connection is protected and locked, and audits it. */
    public Background.Job createTopic(String name, int partitions) {
        return write(() -> {
            Destination d = new DestinationAdmin(connection).createTopic(name, partitions);
            return "Created topic " + d + " with " + partitions + (partitions == 1 ? " partition" : " partitions");
        });
    }

    /** Deletes a Kafka topic and its messages (protected and audited by the core). */
    public Background.Job deleteTopic(Destination d) {
        MessagesViewModel shown = messages.remove(d);
        if (shown != null) {
            shown.stopTail();
        }
        return write(() -> {
            new DestinationAdmin(connection).deleteTopic(d);
            return "Deleted topic " + d;
        });
    }

    /** Removes every message of a JMS queue (protected and audited by the core). */
    public Background.Job purge(Destination d) {
        return write(() -> {
            int n = new DestinationAdmin(connection).purge(d);
            return "Purged " + n + (n == 1 ? " message" : " messages") + " from " + d;
        }, () -> {
            MessagesViewModel shown = messages.get(d);
            if (shown != null && !shown.tailingProperty().get()) {
                shown.first();
            }
        });
    }

    private Background.Job write(java.util.concurrent.Callable<String> work) {
        return write(work, () -> { });
    }

    /** Runs a write; on success says what it did, re-reads the destinations and runs {@code then} (UI thread). */
    private Background.Job write(java.util.concurrent.Callable<String> work, Runnable then) {
        refusal.set("");
        return background.submit(work, done -> {
            status.set(done);
            refresh(done);
            then.run();
        }, e -> {
            status.set(Errors.describe(e));
            refusal.set(Errors.describe(e));
        });
    }

    /** The messages view-model of {@code d}, created on first use and kept while the connection is open. */
    public MessagesViewModel messages(Destination d) {
        return messages.computeIfAbsent(d, k -> new MessagesViewModel(this, k, background));
    }

    /** Export and import for {@code d} (a fresh one each time the dialog opens). */
    public TransferViewModel transfer(Destination d) {
        return new TransferViewModel(this, d, background);
    }

    /** The inject view-model for {@code d} (a fresh one each time: a new compose). */
    public InjectViewModel inject(Destination d) {
        return new InjectViewModel(this, d, background);
    }

    /** The stub files of this connection (kept while it is open: what runs keeps running when the panel closes). */
    public StubsViewModel stubs() {
        if (stubs == null) {
            stubs = new StubsViewModel(this, background);
        }
        return stubs;
    }

    /** The rows each JMS topic's table holds now — what its live tail received — by topic (none opened: empty). */
    public Map<Destination, List<io.sitkit.fx.service.MessageRow>> heldTopicRows() {
        Map<Destination, List<io.sitkit.fx.service.MessageRow>> out = new LinkedHashMap<>();
        messages.forEach((d, m) -> {
            if (d.isJms() && !d.isQueue()) {
                out.put(d, List.copyOf(m.rows()));
            }
        });
        return out;
    }

    /** Every destination listed, ignoring the search. */
    public List<DestinationEntry> allDestinations() {
        return List.copyOf(destinations);
    }

    /** Stops tails and the health check, then stops its stubs and closes the connection in the background. */
    @Override
    public void close() {
        health.cancel(false);
        messages.values().forEach(MessagesViewModel::stopTail);
        List<LoadedStubFile> running = stubs == null ? List.of() : stubs.detach();
        background.submit(() -> {
            try {
                LoadedStubFile.stopAll(running);
            } finally {
                connection.close();
            }
            return null;
        }, x -> { }, e -> status.set("closing failed: " + Errors.describe(e)));
    }

    /** Stops tails, the health check and its stubs, and closes the connection now (at exit). */
    void closeNow() {
        health.cancel(false);
        messages.values().forEach(MessagesViewModel::stopTail);
        try {
            LoadedStubFile.stopAll(stubs == null ? List.of() : stubs.detach());
        } finally {
            connection.close();
        }
    }
}
