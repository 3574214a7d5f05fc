package io.sitkit.fx.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.SitkitException;
import io.sitkit.record.CaptureFileReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Sends the messages of a file into a destination: a capture file ({@code io.sitkit.record}), or a
 * CSV or JSON export of the inspector ({@link MessageExport}) — told apart by their first character.
 * Key, headers (but the provider's own {@code JMSX…}), payload, and the JMS correlation id, type,
 * priority and delivery mode go along; partitions and offsets do not. The whole file is read and
 * checked before the first message is sent, so a bad line 7 does not leave six sent. Publishing
 * goes through the bus: a locked protected connection refuses before anything is sent, and the
 * core audits every message. While a {@link Session} records the connection, the messages go one by
 * one through its recorder ({@link Connection#inject}), marked injected.
 *
 * <pre>{@code
 * MessageImport.Result r = new MessageImport(connection).send(Path.of("orders.jsonl"), Destination.kafka("orders.replay"),
 *         done -> { }, () -> false);
 * }</pre>
 *
 * <p>Thread-safety: thread-safe; {@link #send} blocks on the file and the broker (run it off the FX thread).
 */
public final class MessageImport {
    /** Messages in flight at most while sending. */
    static final int IN_FLIGHT = 500;
    private final Connection connection;

    public MessageImport(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * What an import did.
     *
     * @param sent      messages acknowledged by the broker
     * @param total     messages in the file
     * @param cancelled whether it stopped early
     */
    public record Result(long sent, long total, boolean cancelled, Destination into, Path file) {
        /** "Imported 12 messages from orders.jsonl into kafka:orders.replay". */
        public String describe() {
            return (cancelled ? "Cancelled after " + sent + " of " + total : "Imported " + sent) + (total == 1 ? " message" : " messages")
                    + " from " + file.getFileName() + " into " + into;
        }
    }

    /**
     * Reads and checks every message of {@code file} without sending; returns how many it holds.
     *
     * @throws IllegalArgumentException naming the file and the line or message that is wrong
     */
    public long check(Path file, Destination into) {
        long[] n = {0};
        read(file, into, m -> n[0]++);
        return n[0];
    }

    /**
     * Checks the file, then sends every message to {@code into} in order, reporting how many were
     * acknowledged to {@code progress} now and then; stops early when {@code cancelled} says so.
     *
     * @throws io.sitkit.core.ProtectedEnvironmentException when the connection is locked
     * @throws SitkitException                              when a send fails (what was sent before stays sent)
     */
    public Result send(Path file, Destination into, LongConsumer progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(into, "into");
        connection.protection().checkWrite("import into", into);
        long total = check(file, into);
        Semaphore window = new Semaphore(IN_FLIGHT);
        AtomicReference<SitkitException> failure = new AtomicReference<>();
        long[] sent = {0};
        boolean[] stopped = {false};
        boolean recorded = connection.session().isPresent();
        read(file, into, m -> {
            if (stopped[0] || failure.get() != null) {
                return;
            }
            if (cancelled.getAsBoolean()) {
                stopped[0] = true;
                return;
            }
            if (recorded) {
                connection.inject(m);   // a session records each injection: one at a time, acknowledged
                if (++sent[0] % 100 == 0) {
                    progress.accept(sent[0]);
                }
                return;
            }
            acquire(window, 1);
            connection.bus().publishAsync(m, (result, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                window.release();
            });
            if (++sent[0] % 100 == 0) {
                progress.accept(sent[0]);
            }
        });
        acquire(window, IN_FLIGHT);
        if (failure.get() != null) {
            throw failure.get();
        }
        progress.accept(sent[0]);
        return new Result(sent[0], total, stopped[0], into, file);
    }

    private void acquire(Semaphore window, int permits) {
        try {
            if (!window.tryAcquire(permits, connection.bus().hasKafka() ? connection.bus().kafka().settings().timeout().toMillis() * 2
                    : 60_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the broker did not acknowledge the imported messages in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    /** Hands every message of {@code file}, as one to send to {@code into}, to {@code each}, in order. */
    static void read(Path file, Destination into, Consumer<OutgoingMessage> each) {
        int first;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            do {
                c = in.read();
            } while (c != -1 && Character.isWhitespace(c));
            first = c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString();
        if (first == -1) {
            throw new IllegalArgumentException(name + " is empty");
        } else if (first == '{') {
            try (CaptureFileReader r = CaptureFileReader.open(file)) {
                int index = 0;
                for (CaptureFileReader.Entry e : r) {
                    index++;
                    OutgoingMessage m;
                    try {
                        m = ExportedMessage.fromMessage(e.message(), into);
                    } catch (IllegalArgumentException bad) {
                        throw new IllegalArgumentException(name + ", message " + index + ": " + bad.getMessage(), bad);
                    }
                    each.accept(m);
                }
            }
        } else if (first == '[') {
            json(file, name, into, each);
        } else {
            csv(file, name, into, each);
        }
    }

    private static void json(Path file, String name, Destination into, Consumer<OutgoingMessage> each) {
        try (JsonParser p = ExportedMessage.JSON.getFactory().createParser(file.toFile())) {
            p.nextToken();
            int index = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                index++;
                if (t != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException(name + ", message " + index + ": not a JSON object");
                }
                JsonNode o = p.readValueAsTree();
                OutgoingMessage m;
                try {
                    m = ExportedMessage.fromJson(o, into);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + ", message " + index + ": " + e.getMessage(), e);
                }
                each.accept(m);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(name + " is not a JSON array of messages: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void csv(Path file, String name, Destination into, Consumer<OutgoingMessage> each) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Csv.Records records = new Csv.Records(in);
            List<String> columns = records.next();
            if (columns == null || !columns.contains("payloadBase64") && !columns.contains("payload")) {
                throw new IllegalArgumentException(name + " is neither a capture file nor a JSON array, and as CSV its first line"
                        + " names no payload or payloadBase64 column: " + (columns == null ? "" : String.join(",", columns)));
            }
            for (int line = records.line(); ; line = records.line()) {
                List<String> fields;
                try {
                    fields = records.next();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + ", " + e.getMessage(), e);
                }
                if (fields == null) {
                    return;
                }
                OutgoingMessage m;
                try {
                    m = ExportedMessage.fromJson(csvObject(columns, fields), into);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + ", line " + line + ": " + e.getMessage(), e);
                }
                each.accept(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A CSV record as the JSON object it was written from (headers were written as a JSON array, a binary key as base64:…). */
    private static JsonNode csvObject(List<String> columns, List<String> fields) {
        if (fields.size() != columns.size()) {
            throw new IllegalArgumentException(fields.size() + " fields where the first line names " + columns.size() + " columns");
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!fields.get(i).isEmpty()) {
                row.put(columns.get(i), fields.get(i));
            }
        }
        var o = ExportedMessage.JSON.createObjectNode();
        row.forEach((k, v) -> {
            if (k.equals("key") && v.startsWith("base64:")) {
                o.put("keyBase64", v.substring("base64:".length()));
            } else if (!k.equals("headers")) {
                o.put(k, v);
            }
        });
        if (row.containsKey("headers")) {
            try {
                o.set("headers", ExportedMessage.JSON.readTree(row.get("headers")));
            } catch (IOException e) {
                throw new IllegalArgumentException("the headers column is not a JSON array of {name, value}: " + row.get("headers"), e);
            }
        }
        return o;
    }
}
