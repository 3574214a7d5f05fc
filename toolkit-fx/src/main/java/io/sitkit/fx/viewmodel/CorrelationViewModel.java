package io.sitkit.fx.viewmodel;

import io.sitkit.core.Destination;
import io.sitkit.fx.service.ConnectionProfile;
import io.sitkit.fx.service.CorrelationResult;
import io.sitkit.fx.service.CorrelationSearch;
import io.sitkit.fx.service.CorrelationSettings;
import io.sitkit.fx.service.FlowChart;
import io.sitkit.fx.service.MessageRow;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The correlation view: follows one business key across every open connection's destinations —
 * Kafka and JMS together — and lays the flow out as lanes and hops, with gaps where the expected
 * route has no message. Each connection's rules and route come from its profile and are saved
 * back to it; the search runs in the background with progress and cancel, bounded per destination
 * and in time.
 *
 * <pre>{@code
 * CorrelationViewModel corr = new CorrelationViewModel(inspector);
 * corr.followMessage(connection, selectedRow);     // the key the row carries under its rules
 * corr.follow(connection, "o-42");                  // or a key typed in
 * corr.chartProperty().get().gaps();               // "missing: kafka:shipments"
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread.
 */
public final class CorrelationViewModel {
    private final Background background;
    private final ObservableList<ConnectionViewModel> connections;
    private final Function<ConnectionProfile, Background.Job> saveProfile;
    private final DetailViewModel detail;
    /** The settings in force per connection, by profile name: read from the profile on first use, then as saved. */
    private final Map<String, CorrelationSettings> settings = new HashMap<>();
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final IntegerProperty perDestination = new SimpleIntegerProperty(this, "perDestination",
            CorrelationSearch.Bounds.defaults().perDestination());
    private final ObjectProperty<Duration> timeLimit = new SimpleObjectProperty<>(this, "timeLimit",
            CorrelationSearch.Bounds.defaults().timeLimit());
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Pick a message and Follow this key…, or type a key");
    private final ReadOnlyStringWrapper routeNote = new ReadOnlyStringWrapper(this, "routeNote", "");
    private final ReadOnlyStringWrapper searchedNote = new ReadOnlyStringWrapper(this, "searchedNote", "");
    private final ReadOnlyObjectWrapper<CorrelationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<FlowChart> chart = new ReadOnlyObjectWrapper<>(this, "chart");
    private final ReadOnlyObjectWrapper<ConnectionViewModel> focus = new ReadOnlyObjectWrapper<>(this, "focus");
    private final ReadOnlyObjectWrapper<CorrelationResult.Hit> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private int pageSize = CorrelationSearch.PAGE;
    private Background.Job job;
    private AtomicBoolean stopRequested = new AtomicBoolean();

    /** Over the inspector's open connections; rules are saved with its profiles. */
    public CorrelationViewModel(InspectorViewModel inspector) {
        this(inspector.background(), inspector.connections(), inspector::saveProfile);
    }

    CorrelationViewModel(Background background, ObservableList<ConnectionViewModel> connections,
                         Function<ConnectionProfile, Background.Job> saveProfile) {
        this.background = Objects.requireNonNull(background, "background");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.saveProfile = Objects.requireNonNull(saveProfile, "saveProfile");
        this.detail = new DetailViewModel(background);
    }

    /** The key to follow: set by {@link #followMessage}, or typed. */
    public StringProperty keyProperty() {
        return key;
    }

    /** Messages read at most per destination. */
    public IntegerProperty perDestinationProperty() {
        return perDestination;
    }

    /** How long a search may run in all. */
    public ObjectProperty<Duration> timeLimitProperty() {
        return timeLimit;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Destinations searched over all, 0–1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Expected route: a → b → c · 1 missing", or that none is set (so no gaps are drawn). */
    public ReadOnlyStringProperty routeNoteProperty() {
        return routeNote.getReadOnlyProperty();
    }

    /** What the last search read on each destination, one per line ("kafka:orders: 1,000 messages, stopped at the bound"). */
    public ReadOnlyStringProperty searchedNoteProperty() {
        return searchedNote.getReadOnlyProperty();
    }

    /** The last search's result (null before one finished). */
    public ReadOnlyObjectProperty<CorrelationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The flow to draw (null before a search finished). */
    public ReadOnlyObjectProperty<FlowChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    /** The connection whose expected route a search draws, and whose rules the rules dialog edits. */
    public ReadOnlyObjectProperty<ConnectionViewModel> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    /** The hop shown in {@link #detail()}. */
    public ReadOnlyObjectProperty<CorrelationResult.Hit> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The detail pane of the hop clicked. */
    public DetailViewModel detail() {
        return detail;
    }

    void pageSize(int size) {
        this.pageSize = size;
    }

    /** The rules and route in force on {@code c}: its profile's, or as last saved. Unreadable saved ones fall back to none. */
    public CorrelationSettings settings(ConnectionViewModel c) {
        return settings.computeIfAbsent(c.name(), n -> {
            try {
                return CorrelationSettings.of(c.connection().profile());
            } catch (IllegalArgumentException e) {
                status.set("ignoring the saved correlation rules: " + e.getMessage());
                return CorrelationSettings.none();
            }
        });
    }

    /** Uses {@code s} on {@code c} from now on and saves it with the profile; a flow shown is searched again. */
    public Background.Job saveSettings(ConnectionViewModel c, CorrelationSettings s) {
        settings.put(c.name(), Objects.requireNonNull(s, "settings"));
        Background.Job saved = saveProfile.apply(s.applyTo(c.connection().profile()));
        if (result.get() != null && !key.get().isBlank() && connections.contains(c)) {
            follow(c, key.get());
        }
        return saved;
    }

    /** The key {@code row} of {@code c} carries under its destination's rule. */
    public Optional<String> keyOf(ConnectionViewModel c, MessageRow row) {
        return CorrelationSearch.keyOf(row, settings(c).correlationRules());
    }

    /**
     * Follows the key {@code row} carries; when it carries none under its rule, says so and searches nothing.
     *
     * @return the search, or null when there was nothing to follow
     */
    public Background.Job followMessage(ConnectionViewModel c, MessageRow row) {
        Optional<String> k = keyOf(c, row);
        Destination d = row.message().destination();
        if (k.isEmpty()) {
            focus.set(c);
            status.set(d + " " + row.position() + " carries no key under its rule (" + settings(c).sourceFor(d).describe()
                    + "): set another with Rules…");
            return null;
        }
        return follow(c, k.get());
    }

    /** Follows the key typed in, with the focused connection's route (the first connection's when none is focused). */
    public Background.Job follow() {
        return follow(focus.get(), key.get());
    }

    /**
     * Searches every open connection for {@code k}; the route drawn is {@code on}'s (the first
     * connection's when null). A search already running is dropped.
     *
     * @return the search, or null when there is nothing to search
     */
    public Background.Job follow(ConnectionViewModel on, String k) {
        String wanted = k == null ? "" : k.strip();
        key.set(wanted);
        if (connections.isEmpty()) {
            status.set("Connect first: no open connection to search");
            return null;
        }
        focusOn(on);
        ConnectionViewModel route = focus.get();
        if (wanted.isEmpty()) {
            status.set("Type a key to follow");
            return null;
        }
        if (job != null) {
            job.cancel();
        }
        List<CorrelationSearch.Source> sources = new ArrayList<>();
        for (ConnectionViewModel c : connections) {
            sources.add(new CorrelationSearch.Source(c.name(), c.connection(), settings(c).correlationRules(), c.allDestinations(),
                    c.heldTopicRows()));
        }
        List<Destination> expected = settings(route).route();
        CorrelationSearch search = new CorrelationSearch(new CorrelationSearch.Bounds(Math.max(1, perDestination.get()), null,
                timeLimit.get()), pageSize);
        AtomicBoolean stop = new AtomicBoolean();
        stopRequested = stop;
        searching.set(true);
        progress.set(0);
        status.set("Following " + wanted + " …");
        Background.Job[] self = new Background.Job[1];
        UiBatches<CorrelationSearch.Progress> toUi = new UiBatches<>(background.ui(), 1, ps -> {
            if (job == self[0] && searching.get()) {
                CorrelationSearch.Progress p = ps.get(ps.size() - 1);
                progress.set(p.fraction());
                status.set(String.format("Following %s: %d of %d destinations, %,d messages searched, %d found", wanted,
                        p.destinationsDone(), p.destinations(), p.scanned(), p.found()));
            }
        });
        job = background.submitCancellable(j -> search.run(wanted, sources, expected, p -> toUi.offer(List.of(p)),
                () -> j.isCancelled() || stop.get()), r -> {
            FlowChart laidOut = FlowChart.of(r, expected);
            searching.set(false);
            progress.set(1);
            status.set(r.describe());
            routeNote.set(expected.isEmpty() ? "No expected route set: no gaps are drawn (Rules… sets one)"
                    : "Expected route: " + settings(route).describeRoute() + " · " + missing(laidOut));
            searchedNote.set(String.join("\n", r.searched().stream().map(x -> (sources.size() > 1 ? x.connection() + " · " : "")
                    + x.describe()).toList()));
            selected.set(null);
            detail.show(null);
            result.set(r);
            chart.set(laidOut);
        }, e -> {
            searching.set(false);
            status.set("Following " + wanted + " failed: " + Errors.describe(e));
        });
        self[0] = job;
        return job;
    }

    private static String missing(FlowChart c) {
        int n = c.gaps().size();
        return n == 0 ? "nothing missing" : n + " missing";
    }

    /** Makes {@code c} — the first connection when null or closed — the one whose route is drawn and whose rules Rules… edits. */
    public void focusOn(ConnectionViewModel c) {
        focus.set(c != null && connections.contains(c) ? c : connections.isEmpty() ? null : connections.get(0));
    }

    /** Stops the search at its next page; what it found so far is drawn. */
    public void cancel() {
        if (searching.get()) {
            stopRequested.set(true);
            status.set("Cancelling …");
        }
    }

    /** Shows {@code hit} in the detail pane. */
    public void select(CorrelationResult.Hit hit) {
        selected.set(hit);
        detail.show(hit == null ? null : hit.row());
    }
}
