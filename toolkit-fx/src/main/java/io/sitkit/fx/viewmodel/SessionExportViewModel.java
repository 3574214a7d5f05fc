package io.sitkit.fx.viewmodel;

import io.sitkit.record.export.SessionExport;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exports a recorded session (the one just stopped, or any recording opened) with the core's
 * {@link SessionExport}: the recording itself, checked and copied, to replay; the source of a JUnit 5
 * test for toolkit-junit that publishes the injections again and asserts the observed flow; and a
 * short Markdown report. Files go to the output folder ({@code <recording>-export} beside the
 * recording by default); each export is listed with where it went and what it holds, and the text
 * of the last one is shown. The recording was masked by the profile's redactor as it was written,
 * so everything exported from it is too.
 *
 * <pre>{@code
 * SessionExportViewModel x = session.export();
 * x.packageNameProperty().set("shop");
 * x.classNameProperty().set("CheckoutSessionTest");
 * x.exportJUnitTest();    // <out>/src/test/java/shop/CheckoutSessionTest.java
 * x.exportReport();       // <out>/<recording>.md
 * x.exportRecording();    // <out>/<recording>.jsonl
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread.
 */
public final class SessionExportViewModel {
    /** Characters of an exported file shown at most. */
    static final int PREVIEW_CHARS = 64 * 1024;
    private static final Pattern PUBLISH = Pattern.compile("bus\\.publish\\(");
    private static final Pattern EXPECT = Pattern.compile("expect\\.expect\\(");
    private static final Pattern FLOW = Pattern.compile("expect\\.expectFlow\\(");

    private final Background background;
    private final StringProperty recording = new SimpleStringProperty(this, "recording", "");
    private final StringProperty outputDir = new SimpleStringProperty(this, "outputDir", "");
    private final StringProperty packageName = new SimpleStringProperty(this, "packageName", "sessions");
    private final StringProperty className = new SimpleStringProperty(this, "className", "ExploratorySessionTest");
    private final StringProperty ignoring = new SimpleStringProperty(this, "ignoring", "");
    private final CommandStatus status = new CommandStatus(this, "running");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ObservableList<String> written = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<String> writtenView = FXCollections.unmodifiableObservableList(written);

    public SessionExportViewModel(Background background) {
        this.background = background;
    }

    /** Exports {@code file}, into {@code <file name>-export} beside it unless another folder is chosen. */
    public void use(Path file) {
        recording.set(file.toString());
        outputDir.set(file.resolveSibling(base(file) + "-export").toString());
    }

    /** The recording to export. */
    public StringProperty recordingProperty() {
        return recording;
    }

    /** Where exports are written. */
    public StringProperty outputDirProperty() {
        return outputDir;
    }

    /** The generated test's package ("" for none). */
    public StringProperty packageNameProperty() {
        return packageName;
    }

    /** The generated test's class name. */
    public StringProperty classNameProperty() {
        return className;
    }

    /** Payload paths that differ from run to run ({@code $.paymentId}), separated by commas or spaces: expected present, not equal. */
    public StringProperty ignoringProperty() {
        return ignoring;
    }

    public ReadOnlyStringProperty messageProperty() {
        return status.message();
    }

    public ReadOnlyBooleanProperty okProperty() {
        return status.ok();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return status.busy();
    }

    /** The text of the file written last (its start, for a long one). */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** What was written, one line each: what, where (in the output folder), and what it holds. */
    public ObservableList<String> written() {
        return writtenView;
    }

    /** Copies the recording, after reading it through, to {@code <out>/<recording>.jsonl}: replayable with the core's {@code Replay}. */
    public Background.Job exportRecording() {
        return run(f -> {
            Path target = f.export().writeRecording(f.out().resolve(base(f.recording()) + ".jsonl"));
            String text = Files.readString(target);
            return new Written("Recording", target, text.lines().count() + " lines, " + kb(target) + ", replayable", text);
        });
    }

    /** Writes the JUnit 5 test under {@code <out>/src/test/java}, in its package's folder. */
    public Background.Job exportJUnitTest() {
        return run(f -> {
            Path target = f.export().writeJUnitTest(f.out().resolve("src/test/java"), f.packageName(), f.className());
            String text = Files.readString(target);
            return new Written("JUnit test", target, count(PUBLISH, text, "publish", "publishes") + ", "
                    + count(EXPECT, text, "expectation", "expectations") + ", " + count(FLOW, text, "flow", "flows"), text);
        });
    }

    /** Writes the Markdown report to {@code <out>/<recording>.md}. */
    public Background.Job exportReport() {
        return run(f -> {
            Path target = f.export().writeMarkdownReport(f.out().resolve(base(f.recording()) + ".md"));
            String text = Files.readString(target);
            return new Written("Report", target, text.lines().count() + " lines of Markdown", text);
        });
    }

    /** What the form says, read on the UI thread when the command is given. */
    private record Form(Path recording, Path out, SessionExport export, String packageName, String className) {
    }

    private Form form() {
        String r = text(recording);
        if (r.isEmpty()) {
            throw new IllegalArgumentException("no recording to export: stop a session or open a recording first");
        }
        String o = text(outputDir);
        if (o.isEmpty()) {
            throw new IllegalArgumentException("choose an output folder");
        }
        SessionExport export = SessionExport.of(Path.of(r));
        String[] paths = Arrays.stream(text(ignoring).split("[,\\s]+")).filter(p -> !p.isBlank()).toArray(String[]::new);
        if (paths.length > 0) {
            export = export.ignoring(paths);
        }
        return new Form(Path.of(r), Path.of(o), export, text(packageName), text(className));
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    /** One export's work, on a worker thread. */
    @FunctionalInterface
    private interface Export {
        Written write(Form form) throws Exception;
    }

    private record Written(String what, Path file, String holds, String text) {
    }

    private Background.Job run(Export work) {
        Form f;
        try {
            f = form();
        } catch (RuntimeException e) {
            return status.refuse(e);
        }
        return status.submit(background, () -> {
            if (!Files.isRegularFile(f.recording())) {
                throw new IllegalArgumentException("no recording at " + f.recording());
            }
            return work.write(f);
        }, w -> {
            Path shown = w.file().startsWith(f.out()) ? f.out().relativize(w.file()) : w.file();
            written.add(w.what() + "  →  " + shown + "  (" + w.holds() + ")");
            preview.set(w.text().length() > PREVIEW_CHARS ? w.text().substring(0, PREVIEW_CHARS) + "\n…" : w.text());
            status.say(w.what() + " written to " + w.file());
        }, e -> { });
    }

    private static String count(Pattern p, String text, String one, String many) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n + " " + (n == 1 ? one : many);
    }

    private static String kb(Path file) {
        try {
            return String.format(java.util.Locale.ROOT, "%.1f KB", Files.size(file) / 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name without its ending. */
    static String base(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

}
