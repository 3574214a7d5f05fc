package io.sitkit.stub;

import io.sitkit.stub.internal.StubFileReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads stub files: YAML that defines stubs and interceptors, so one file drives a stub in a JUnit
 * test ({@code sitBus.stubs(path)}) and in the sandbox ({@code sitkit.sandbox.stubs}). The format
 * is in the README, "Stubs from YAML":
 *
 * <pre>{@code
 * stubs:
 *   - name: payment-gateway
 *     listen: jms:queue:payment.requests
 *     rules:
 *       - when: {jsonPath: {$.amount: {greaterThan: 1000}}}
 *         reply: {json: '{"orderId": "{{ $.orderId }}", "status": "DECLINED"}'}
 *       - reply: {file: replies/approved.json}
 * }</pre>
 *
 * <pre>{@code
 * StubSet set = StubFiles.read(Path.of("stubs/payments.yaml"));
 * try (RunningStubs running = set.start(bus)) { … }
 * }</pre>
 *
 * <p>A file is read completely — every key checked, every template parsed, every reply file
 * read — before a {@link StubSet} exists, so an error never leaves anything half-started.
 * Thread-safety: stateless.
 */
public final class StubFiles {
    private StubFiles() {
    }

    /**
     * The stubs and interceptors of a file; reply {@code file:} names are relative to its directory.
     *
     * @throws StubFileException naming the file, line, column, the key or value at fault and what was expected
     */
    public static StubSet read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StubFileException(file.toString(), 0, 0, "cannot read the stub file: " + e, e);
        }
        return StubFileReader.read(text, file.toString(), file.toAbsolutePath().getParent());
    }

    /**
     * The stubs and interceptors of YAML text; {@code sourceName} names it in errors, and reply
     * {@code file:} names are relative to its directory (the working directory when it has none).
     *
     * @throws StubFileException naming the source, line, column, the key or value at fault and what was expected
     */
    public static StubSet parse(String yaml, String sourceName) {
        Path base;
        try {
            Path parent = Path.of(sourceName).toAbsolutePath().getParent();
            base = parent == null ? Path.of("").toAbsolutePath() : parent;
        } catch (InvalidPathException e) {
            base = Path.of("").toAbsolutePath();
        }
        return StubFileReader.read(yaml, sourceName, base);
    }
}
