package io.sitkit.fx.service;

import io.sitkit.env.Bus;
import io.sitkit.stub.InterceptorSpec;
import io.sitkit.stub.RunningStubs;
import io.sitkit.stub.Stub;
import io.sitkit.stub.StubFiles;
import io.sitkit.stub.StubSet;
import io.sitkit.stub.StubSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stub file loaded in the inspector for one connection: read completely by the core's
 * {@link StubFiles#read} (so a bad file fails with its {@code file:line:column} message and nothing
 * exists), then started and stopped as often as wanted on the connection's bus. Starting goes
 * through the core, which refuses it on a locked protected environment; the stubs answer on the
 * connection's clients, so every reply is audited like any publish.
 *
 * <pre>{@code
 * LoadedStubFile neighbours = LoadedStubFile.read(Path.of("stubs/checkout-neighbours.yaml"));
 * neighbours.start(connection.bus());
 * neighbours.rows();     // payment-gateway running, 2 requests …
 * neighbours.stop();
 * }</pre>
 *
 * <p>Thread-safety: thread-safe; {@link #start} and {@link #stop} block on the brokers, so call them
 * off the FX thread.
 */
public final class LoadedStubFile implements AutoCloseable {
    private final Path file;
    private final StubSet set;
    /** Guards start and stop; {@link #rows} reads {@link #running} without it, so it never waits for a broker. */
    private final Object lifecycle = new Object();
    private volatile RunningStubs running;

    private LoadedStubFile(Path file, StubSet set) {
        this.file = file;
        this.set = set;
    }

    /**
     * Reads {@code file}.
     *
     * @throws io.sitkit.stub.StubFileException naming the file, line and column of what is wrong
     */
    public static LoadedStubFile read(Path file) {
        Objects.requireNonNull(file, "file");
        return new LoadedStubFile(file, StubFiles.read(file));
    }

    /** The file, as given. */
    public Path file() {
        return file;
    }

    /** What the file defines. */
    public StubSet set() {
        return set;
    }

    public boolean isRunning() {
        return running != null;
    }

    /**
     * Starts every stub and relay of the file on {@code bus}; nothing when already running.
     *
     * @throws io.sitkit.core.ProtectedEnvironmentException when the connection is protected and locked (nothing starts)
     */
    public void start(Bus bus) {
        synchronized (lifecycle) {
            if (running == null) {
                running = set.start(bus);
            }
        }
    }

    /** Stops what runs (relays first, each sending what it still holds); nothing when stopped. */
    public void stop() {
        synchronized (lifecycle) {
            RunningStubs r = running;
            running = null;
            if (r != null) {
                r.close();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops each of {@code files} on the calling thread, in order, past failures; throws the first with the rest suppressed. */
    public static void stopAll(List<LoadedStubFile> files) {
        RuntimeException failure = Connection.closeAll(List.<AutoCloseable>copyOf(files));
        if (failure != null) {
            throw failure;
        }
    }

    /** One row per stub, then per relay, in file order, with their state and counts now; never waits for a start or stop. */
    public List<StubRow> rows() {
        RunningStubs r = running;
        String name = file.toString();
        List<StubRow> rows = new ArrayList<>();
        for (StubSpec s : set.stubs()) {
            long handled = r == null ? 0 : r.stub(s.name()).requestCount();
            rows.add(new StubRow(name, StubRow.Kind.STUB, s.name(), s.listensOn().toString(), r != null, handled));
        }
        for (InterceptorSpec i : set.interceptors()) {
            long handled = r == null ? 0 : r.interceptor(i.name()).received();
            rows.add(new StubRow(name, StubRow.Kind.INTERCEPTOR, i.name(), i.from() + " → " + i.to(), r != null, handled));
        }
        return rows;
    }

    /** The running stub of that name, if the file runs (for verifying what it received). */
    public java.util.Optional<Stub> stub(String name) {
        RunningStubs r = running;
        return r == null ? java.util.Optional.empty() : java.util.Optional.of(r.stub(name));
    }

    @Override
    public String toString() {
        return "LoadedStubFile[" + file + (isRunning() ? ", running" : ", stopped") + "]";
    }
}
