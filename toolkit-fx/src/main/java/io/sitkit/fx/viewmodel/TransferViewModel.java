package io.sitkit.fx.viewmodel;

import io.sitkit.core.Destination;
import io.sitkit.fx.service.MessageExport;
import io.sitkit.fx.service.MessageImport;
import io.sitkit.fx.service.MessageRow;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Export and import for one destination's table: the file, its format, and for an import the
 * destination it goes into (this one unless changed). Exports write the rows they are given
 * (the selected ones, or all shown — after a filter, its matches), redacted by the connection's
 * configuration; imports check the whole file, then send it with progress and cancel — a locked
 * protected connection refuses, and the core audits every message sent.
 *
 * <pre>{@code
 * TransferViewModel t = connection.transfer(Destination.kafka("orders"));
 * t.fileProperty().set("/tmp/orders.jsonl");
 * t.export(List.copyOf(messages.rows()));
 * t.intoProperty().set("kafka:orders.replay");
 * t.importFile();
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread.
 */
public final class TransferViewModel {
    private final ConnectionViewModel owner;
    private final Destination destination;
    private final Background background;
    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final ObjectProperty<MessageExport.Format> format = new SimpleObjectProperty<>(this, "format", MessageExport.Format.CAPTURE);
    private final StringProperty into = new SimpleStringProperty(this, "into");
    private final CommandStatus status = new CommandStatus(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private AtomicBoolean cancel = new AtomicBoolean();

    TransferViewModel(ConnectionViewModel owner, Destination destination, Background background) {
        this.owner = owner;
        this.destination = destination;
        this.background = background;
        into.set(destination.toString());
    }

    public Destination destination() {
        return destination;
    }

    /** The file to write or read. */
    public StringProperty fileProperty() {
        return file;
    }

    /** The export's format; an import tells the format from the file. */
    public ObjectProperty<MessageExport.Format> formatProperty() {
        return format;
    }

    /** Where an import sends the messages: this destination unless changed. */
    public StringProperty intoProperty() {
        return into;
    }

    /** The last outcome, one line. */
    public ReadOnlyStringProperty messageProperty() {
        return status.message();
    }

    public ReadOnlyBooleanProperty okProperty() {
        return status.ok();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return status.busy();
    }

    /** An import's progress, 0–1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The file, with the format's ending added when it has none. */
    private Path path() {
        String f = file.get() == null ? "" : file.get().strip();
        if (f.isEmpty()) {
            throw new IllegalArgumentException("choose a file first");
        }
        Path p = Path.of(f);
        return p.getFileName().toString().contains(".") ? p : Path.of(f + "." + format.get().extension());
    }

    /** Writes {@code rows} to the file in the chosen format. */
    public Background.Job export(List<MessageRow> rows) {
        Path target;
        try {
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("nothing to export: select rows, or show some");
            }
            target = path();
        } catch (RuntimeException e) {
            return status.refuse(e);
        }
        List<MessageRow> copy = List.copyOf(rows);
        MessageExport.Format f = format.get();
        MessageExport export = new MessageExport(owner.connection().redactor(),
                Map.of("connection", owner.name(), "destination", destination.toString()));
        return status.submit(background, () -> export.write(copy, f, target),
                n -> status.say("Exported " + CommandStatus.count(n, "message") + " to " + target + " (" + f + ")"), e -> { });
    }

    /** Checks the file, then sends all of it to {@link #intoProperty()}; refreshes the destinations after. */
    public Background.Job importFile() {
        Path source;
        Destination to;
        try {
            source = Path.of(file.get() == null ? "" : file.get().strip());
            if (source.toString().isEmpty()) {
                throw new IllegalArgumentException("choose a file first");
            }
            to = Destination.parse(into.get().strip());
        } catch (RuntimeException e) {
            return status.refuse(e);
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        MessageImport importer = new MessageImport(owner.connection());
        progress.set(0);
        status.progress("checking " + source.getFileName() + " …");
        return status.submit(background, () -> {
            long total = importer.check(source, to);
            background.ui().execute(() -> status.progress(String.format("importing %,d messages into %s …", total, to)));
            return importer.send(source, to, done -> background.ui().execute(() -> progress.set(total == 0 ? 1 : done / (double) total)),
                    stop::get);
        }, r -> {
            progress.set(1);
            String outcome = r.describe() + (owner.connection().protection().auditFile().isPresent() ? " (audited)" : "");
            if (r.cancelled()) {
                status.refuse(outcome);
            } else {
                status.say(outcome);
            }
            owner.refresh();
        }, e -> owner.failed("importing", e));
    }

    /** Stops a running import after the message in hand; what was sent stays sent. */
    public void cancel() {
        cancel.set(true);
    }

}
