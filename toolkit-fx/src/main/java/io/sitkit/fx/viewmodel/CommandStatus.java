package io.sitkit.fx.viewmodel;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What a view-model's commands show: the last outcome or refusal in one line, whether it worked,
 * and whether a command is under way. Commands run their work in the background through
 * {@link #submit}, which sets the busy flag for as long as the work runs and turns a failure
 * into a refusal.
 *
 * <pre>{@code
 * private final CommandStatus status = new CommandStatus(this, "busy");
 * public Background.Job save() {
 *     if (file.isEmpty()) {
 *         return status.refuse("choose a file first");
 *     }
 *     return status.submit(background, () -> write(file), n -> status.say("Saved " + n + " rows"), e -> { });
 * }
 * }</pre>
 *
 * <p>Thread-safety: UI thread only, like the properties it holds.
 */
final class CommandStatus {
    private final ReadOnlyStringWrapper message;
    private final ReadOnlyBooleanWrapper ok;
    private final ReadOnlyBooleanWrapper busy;

    /** @param busyName the busy property's name ("busy", "running") */
    CommandStatus(Object bean, String busyName) {
        message = new ReadOnlyStringWrapper(bean, "message", "");
        ok = new ReadOnlyBooleanWrapper(bean, "ok", true);
        busy = new ReadOnlyBooleanWrapper(bean, busyName);
    }

    ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty ok() {
        return ok.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** Says how a command went: it worked. */
    void say(String outcome) {
        ok.set(true);
        message.set(outcome);
    }

    /** Says what is under way, leaving the outcome flag as it is ("measuring …"). */
    void progress(String what) {
        message.set(what);
    }

    /** Refuses a command (or says it failed); returns no job, for {@code return status.refuse(…)}. */
    Background.Job refuse(String why) {
        ok.set(false);
        message.set(why);
        return null;
    }

    /** Refuses with the failure's one line ({@link Errors#describe}). */
    Background.Job refuse(Throwable e) {
        return refuse(Errors.describe(e));
    }

    /**
     * Runs {@code work} on the background pool while busy. On success {@code done} gets the result
     * and should {@link #say} the outcome; on failure the status refuses with the failure's line,
     * then {@code failed} runs (to say it otherwise, or to react).
     */
    <T> Background.Job submit(Background background, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        busy.set(true);
        return background.submit(work, result -> {
            busy.set(false);
            done.accept(result);
        }, e -> {
            busy.set(false);
            refuse(e);
            failed.accept(e);
        });
    }

    /** "1 stub", "3 stubs": {@code n} and the word, plural with an s when {@code n != 1}. */
    static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
