package io.sitkit.junit.scenarios;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * This JVM's open file descriptors, and how many of them are the embedded Kafka broker's log
 * segment files (it keeps one open per partition, so each fresh topic adds some until the broker
 * closes). Reads {@code /proc/self/fd}; elsewhere only the total is known.
 *
 * @param total      all open descriptors
 * @param brokerLogs those pointing into an embedded Kafka data dir ({@code sitkit-kafka-*})
 */
public record Descriptors(long total, long brokerLogs) {

    /** Counted now. */
    public static Descriptors now() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return new Descriptors(((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getOpenFileDescriptorCount(), 0);
        }
        long total = 0;
        long logs = 0;
        try (Stream<Path> list = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) list::iterator) {
                total++;
                try {
                    if (Files.readSymbolicLink(fd).toString().contains("/sitkit-kafka-")) {
                        logs++;
                    }
                } catch (IOException e) {
                    // closed while listing (or the listing's own descriptor): counted, not a log
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Descriptors(total, logs);
    }

    /** Descriptors other than the broker's logs: clients' sockets, files, selectors. */
    public long others() {
        return total - brokerLogs;
    }
}
