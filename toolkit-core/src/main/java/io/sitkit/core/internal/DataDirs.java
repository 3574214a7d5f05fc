package io.sitkit.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Temp dirs of the embedded brokers: created under {@code java.io.tmpdir}, deleted with everything below.
 *
 * <p>Thread-safety: stateless.
 */
public final class DataDirs {
    private DataDirs() {
    }

    /** A new temp dir named {@code sitkit-<what>-…}, or an error naming java.io.tmpdir. */
    public static Path createTemp(String what) {
        try {
            return Files.createTempDirectory("sitkit-" + what + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temp dir for an embedded " + what + " broker in "
                    + System.getProperty("java.io.tmpdir") + "; check java.io.tmpdir is writable", e);
        }
    }

    /** Deletes {@code dir} and everything below it; a missing dir is fine. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteIfExists(Path p) throws IOException {
        Files.deleteIfExists(p);
    }
}
