package io.sitkit.fx.viewmodel;

import io.sitkit.fx.service.LoadedStubFile;
import io.sitkit.fx.service.StubRow;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * The stubs of one open connection: stub files loaded (read by the core, errors with their
 * {@code file:line:column}), started and stopped live on the connection's clients, each stub's and
 * relay's state and the requests it handled (refreshed every {@link #POLL} while something runs).
 * A locked protected connection refuses to start them with the core's message; everything stops
 * when the connection closes.
 *
 * <pre>{@code
 * StubsViewModel stubs = connection.stubs();
 * stubs.load(Path.of("stubs/checkout-neighbours.yaml"));
 * stubs.start("stubs/checkout-neighbours.yaml");
 * stubs.rows();          // payment-gateway · jms:queue:payment.requests · running · 2
 * stubs.stopAll();
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread; broker work runs on the
 * background pool.
 */
public final class StubsViewModel {
    /** How often the counts are read while a file runs. */
    public static final Duration POLL = Duration.ofMillis(500);

    private final ConnectionViewModel owner;
    private final Background background;
    /** Loaded files by their path as given; touched on the UI thread only (each file is thread-safe). */
    private final Map<String, LoadedStubFile> files = new LinkedHashMap<>();
    private final ObservableList<StubRow> rows = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<StubRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final CommandStatus status = new CommandStatus(this, "busy");
    /** The files the poll reads counts of: set on the UI thread, read on a worker. */
    private volatile List<LoadedStubFile> watched = List.of();
    private ScheduledFuture<?> poll;

    StubsViewModel(ConnectionViewModel owner, Background background) {
        this.owner = owner;
        this.background = background;
    }

    /** The connection's name, for the panel's title. */
    public String connectionName() {
        return owner.name();
    }

    /** Every stub and relay of every loaded file, in load order, with state and counts. */
    public ObservableList<StubRow> rows() {
        return rowsView;
    }

    /** The last outcome or refusal, one line. */
    public ReadOnlyStringProperty messageProperty() {
        return status.message();
    }

    /** Whether the last command worked. */
    public ReadOnlyBooleanProperty okProperty() {
        return status.ok();
    }

    /** Whether a load, start or stop is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return status.busy();
    }

    /** The files loaded, as given, in load order. */
    public List<String> files() {
        return List.copyOf(files.keySet());
    }

    /** Reads a stub file (again, when loaded before and stopped); a bad file shows the core's error and adds nothing. */
    public Background.Job load(Path file) {
        String key = file.toString();
        LoadedStubFile known = files.get(key);
        if (known != null && known.isRunning()) {
            return status.refuse(key + " is running; stop it before loading it again");
        }
        return run(() -> LoadedStubFile.read(file), loaded -> {
            files.put(key, loaded);
            int stubs = loaded.set().stubs().size();
            int relays = loaded.set().interceptors().size();
            return "Loaded " + file.getFileName() + ": " + CommandStatus.count(stubs, "stub") + ", " + CommandStatus.count(relays, "interceptor");
        });
    }

    /** Starts a loaded file's stubs and relays on the connection (refused by the core while protected and locked). */
    public Background.Job start(String file) {
        LoadedStubFile f = files.get(file);
        if (f == null) {
            return status.refuse("no stub file " + file + " is loaded; load it first");
        }
        return run(() -> {
            f.start(owner.connection().bus());
            return f;
        }, started -> "Started " + started.file().getFileName() + " on '" + owner.name() + "'"
                + (owner.connection().protection().auditFile().isPresent() ? " (replies audited)" : ""));
    }

    /** Stops a file's stubs and relays. */
    public Background.Job stop(String file) {
        LoadedStubFile f = files.get(file);
        if (f == null) {
            return status.refuse("no stub file " + file + " is loaded");
        }
        return run(() -> {
            f.stop();
            return f;
        }, stopped -> "Stopped " + stopped.file().getFileName());
    }

    /** Stops every file that runs. */
    public Background.Job stopAll() {
        List<LoadedStubFile> all = List.copyOf(files.values());
        return run(() -> {
            int n = 0;
            for (LoadedStubFile f : all) {
                n += f.isRunning() ? 1 : 0;
                f.stop();
            }
            return n;
        }, n -> n == 0 ? "Nothing was running" : "Stopped " + CommandStatus.count(n, "stub file"));
    }

    /**
     * Stops polling and hands over the loaded files so the connection's close job stops them before
     * the connection closes (UI thread).
     */
    List<LoadedStubFile> detach() {
        if (files.values().stream().anyMatch(LoadedStubFile::isRunning)) {
            status.progress("Stopping every stub: the connection is closing");
        }
        if (poll != null) {
            poll.cancel(false);
            poll = null;
        }
        return List.copyOf(files.values());
    }

    /** Runs {@code work} in the background; then says its outcome and shows the rows as they are now. */
    private <T> Background.Job run(java.util.concurrent.Callable<T> work, java.util.function.Function<T, String> outcome) {
        return status.submit(background, work, result -> {
            status.say(outcome.apply(result));
            show();
        }, e -> show());
    }

    private static List<StubRow> rowsOf(List<LoadedStubFile> files) {
        List<StubRow> all = new ArrayList<>();
        files.forEach(f -> all.addAll(f.rows()));
        return all;
    }

    /** Shows the rows now (UI thread; reading counts never waits for a broker) and polls while something runs. */
    private void show() {
        List<LoadedStubFile> loaded = List.copyOf(files.values());
        watched = loaded;
        List<StubRow> now = rowsOf(loaded);
        showRows(now);
        boolean anyRunning = now.stream().anyMatch(StubRow::running);
        if (anyRunning && poll == null) {
            poll = background.every(POLL, () -> {
                List<StubRow> counted = rowsOf(watched);
                background.ui().execute(() -> {
                    if (poll != null) {
                        showRows(counted);
                    }
                });
            });
        } else if (!anyRunning && poll != null) {
            poll.cancel(false);
            poll = null;
        }
    }

    private void showRows(List<StubRow> now) {
        if (!rows.equals(now)) {
            rows.setAll(now);
        }
    }
}
