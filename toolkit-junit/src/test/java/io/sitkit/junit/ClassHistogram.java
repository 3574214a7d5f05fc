package io.sitkit.junit;

import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Instances and bytes per class of this JVM's live heap ({@code jcmd GC.class_histogram}, read
 * through the DiagnosticCommand MBean, which runs a full GC first), and what grew between two.
 *
 * <pre>{@code
 * ClassHistogram before = ClassHistogram.now();
 * // ... run things ...
 * ClassHistogram after = ClassHistogram.now();
 * long grown = after.totalBytes() - before.totalBytes();
 * String top = after.grownSince(before, 10);   // "+11880944 B   +44625  [B" one class a line
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param classes    class name → {instances, bytes}
 * @param totalBytes bytes of every live object, the histogram's total
 */
record ClassHistogram(Map<String, long[]> classes, long totalBytes) {

    static ClassHistogram now() {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("no class histogram from the DiagnosticCommand MBean: " + e, e);
        }
        Map<String, long[]> classes = new HashMap<>();
        long total = -1;
        for (String line : text.split("\n")) {
            // "   1:         44625       11880944  [B (java.base@17)", last "Total        251029       19903424"
            String[] p = line.trim().split("\\s+");
            if (p.length >= 4 && p[0].endsWith(":")) {
                classes.put(p[3], new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])});
            } else if (p.length == 3 && p[0].equals("Total")) {
                total = Long.parseLong(p[2]);
            }
        }
        if (total < 0) {
            throw new IllegalStateException("class histogram without a Total line: " + text.lines().limit(5).toList());
        }
        return new ClassHistogram(Map.copyOf(classes), total);
    }

    /** The {@code top} classes that grew most in bytes since {@code earlier}, one per line. */
    String grownSince(ClassHistogram earlier, int top) {
        return classes.entrySet().stream()
                .map(e -> {
                    long[] was = earlier.classes.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                })
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
                .limit(top)
                .map(e -> String.format("%+10d B %+8d  %s", e.getValue()[1], e.getValue()[0], e.getKey()))
                .collect(Collectors.joining("\n"));
    }
}
