package io.sitkit.fx.viewmodel;

import io.sitkit.fx.service.RecordingTimeline;
import io.sitkit.fx.service.TimelineEntry;
import io.sitkit.record.FlowTraceFile;
import io.sitkit.schema.SchemaLookup;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The recording viewer: opens a flow trace a failed JUnit test wrote
 * ({@code target/sitkit/<class>/<method>.jsonl}), a session recording or any capture file, and shows
 * the test it came from, the failed expectation with its near misses, and the timeline — time,
 * destination, key, preview, and notes and findings between the messages. Selecting a line, or a
 * near miss, shows its message in the detail pane ({@link #detail()}).
 *
 * <pre>{@code
 * RecordingViewModel r = new RecordingViewModel(background, connection.schemas());
 * r.fileProperty().set("target/sitkit/shop.CheckoutIT/pays_the_order_total.jsonl");
 * r.open();
 * r.nearMisses().get(0).index();       // the timeline line of the first near miss
 * r.select(r.timeline().get(3));       // into the detail pane
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread.
 */
public final class RecordingViewModel {
    /** Timeline lines kept at most; the rest of a large file is counted. */
    public static final int MAX_LINES = 10_000;

    private final Background background;
    private final Optional<SchemaLookup> fallback;
    private final DetailViewModel detail;
    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final ReadOnlyObjectWrapper<RecordingTimeline> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No recording open");
    private final ReadOnlyStringWrapper testId = new ReadOnlyStringWrapper(this, "testId", "");
    private final ReadOnlyStringWrapper expectation = new ReadOnlyStringWrapper(this, "expectation", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper dropped = new ReadOnlyStringWrapper(this, "dropped", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper ok = new ReadOnlyBooleanWrapper(this, "ok", true);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<TimelineEntry> timelineView = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<RecordingTimeline.Linked> nearMisses = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<RecordingTimeline.Linked> nearMissesView = FXCollections.unmodifiableObservableList(nearMisses);

    /** @param fallback where payloads find schemas the recording does not carry (a connection's registry), if anywhere */
    public RecordingViewModel(Background background, Optional<SchemaLookup> fallback) {
        this.background = Objects.requireNonNull(background, "background");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.detail = new DetailViewModel(background);
    }

    /** The file to open. */
    public StringProperty fileProperty() {
        return file;
    }

    /** The recording open now; null before the first. */
    public ReadOnlyObjectProperty<RecordingTimeline> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** "Flow trace · CheckoutIT › pays_the_order_total()", "Session recording · 2026-03-02T09-15-00.jsonl". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The JUnit unique id of the test that wrote a flow trace, or "". */
    public ReadOnlyStringProperty testIdProperty() {
        return testId.getReadOnlyProperty();
    }

    /** The failed expectation: the failure's first line, or "". */
    public ReadOnlyStringProperty expectationProperty() {
        return expectation.getReadOnlyProperty();
    }

    /** The whole failure message (its exception type first when it is not an expectation's), or "". */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** "14 messages on 3 destinations · 2 near misses · names: kafka:orders = kafka:orders.t3f2a-17". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * What a flow trace's captures saw but could not hold, one line per capture — "capture from now:
     * kafka:orders.t1 from now at offsets {0=0} dropped 1,200 messages at its buffer bound; they are not in this file" —
     * or "" when none dropped anything (and for other recordings).
     */
    public ReadOnlyStringProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    /** Why the last open failed, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty okProperty() {
        return ok.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Messages, notes and findings in file order (at most {@link #MAX_LINES}). */
    public ObservableList<TimelineEntry> timeline() {
        return timelineView;
    }

    /** The failure's near misses, each with the timeline line of its message (-1 when the file lacks it). */
    public ObservableList<RecordingTimeline.Linked> nearMisses() {
        return nearMissesView;
    }

    /** The detail pane's view-model: the selected line's message. */
    public DetailViewModel detail() {
        return detail;
    }

    /** Opens {@link #fileProperty()} in the background. */
    public Background.Job open() {
        String f = file.get() == null ? "" : file.get().strip();
        if (f.isEmpty()) {
            ok.set(false);
            message.set("choose a flow trace or recording file (.jsonl) first");
            return null;
        }
        Path path = Path.of(f);
        loading.set(true);
        message.set("reading " + path.getFileName() + " …");
        return background.submit(() -> RecordingTimeline.read(path, fallback, MAX_LINES), this::show, e -> {
            loading.set(false);
            ok.set(false);
            message.set(Errors.describe(e));
        });
    }

    private void show(RecordingTimeline t) {
        loading.set(false);
        ok.set(true);
        message.set("");
        detail.show(null);
        opened.set(t);
        String name = t.kind() == RecordingTimeline.Kind.FLOW_TRACE && !t.testName().isEmpty() ? t.testName()
                : t.file().getFileName().toString();
        title.set(t.kind().label() + " · " + name);
        testId.set(t.testId());
        expectation.set(t.expectation());
        String type = t.failureType();
        failure.set(t.failure().isEmpty() || type.isEmpty() || type.endsWith("ExpectationFailedError")
                || type.endsWith("StubVerificationError") ? t.failure() : type + ": " + t.failure());
        timeline.setAll(t.entries());
        nearMisses.setAll(t.nearMisses());
        summary.set(summary(t));
        dropped.set(t.flowTrace().map(RecordingViewModel::dropped).orElse(""));
    }

    private static String dropped(FlowTraceFile trace) {
        return trace.dropped().entrySet().stream()
                .map(e -> "capture " + e.getKey() + " dropped " + String.format(Locale.ROOT, "%,d", e.getValue())
                        + (e.getValue() == 1 ? " message" : " messages") + " at its buffer bound; "
                        + (e.getValue() == 1 ? "it is" : "they are") + " not in this file")
                .collect(Collectors.joining("\n"));
    }

    private static String summary(RecordingTimeline t) {
        StringBuilder s = new StringBuilder();
        int destinations = t.destinations().size();
        s.append(t.messages()).append(t.messages() == 1 ? " message" : " messages").append(" on ").append(destinations)
                .append(destinations == 1 ? " destination" : " destinations");
        long injected = t.entries().stream().filter(e -> e.kind() == TimelineEntry.Kind.INJECTED).count();
        if (injected > 0) {
            s.append(" (").append(injected).append(" injected)");
        }
        long notes = t.entries().stream().filter(e -> e.kind() == TimelineEntry.Kind.NOTE).count();
        long findings = t.entries().stream().filter(e -> e.kind() == TimelineEntry.Kind.FINDING).count();
        if (notes + findings > 0) {
            s.append(" · ").append(notes).append(notes == 1 ? " note, " : " notes, ").append(findings)
                    .append(findings == 1 ? " finding" : " findings");
        }
        if (t.kind() == RecordingTimeline.Kind.FLOW_TRACE) {
            s.append(" · ").append(t.nearMisses().size()).append(t.nearMisses().size() == 1 ? " near miss" : " near misses");
        }
        String names = FlowTraceFile.namesIn(t.header()).entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
        if (!names.isEmpty()) {
            s.append(" · names: ").append(names);
        }
        if (t.truncated()) {
            s.append(" · showing the first ").append(t.entries().size()).append(" of ").append(t.lines()).append(" lines");
        }
        return s.toString();
    }

    /** Shows {@code e}'s message in the detail pane (a note clears it). */
    public void select(TimelineEntry e) {
        detail.show(e == null ? null : e.row());
    }

    /** The timeline line of {@code miss}, selected in the detail pane; null when the file lacks its message. */
    public TimelineEntry selectNearMiss(RecordingTimeline.Linked miss) {
        if (miss == null || miss.index() < 0 || miss.index() >= timeline.size()) {
            return null;
        }
        TimelineEntry e = timeline.get(miss.index());
        select(e);
        return e;
    }

    /** An export of the open recording (the session exports of {@link SessionExportViewModel}); null when none is open. */
    public SessionExportViewModel export() {
        RecordingTimeline t = opened.get();
        if (t == null) {
            return null;
        }
        SessionExportViewModel x = new SessionExportViewModel(background);
        x.use(t.file());
        return x;
    }

    /** The header's annotations of the open recording, for a tooltip. */
    public Map<String, String> annotations() {
        RecordingTimeline t = opened.get();
        return t == null ? Map.of() : t.header().annotations();
    }
}
