package io.sitkit.bench;

import io.sitkit.core.Destination;
import io.sitkit.fx.service.ConnectionProfile;
import io.sitkit.fx.service.MessageRow;
import io.sitkit.fx.service.ProfileStore;
import io.sitkit.fx.view.MainView;
import io.sitkit.fx.viewmodel.Background;
import io.sitkit.fx.viewmodel.ConnectionViewModel;
import io.sitkit.fx.viewmodel.InspectorViewModel;
import io.sitkit.fx.viewmodel.MessagesViewModel;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Child main of the {@code inspector} suite: the real inspector window (view, view-models,
 * services) on headless JavaFX (Monocle, software rendering, 1280×800), connected as a Kafka
 * profile to the brokers of {@link BrokerHost}.
 * <ol>
 *   <li><b>Pages</b>: {@code bench.inspector.warmups} (default 10) then {@code bench.inspector.pages}
 *       (default 100) pages of 200 at random offsets of the filled topic. Each is asked for on the FX
 *       thread as the Go button does ({@code seekOffset}); it counts as open when, after the layout
 *       pass of a pulse, the table's first visible row holds the page's first message and its
 *       Position cell shows it — the frame that paints the rows.</li>
 *   <li><b>Tail</b>: a live tail of the empty tail topic with the default row cap; once it listens
 *       the probe reports {@code @bench tailing} and the suite has the broker host publish
 *       {@code args[4]} messages at 10,000/s. An {@link FxPulses.GapMonitor} times every pulse
 *       until the last message is in the table; then the heap is measured after a full GC, the tail
 *       still running with its rows at the cap.</li>
 * </ol>
 * Args: bootstrap servers, page topic, messages in it, tail topic, messages to tail.
 */
public final class InspectorProbe {
    static final double PAGE_OPEN_TARGET_MS = 300;
    static final double STALL_TARGET_MS = 100;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern RECEIVED = Pattern.compile("live tail: ([\\d,]+) received, ([\\d,]+) shown");

    private InspectorProbe() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Destination pages = Destination.kafka(args[1]);
        long filled = Long.parseLong(args[2]);
        Destination tail = Destination.kafka(args[3]);
        long toTail = Long.parseLong(args[4]);
        Path config = Files.createTempDirectory("bench-inspector");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Background background = Background.forFx();
        Window w = FxPulses.call(() -> Window.open(background, config), WAIT);
        try {
            await(FxPulses.call(() -> w.vm.connect(ConnectionProfile.kafka("bench", bootstrap)), WAIT).done());
            ConnectionViewModel c = FxPulses.call(() -> w.vm.connections().get(0), WAIT);
            await(FxPulses.call(c::refresh, WAIT).done());
            pages(w, c, pages, filled);
            tail(w, c, tail, toTail);
        } finally {
            FxPulses.call(() -> {
                w.vm.close();
                return null;
            }, WAIT);
            background.close();
            Platform.exit();
        }
        System.exit(0);
    }

    /** The inspector window as the app builds it, on the FX thread. */
    private record Window(InspectorViewModel vm, MainView main, Scene scene, FxPulses pulses) {
        static Window open(Background background, Path config) {
            InspectorViewModel vm = new InspectorViewModel(background, new ProfileStore(config.resolve("profiles.json")),
                    config.resolve("audit.jsonl"), Duration.ofSeconds(5));
            MainView main = new MainView(vm);
            Scene scene = new Scene(main, 1280, 800);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return new Window(vm, main, scene, new FxPulses(scene));
        }

        @SuppressWarnings("unchecked")
        TableView<MessageRow> table() {
            return (TableView<MessageRow>) scene.lookup("#messageTable");
        }
    }

    private static void pages(Window w, ConnectionViewModel c, Destination d, long filled) throws Exception {
        MessagesViewModel m = FxPulses.call(() -> c.messages(d), WAIT);
        await(FxPulses.call(() -> {
            w.main.show(c, d);
            return w.pulses.afterLayoutWhen(() -> shows(w.table(), 0));
        }, WAIT));
        int size = FxPulses.call(() -> m.pageSizeProperty().get(), WAIT);
        int warmups = Integer.getInteger("bench.inspector.warmups", 10);
        int rounds = Integer.getInteger("bench.inspector.pages", 100);
        Random random = new Random(42);
        List<Double> open = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        List<Double> render = new ArrayList<>();
        for (int i = 0; i < warmups + rounds; i++) {
            long offset = random.nextLong(filled - size);
            long[] asked = new long[1];
            CompletableFuture<Long> inTable = new CompletableFuture<>();
            CompletableFuture<Long> shown = FxPulses.call(() -> {
                ListChangeListener<MessageRow> arrived = ch -> {
                    if (!m.rows().isEmpty() && m.rows().get(0).offset() == offset) {
                        inTable.complete(System.nanoTime());
                    }
                };
                m.rows().addListener(arrived);
                CompletableFuture<Long> seen = w.pulses.afterLayoutWhen(() -> shows(w.table(), offset));
                seen.whenComplete((x, e) -> m.rows().removeListener(arrived));
                asked[0] = System.nanoTime();
                m.seekOffset(null, offset);
                return seen;
            }, WAIT);
            long rendered = await(shown);
            long set = await(inTable);
            if (i >= warmups) {
                open.add((rendered - asked[0]) / 1e6);
                read.add((set - asked[0]) / 1e6);
                render.add((rendered - set) / 1e6);
            }
        }
        Probe.progress("inspector: %d pages at random offsets, p95 %.1f ms", rounds, Stats.percentile(open, 0.95));
        Probe.metric(Metric.of("page_open_p95_ms", Stats.percentile(open, 0.95), "ms").withTarget(PAGE_OPEN_TARGET_MS));
        Probe.metric(Metric.median("page_open_p50_ms", open, "ms"));
        Probe.metric(Metric.of("page_read_p95_ms", Stats.percentile(read, 0.95), "ms"));
        Probe.metric(Metric.of("page_render_p95_ms", Stats.percentile(render, 0.95), "ms"));
    }

    /** Whether the table's first visible row holds the page starting at {@code offset} and its Position cell shows it. */
    static boolean shows(TableView<MessageRow> table, long offset) {
        if (table == null || table.getItems().isEmpty() || table.getItems().get(0).offset() != offset) {
            return false;
        }
        MessageRow first = table.getItems().get(0);
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && row.getIndex() == 0 && row.getItem() == first && row.isVisible()) {
                for (Node cell : row.lookupAll(".table-cell")) {
                    if (cell instanceof TableCell<?, ?> tc && tc.getTableColumn() == table.getColumns().get(0)) {
                        return first.position().equals(tc.getText());
                    }
                }
            }
        }
        return false;
    }

    private static void tail(Window w, ConnectionViewModel c, Destination d, long count) throws Exception {
        MessagesViewModel m = FxPulses.call(() -> c.messages(d), WAIT);
        FxPulses.call(() -> {
            w.main.show(c, d);
            return null;
        }, WAIT);
        await(FxPulses.call(m::startTail, WAIT).done());
        FxPulses.GapMonitor monitor = new FxPulses.GapMonitor();
        CompletableFuture<Long> last = FxPulses.call(() -> {
            CompletableFuture<Long> all = new CompletableFuture<>();
            m.rows().addListener((ListChangeListener<MessageRow>) ch -> {
                if (!m.rows().isEmpty() && m.rows().get(m.rows().size() - 1).offset() == count - 1) {
                    all.complete(System.nanoTime());
                }
            });
            monitor.start();
            return all;
        }, WAIT);
        ThreadCpu cpu = ThreadCpu.start();
        long t0 = System.nanoTime();
        Probe.fact("tailing", d.name());
        last.get(count / 10_000 * 3 + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> busy = cpu.percentOfWall();
        List<Double> gaps = FxPulses.call(() -> {
            monitor.stop();
            return monitor.gapsMillis();
        }, WAIT);
        String status = FxPulses.call(() -> m.statusProperty().get(), WAIT);
        double heap = heapAfterGcMb();
        classHistogram();
        FxPulses.call(() -> {
            m.stopTail();
            return null;
        }, WAIT);
        Matcher seen = RECEIVED.matcher(status);
        if (!seen.find()) {
            throw new IllegalStateException("the tail's status does not say what it received: " + status);
        }
        Probe.progress("inspector: tailed %s in %.1f s, %d pulses, longest gap %.1f ms; %s", d, seconds, gaps.size(),
                Stats.max(gaps), status);
        Probe.metric(Metric.of("tail_ui_stall_max_ms", Stats.max(gaps), "ms").withTarget(STALL_TARGET_MS));
        Probe.metric(Metric.of("tail_pulse_gap_p99_ms", Stats.percentile(gaps, 0.99), "ms"));
        Probe.metric(Metric.of("tail_heap_mb", heap, "MB"));
        busy.forEach((what, pct) -> Probe.metric(Metric.of("tail_cpu_" + what + "_pct", pct, "%")));
        Probe.metric(Metric.of("tail_received", Double.parseDouble(seen.group(1).replace(",", "")), "count"));
        Probe.metric(Metric.of("tail_rows_shown", Double.parseDouble(seen.group(2).replace(",", "")), "count"));
    }

    /**
     * The heap a full GC left: each heap pool's usage as that collection left it (its
     * {@code CollectionUsage}), so what the still running tail allocates right after is not counted.
     */
    private static double heapAfterGcMb() {
        System.gc();
        long bytes = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                bytes += pool.getCollectionUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    /** The 25 classes holding the most heap (after a full GC), to the child log: what {@code tail_heap_mb} is made of. */
    private static void classHistogram() {
        try {
            Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[]{null}, new String[]{String[].class.getName()});
            System.err.println("inspector: heap by class while tailing at the row cap (after a full GC):");
            histogram.toString().lines().limit(28).forEach(System.err::println);
        } catch (javax.management.JMException e) {
            System.err.println("inspector: no class histogram: " + e);
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
