package io.sitkit.fx.viewmodel;

import io.sitkit.core.Destination;
import io.sitkit.fx.service.DestinationEntry;
import io.sitkit.fx.service.Session;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * The session panel: which connection and which of its destinations to observe, the recording
 * file (by default {@code sessions/<timestamp>.jsonl} in the config directory), Start and Stop;
 * while it runs, the tester's notes and findings, the counts of observed and injected messages and
 * the elapsed time. Every message the inspector injects on that connection meanwhile (inject dialog,
 * edit and re-send, import) is recorded as injected ({@link Session}). After Stop,
 * {@link #recordingProperty()} names the file to export ({@link #export()}).
 *
 * <pre>{@code
 * SessionViewModel s = new SessionViewModel(inspector.connections(), background, configDir.resolve("sessions"));
 * s.connectionProperty().set(connection);
 * s.choose(Destination.kafka("orders"), true);
 * s.start();
 * s.addNote("an order of two mugs");
 * s.markFinding("no confirmation for the second order");
 * s.stop();
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread.
 */
public final class SessionViewModel {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");
    private static final Duration TICK = Duration.ofMillis(500);

    private final ObservableList<ConnectionViewModel> connections;
    private final Background background;
    private final Path sessionsDir;
    private final ObjectProperty<ConnectionViewModel> connection = new SimpleObjectProperty<>(this, "connection");
    private final ObservableList<Choice> destinations = FXCollections.observableArrayList();
    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyLongWrapper observed = new ReadOnlyLongWrapper(this, "observed");
    private final ReadOnlyLongWrapper injected = new ReadOnlyLongWrapper(this, "injected");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "00:00:00");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper ok = new ReadOnlyBooleanWrapper(this, "ok", true);
    private final ReadOnlyObjectWrapper<Path> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<String> notesView = FXCollections.unmodifiableObservableList(notes);
    private final ListChangeListener<DestinationEntry> listed = c -> fillDestinations();
    private Session session;
    private ScheduledFuture<?> ticker;

    /**
     * A destination of the chosen connection, and whether to observe it.
     *
     * <p>Thread-safety: UI thread.
     */
    public static final class Choice {
        private final Destination destination;
        private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

        Choice(Destination destination, boolean selected) {
            this.destination = destination;
            this.selected.set(selected);
        }

        public Destination destination() {
            return destination;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        @Override
        public String toString() {
            return destination.toString();
        }
    }

    /**
     * @param connections the open connections to choose from
     * @param sessionsDir where recordings go unless another file is typed
     */
    public SessionViewModel(ObservableList<ConnectionViewModel> connections, Background background, Path sessionsDir) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.background = Objects.requireNonNull(background, "background");
        this.sessionsDir = Objects.requireNonNull(sessionsDir, "sessionsDir");
        connection.addListener((o, was, now) -> {
            if (was != null) {
                was.destinations().removeListener(listed);
            }
            if (now != null) {
                now.destinations().addListener(listed);
            }
            destinations.clear();
            fillDestinations();
        });
        file.set(newFile().toString());
    }

    /** The connections a session can record (the open ones). */
    public ObservableList<ConnectionViewModel> connections() {
        return connections;
    }

    /** The connection to record; its destinations fill {@link #destinations()}. */
    public ObjectProperty<ConnectionViewModel> connectionProperty() {
        return connection;
    }

    /** The chosen connection's destinations, each with a check box. */
    public ObservableList<Choice> destinations() {
        return destinations;
    }

    /** Ticks or unticks {@code d} (listed or not yet). */
    public void choose(Destination d, boolean observe) {
        for (Choice c : destinations) {
            if (c.destination().equals(d)) {
                c.selectedProperty().set(observe);
                return;
            }
        }
        destinations.add(new Choice(d, observe));
    }

    /** The recording file. */
    public StringProperty fileProperty() {
        return file;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** While starting or stopping. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Messages observed and recorded (refreshed twice a second while running). */
    public ReadOnlyLongProperty observedProperty() {
        return observed.getReadOnlyProperty();
    }

    /** Messages injected through the inspector and recorded as injected. */
    public ReadOnlyLongProperty injectedProperty() {
        return injected.getReadOnlyProperty();
    }

    /** Time since Start, {@code 00:01:23}. */
    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    /** The last outcome, one line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty okProperty() {
        return ok.getReadOnlyProperty();
    }

    /** The file of the session stopped last; null before the first Stop. */
    public ReadOnlyObjectProperty<Path> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** The tester's notes and findings of this session, each with its time since Start: {@code +00:00:12  FINDING  text}. */
    public ObservableList<String> notes() {
        return notesView;
    }

    /** Starts recording the ticked destinations of the chosen connection. */
    public Background.Job start() {
        ConnectionViewModel c = connection.get();
        List<Destination> watched = destinations.stream().filter(d -> d.selectedProperty().get()).map(Choice::destination).toList();
        String f = file.get() == null ? "" : file.get().strip();
        if (running.get()) {
            return refuse("a session is running already; stop it first");
        } else if (c == null) {
            return refuse("connect first, then choose the connection to record");
        } else if (watched.isEmpty()) {
            return refuse("tick at least one destination to observe");
        } else if (f.isEmpty()) {
            return refuse("choose a recording file");
        }
        Path target = Path.of(f);
        busy.set(true);
        message.set("starting …");
        return background.submit(() -> Session.start(c.connection(), watched, target), s -> {
            busy.set(false);
            session = s;
            running.set(true);
            notes.clear();
            observed.set(0);
            injected.set(0);
            elapsed.set("00:00:00");
            ok.set(true);
            message.set("Recording " + watched.size() + (watched.size() == 1 ? " destination" : " destinations") + " of '"
                    + c.name() + "' to " + target);
            ticker = background.every(TICK, () -> {
                long o = s.observed();
                long i = s.injected();
                String e = format(Duration.between(s.startedAt(), Instant.now()));
                background.ui().execute(() -> show(s, o, i, e));
            });
        }, e -> {
            busy.set(false);
            refuse(e);
        });
    }

    /** Writes a timestamped note. */
    public Background.Job addNote(String text) {
        return write(text, false);
    }

    /** Writes a timestamped finding: something found wrong. */
    public Background.Job markFinding(String text) {
        return write(text, true);
    }

    private Background.Job write(String text, boolean finding) {
        Session s = session;
        if (s == null || !running.get()) {
            return refuse("start a session first");
        }
        if (text == null || text.isBlank()) {
            return refuse(finding ? "describe the finding first" : "type the note first");
        }
        String t = text.strip();
        return background.submit(() -> {
            if (finding) {
                s.finding(t);
            } else {
                s.note(t);
            }
            return format(Duration.between(s.startedAt(), Instant.now()));
        }, at -> {
            notes.add("+" + at + "  " + (finding ? "FINDING" : "note") + "  " + t);
            ok.set(true);
            message.set(finding ? "Finding marked" : "Note added");
        }, this::refuse);
    }

    /** Stops recording and closes the file; {@link #recordingProperty()} then names it. */
    public Background.Job stop() {
        Session s = session;
        if (s == null) {
            return refuse("no session is running");
        }
        if (ticker != null) {
            ticker.cancel(false);
        }
        busy.set(true);
        return background.submit(() -> {
            s.close();
            return s;
        }, done -> {
            busy.set(false);
            session = null;
            running.set(false);
            show(done, done.observed(), done.injected(), format(Duration.between(done.startedAt(), Instant.now())));
            recording.set(done.file());
            ok.set(done.problems().isEmpty());
            message.set("Recorded " + done.observed() + " observed, " + done.injected() + " injected, " + done.notes()
                    + " notes and findings to " + done.file()
                    + (done.problems().isEmpty() ? "" : " — with problems: " + String.join("; ", done.problems())));
            file.set(newFile().toString());
        }, e -> {
            busy.set(false);
            refuse(e);
        });
    }

    /** The export of the session stopped last (or of the file typed when none was). */
    public SessionExportViewModel export() {
        SessionExportViewModel x = new SessionExportViewModel(background);
        Path r = recording.get();
        x.use(r != null ? r : Path.of(file.get().strip()));
        return x;
    }

    private void show(Session s, long o, long i, String e) {
        if (s == session || !running.get()) {
            observed.set(o);
            injected.set(i);
            elapsed.set(e);
        }
    }

    private void fillDestinations() {
        ConnectionViewModel c = connection.get();
        if (c == null) {
            return;
        }
        Set<Destination> have = new HashSet<>();
        destinations.forEach(d -> have.add(d.destination()));
        List<Choice> more = new ArrayList<>();
        for (DestinationEntry e : c.allDestinations()) {
            if (have.add(e.destination())) {
                more.add(new Choice(e.destination(), false));
            }
        }
        destinations.addAll(more);
    }

    private Path newFile() {
        return sessionsDir.resolve(LocalDateTime.now().format(FILE_TIME) + ".jsonl");
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private Background.Job refuse(String why) {
        ok.set(false);
        message.set(why);
        return null;
    }

    private Background.Job refuse(Throwable e) {
        return refuse(Errors.describe(e));
    }
}
