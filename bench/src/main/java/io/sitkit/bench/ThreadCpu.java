package io.sitkit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads over a stretch of wall time, grouped by what they do in the
 * inspector: the JavaFX thread ({@code fx}: events, CSS, layout), the render thread
 * ({@code render}: software rasterising), the inspector's workers ({@code workers}: browsing,
 * decoding), the capture threads ({@code capture}), and the whole process ({@code process}). In
 * percent of one core.
 *
 * <p>Thread-safety: confined to one thread.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startByThread = new LinkedHashMap<>();
    private final long processStart;
    private final long wallStart;

    private ThreadCpu() {
        for (long id : THREADS.getAllThreadIds()) {
            startByThread.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
        processStart = processCpu();
        wallStart = System.nanoTime();
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String group(String thread) {
        if (thread.equals("JavaFX Application Thread") || thread.equals("Event Thread")) {
            return "fx";
        }
        if (thread.startsWith("QuantumRenderer")) {
            return "render";
        }
        if (thread.startsWith("sitkit-fx-worker")) {
            return "workers";
        }
        if (thread.startsWith("sitkit-capture")) {
            return "capture";
        }
        return null;
    }

    /** Percent of one core since {@link #start()}, per group and for the process. */
    Map<String, Double> percentOfWall() {
        double wall = System.nanoTime() - wallStart;
        Map<String, Double> out = new LinkedHashMap<>();
        for (String g : new String[]{"fx", "render", "workers", "capture"}) {
            out.put(g, 0.0);
        }
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null || group(info.getThreadName()) == null) {
                continue;
            }
            long now = THREADS.getThreadCpuTime(info.getThreadId());
            long used = now - startByThread.getOrDefault(info.getThreadId(), 0L);
            out.merge(group(info.getThreadName()), 100.0 * Math.max(0, used) / wall, Double::sum);
        }
        out.put("process", 100.0 * (processCpu() - processStart) / wall);
        return out;
    }
}
