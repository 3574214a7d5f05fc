package io.sitkit.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Guards a shared environment (a staging cluster, say): while it is protected and locked, every
 * write — publish, purge, topic creation and deletion, destructive receive and consume, offset
 * reset, and through the environment's {@code schemaRegistry()} schema registration, compatibility
 * levels and subject deletion — is refused; after an explicit {@link #unlock(String)} with the environment's name typed
 * in, writes go through, and each leaves an audit line (when, who, where; for a message published
 * or taken, its key and payload digest).
 *
 * <pre>{@code
 * Protection p = env.protection();      // sitkit.protection.enabled / .environment-name, sitkit.audit.file
 * p.unlock("staging");                  // the name, typed: a guard against the wrong tab
 * bus.publish(message);                 // audited
 * p.lock();
 * }</pre>
 *
 * <p>An unprotected environment audits only when an audit file is configured.
 *
 * <p>Thread-safety: safe for concurrent use; the lock state is shared by every bus and client of
 * the environment.
 */
public final class Protection {
    private static final Protection NONE = new Protection("unnamed", false, Optional.empty(), Clock.systemUTC());
    private static final JsonFactory JSON = new JsonFactory();

    private final String environment;
    private final boolean protect;
    private final Optional<Path> auditFile;
    private final Clock clock;
    private final AtomicBoolean locked;

    private Protection(String environment, boolean protect, Optional<Path> auditFile, Clock clock) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.protect = protect;
        this.auditFile = Objects.requireNonNull(auditFile, "auditFile");
        this.clock = clock;
        this.locked = new AtomicBoolean(protect);
        if (environment.isBlank()) {
            throw new IllegalArgumentException("environment name is blank");
        }
    }

    /** No protection, no audit. */
    public static Protection none() {
        return NONE;
    }

    /**
     * @param environment the environment's name, typed to unlock it
     * @param protect     whether writes are refused until unlocked
     * @param auditFile   where audit lines go (JSON lines, appended); empty for none
     */
    public static Protection of(String environment, boolean protect, Optional<Path> auditFile) {
        return new Protection(environment, protect, auditFile, Clock.systemUTC());
    }

    /** The same settings reading time from {@code clock} (for tests of the audit lines). */
    public Protection withClock(Clock clock) {
        return new Protection(environment, protect, auditFile, clock);
    }

    /** The environment's name. */
    public String environment() {
        return environment;
    }

    /** Whether the environment is protected at all. */
    public boolean isProtected() {
        return protect;
    }

    /** Whether writes are refused now. */
    public boolean isLocked() {
        return protect && locked.get();
    }

    /** Where audit lines go, if anywhere. */
    public Optional<Path> auditFile() {
        return auditFile;
    }

    /**
     * Allows writes until {@link #lock()}.
     *
     * @param typedName the environment's name, exactly
     * @throws ProtectedEnvironmentException when the name does not match
     */
    public void unlock(String typedName) {
        if (!environment.equals(typedName)) {
            throw new ProtectedEnvironmentException("not unlocked: '" + typedName + "' is not the name of this environment;"
                    + " type '" + environment + "' exactly to allow writes to it");
        }
        locked.set(false);
    }

    /** Refuses writes again (a no-op on an unprotected environment). */
    public void lock() {
        locked.set(true);
    }

    /**
     * Called before every write.
     *
     * @param action what is about to happen, e.g. "publish", "purge", "delete topic"
     * @throws ProtectedEnvironmentException when protected and locked
     */
    public void checkWrite(String action, Destination destination) {
        if (isLocked()) {   // the text is built only for a refusal: this runs once per published message
            checkWrite(action + " " + destination);
        }
    }

    /**
     * Called before a write that is not on a destination (a schema registry's, say).
     *
     * @param what what is about to happen, whole: "delete subject orders-value in the schema registry"
     * @throws ProtectedEnvironmentException when protected and locked, with the same message as every refused write
     */
    public void checkWrite(String what) {
        if (isLocked()) {
            throw new ProtectedEnvironmentException("refused to " + what + ": environment '"
                    + environment + "' is protected; unlock it on purpose with protection().unlock(\"" + environment
                    + "\"), or run against an unprotected environment");
        }
    }

    /** Writes the audit line of a published message, when auditing. */
    public void published(Destination destination, byte[] key, byte[] payload) {
        audit("publish", destination, key, payload);
    }

    /** Writes the audit line of a message taken off a destination by a destructive receive, when auditing. */
    public void took(Destination destination, byte[] key, byte[] payload) {
        audit("receive", destination, key, payload);
    }

    /** Writes an audit line for another write (purge, delete), when auditing. */
    public void wrote(String action, Destination destination) {
        audit(action, destination, null, null);
    }

    /**
     * Writes the audit line of a schema-registry write, when auditing: the action ("register schema",
     * "set compatibility", "delete subject"), the registry's URL, the subject ("" for the registry's
     * global level, then left out), the level set, and a registered schema's size and SHA-256.
     *
     * @param level  the compatibility level set, or null
     * @param schema the schema registered, or null
     */
    public void wroteSchemaRegistry(String action, String registry, String subject, String level, String schema) {
        if (auditFile.isEmpty()) {
            return;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator((Writer) out)) {
            start(g, action);
            g.writeStringField("registry", registry);
            if (!subject.isEmpty()) {
                g.writeStringField("subject", subject);
            }
            if (level != null) {
                g.writeStringField("level", level);
            }
            if (schema != null) {
                byte[] bytes = schema.getBytes(StandardCharsets.UTF_8);
                g.writeNumberField("schemaBytes", bytes.length);
                g.writeStringField("schemaSha256", sha256(bytes));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        append(out.toString(), action + (subject.isEmpty() ? " (global)" : " " + subject) + " in the schema registry at " + registry);
    }

    private void audit(String action, Destination destination, byte[] key, byte[] payload) {
        if (auditFile.isEmpty()) {
            return;
        }
        append(line(action, destination, key, payload), action + " " + destination);
    }

    private void append(String line, String what) {
        Path file = auditFile.get();
        synchronized (this) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the audit line for " + what + " to " + file, e);
            }
        }
    }

    /** One audit line as JSON: at, user, environment, action, destination, key, payload size and SHA-256. */
    String line(String action, Destination destination, byte[] key, byte[] payload) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator((Writer) out)) {
            start(g, action);
            g.writeStringField("destination", destination.toString());
            if (key != null) {
                g.writeStringField("key", Payloads.preview(key, 200));
            }
            if (payload != null || action.equals("publish")) {
                g.writeNumberField("payloadBytes", payload == null ? 0 : payload.length);
                g.writeStringField("payloadSha256", payload == null ? "" : sha256(payload));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void start(JsonGenerator g, String action) throws IOException {
        g.writeStartObject();
        g.writeStringField("at", Instant.now(clock).toString());
        g.writeStringField("user", System.getProperty("user.name", "unknown"));
        g.writeStringField("environment", environment);
        g.writeStringField("action", action);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Protection[" + environment + (protect ? (isLocked() ? ", protected, locked" : ", protected, unlocked") : "")
                + auditFile.map(f -> ", audit " + f).orElse("") + "]";
    }
}
