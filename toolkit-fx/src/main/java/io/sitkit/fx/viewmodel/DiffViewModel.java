package io.sitkit.fx.viewmodel;

import io.sitkit.fx.service.MessageDiff;
import io.sitkit.fx.service.MessageRow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.Objects;

/**
 * The diff of two selected messages through the core's schema-aware diff: one line per field that
 * differs (labelled with its Avro type when both share a schema), volatile fields ignored on
 * request, and an ignore list of paths or patterns ({@code $.eventId}, {@code $..traceId},
 * {@code header:traceparent}).
 *
 * <pre>{@code
 * DiffViewModel d = new DiffViewModel(bg, left, right);
 * d.ignoredProperty().set("$.placedAt");
 * d.compare();
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread.
 */
public final class DiffViewModel {
    private final Background background;
    private final MessageRow left;
    private final MessageRow right;
    private final StringProperty ignored = new SimpleStringProperty(this, "ignored", "");
    private final BooleanProperty ignoreVolatile = new SimpleBooleanProperty(this, "ignoreVolatile", true);
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<String> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public DiffViewModel(Background background, MessageRow left, MessageRow right) {
        this.background = background;
        this.left = Objects.requireNonNull(left, "left");
        this.right = Objects.requireNonNull(right, "right");
    }

    public MessageRow left() {
        return left;
    }

    public MessageRow right() {
        return right;
    }

    /** Paths or patterns to skip, separated by commas or spaces. */
    public StringProperty ignoredProperty() {
        return ignored;
    }

    public BooleanProperty ignoreVolatileProperty() {
        return ignoreVolatile;
    }

    public ObservableList<String> lines() {
        return linesView;
    }

    /** "2 differences (Avro io.sitkit.demo.OrderPlaced, volatile fields ignored)". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public Background.Job compare() {
        String ignoreText = ignored.get() == null ? "" : ignored.get();
        boolean skipVolatile = ignoreVolatile.get();
        return background.submit(() -> MessageDiff.of(Arrays.asList(ignoreText.split("[,\\s]+")), skipVolatile).compare(left, right),
                r -> {
                    lines.setAll(r.lines());
                    summary.set((r.same() ? "No differences" : r.lines().size() + (r.lines().size() == 1 ? " difference" : " differences"))
                            + " (" + r.compared() + (skipVolatile ? ", volatile fields ignored" : "") + ")");
                }, e -> {
                    lines.clear();
                    summary.set("cannot compare: " + Errors.describe(e));
                });
    }
}
