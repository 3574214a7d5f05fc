package io.sitkit.fx.viewmodel;

import io.sitkit.core.BrowseRequest;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.fx.service.DecoderChoice;
import io.sitkit.fx.service.FilterScan;
import io.sitkit.fx.service.LiveTail;
import io.sitkit.fx.service.MessageBrowser;
import io.sitkit.fx.service.MessageFilter;
import io.sitkit.fx.service.MessagePage;
import io.sitkit.fx.service.MessageRow;
import io.sitkit.fx.service.PagePosition;
import io.sitkit.fx.service.PayloadDecoding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * The message table of one destination: paged browsing (beginning, end, offset, timestamp, next,
 * previous), a bounded filter scan streaming its matches in with progress and cancel, and a live
 * tail whose rows arrive in batches with a cap. Every broker call runs in the background; the rows
 * only change on the UI thread.
 *
 * <pre>{@code
 * MessagesViewModel m = connection.messages(Destination.kafka("orders"));
 * m.first();
 * m.applyFilter(MessageFilter.none().withKey("o-42"));
 * m.startTail();
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread.
 */
public final class MessagesViewModel {
    /** How often tailed rows are handed to the UI. */
    public static final Duration TAIL_BATCH = Duration.ofMillis(100);
    /** Messages a filter scan reads at most. */
    public static final long SCAN_LIMIT = 200_000;
    /** Matches a filter scan keeps at most. */
    public static final int MATCH_LIMIT = 5_000;

    private final ConnectionViewModel owner;
    private final Destination destination;
    private final Background background;
    private final ObservableList<MessageRow> rows = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<MessageRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<DecoderChoice> decoder = new SimpleObjectProperty<>(this, "decoder", DecoderChoice.AUTO);
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", 200);
    private final IntegerProperty rowCap = new SimpleIntegerProperty(this, "rowCap", 5_000);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(this, "scanning");
    private final ReadOnlyBooleanWrapper tailing = new ReadOnlyBooleanWrapper(this, "tailing");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper filterDescription = new ReadOnlyStringWrapper(this, "filterDescription", "");
    private final ReadOnlyStringWrapper avroSchema = new ReadOnlyStringWrapper(this, "avroSchema", "");
    private org.apache.avro.Schema chosenSchema;
    private final Deque<BrowseRequest> history = new ArrayDeque<>();
    private MessagePage current;
    private Background.Job job;
    private LiveTail tail;
    private ScheduledFuture<?> drainer;
    private TailBuffer<Message> tailBuffer;

    MessagesViewModel(ConnectionViewModel owner, Destination destination, Background background) {
        this.owner = owner;
        this.destination = destination;
        this.background = background;
        decoder.addListener((o, was, now) -> {
            if (current != null && !tailing.get()) {
                load(current.request(), false);
            }
        });
    }

    public Destination destination() {
        return destination;
    }

    public ConnectionViewModel connection() {
        return owner;
    }

    public ObservableList<MessageRow> rows() {
        return rowsView;
    }

    /** The decoding of this destination: automatic unless overridden; changing it re-reads the page. */
    public ObjectProperty<DecoderChoice> decoderProperty() {
        return decoder;
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    /** Rows a live tail keeps at most; the oldest go first. */
    public IntegerProperty rowCapProperty() {
        return rowCap;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tailingProperty() {
        return tailing.getReadOnlyProperty();
    }

    /** Filter scan progress: messages scanned over the scan bound, 0–1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The filter in force ("" for none). */
    public ReadOnlyStringProperty filterDescriptionProperty() {
        return filterDescription.getReadOnlyProperty();
    }

    private PayloadDecoding decoding() {
        PayloadDecoding d = PayloadDecoding.using(owner.connection().schemas());
        return chosenSchema == null ? d : d.withChosenSchema(chosenSchema);
    }

    private MessageBrowser browser() {
        return new MessageBrowser(owner.connection(), decoding());
    }

    /** The Avro schema payloads are read with when decoding as {@link DecoderChoice#AVRO_SCHEMA} ("" until one is chosen). */
    public ReadOnlyStringProperty avroSchemaProperty() {
        return avroSchema.getReadOnlyProperty();
    }

    /** Reads this destination's payloads as plain Avro with the first schema {@code file} (an .avsc) defines, and re-reads the page. */
    public Background.Job useAvroSchema(String file) {
        return background.submit(() -> PayloadDecoding.avroSchemaFile(Path.of(file.strip())), schema -> {
            chosenSchema = schema;
            avroSchema.set(schema.getFullName() + " (" + Path.of(file.strip()).getFileName() + ")");
            if (decoder.get() != DecoderChoice.AVRO_SCHEMA) {
                decoder.set(DecoderChoice.AVRO_SCHEMA);
            } else if (current != null && !tailing.get()) {
                load(current.request(), false);
            }
        }, e -> status.set("cannot use that Avro schema: " + Errors.describe(e)));
    }

    public Background.Job first() {
        return open(PagePosition.beginning());
    }

    public Background.Job last() {
        return open(PagePosition.end());
    }

    public Background.Job seekOffset(Integer partition, long offset) {
        return open(PagePosition.offset(partition, offset));
    }

    public Background.Job seekTimestamp(java.time.Instant at) {
        return open(PagePosition.timestamp(at));
    }

    /** Opens the page at {@code position}, forgetting the page history. */
    public Background.Job open(PagePosition position) {
        stopTail();
        cancelJob();
        history.clear();
        int size = pageSize.get();
        return run("opening " + position, () -> {
            MessageBrowser b = browser();
            return b.read(b.request(destination, position, size), decoder.get());
        }, page -> show(page, "from " + position));
    }

    public Background.Job next() {
        if (current == null || current.next().isEmpty()) {
            return null;
        }
        history.push(current.request());
        return load(current.next().get(), true);
    }

    public Background.Job previous() {
        if (history.isEmpty()) {
            return null;
        }
        return load(history.pop(), true);
    }

    private Background.Job load(BrowseRequest request, boolean paging) {
        cancelJob();
        return run("reading a page", () -> browser().read(request, decoder.get()), page -> show(page, paging ? "" : "re-read"));
    }

    private void show(MessagePage page, String how) {
        current = page;
        filterDescription.set("");
        rows.setAll(page.rows());
        hasNext.set(page.next().isPresent());
        hasPrevious.set(!history.isEmpty());
        String where = page.rows().isEmpty() ? "no messages" : "rows " + page.rows().get(0).position() + " … "
                + page.rows().get(page.rows().size() - 1).position();
        status.set(page.rows().size() + " messages" + (how.isEmpty() ? "" : " " + how) + " · " + where
                + (page.next().isPresent() ? "" : " · end reached"));
    }

    private <T> Background.Job run(String what, java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone) {
        busy.set(true);
        job = background.submit(work, r -> {
            busy.set(false);
            onDone.accept(r);
        }, e -> {
            busy.set(false);
            status.set(what + " failed: " + Errors.describe(e));
            owner.failed(what, e);
        });
        return job;
    }

    private void cancelJob() {
        if (job != null) {
            job.cancel();
            busy.set(false);
            scanning.set(false);
        }
    }

    /**
     * Scans from the start of the current page (or the beginning) and shows only matching rows,
     * streamed in as they are found; bounded by {@link #SCAN_LIMIT} and {@link #MATCH_LIMIT}.
     */
    public Background.Job applyFilter(MessageFilter filter) {
        stopTail();
        cancelJob();
        rows.clear();
        filterDescription.set(filter.describe());
        scanning.set(true);
        progress.set(0);
        status.set("scanning for " + filter.describe() + " …");
        BrowseRequest start = current != null ? current.request() : null;
        DecoderChoice choice = decoder.get();
        int size = Math.max(pageSize.get(), 500);
        job = background.submitCancellable(self -> {
            MessageBrowser b = browser();
            BrowseRequest from = start != null ? start : b.request(destination, PagePosition.beginning(), size);
            return new FilterScan(b, size, SCAN_LIMIT, MATCH_LIMIT).run(from, filter, choice,
                    hits -> background.ui().execute(() -> {
                        if (!self.isCancelled()) {
                            rows.addAll(hits);
                        }
                    }),
                    p -> background.ui().execute(() -> {
                        progress.set(Math.min(1.0, p.scanned() / (double) SCAN_LIMIT));
                        status.set(String.format("scanning: %,d scanned, %,d match", p.scanned(), p.matched()));
                    }),
                    self::isCancelled);
        }, result -> {
            scanning.set(false);
            progress.set(1);
            hasNext.set(false);
            status.set(result.describe());
        }, e -> {
            scanning.set(false);
            status.set("filter failed: " + Errors.describe(e));
            owner.failed("filtering", e);
        });
        return job;
    }

    /** Stops a running filter scan; the matches found so far stay. */
    public void cancelFilter() {
        if (scanning.get() && job != null) {
            job.cancel();
            scanning.set(false);
            status.set(rows.size() + " matches so far — scan cancelled");
        }
    }

    /** Follows the destination: new messages are appended in batches, at most {@link #rowCapProperty()} rows kept. */
    public Background.Job startTail() {
        if (tailing.get()) {
            return null;
        }
        cancelJob();
        rows.clear();
        current = null;
        history.clear();
        hasNext.set(false);
        hasPrevious.set(false);
        filterDescription.set("");
        TailBuffer<Message> buffer = new TailBuffer<>(Math.max(rowCap.get(), 1));
        tailBuffer = buffer;
        tailing.set(true);
        status.set("starting live tail …");
        return run("starting the live tail", () -> LiveTail.start(owner.connection(), destination, buffer::add), started -> {
            if (!tailing.get() || tailBuffer != buffer) {
                started.close();
                return;
            }
            tail = started;
            status.set("live tail: waiting for new messages");
            PayloadDecoding decoding = decoding();
            DecoderChoice choice = decoder.get();
            UiBatches<MessageRow> toTable = new UiBatches<>(background.ui(), rowCap.get(), batch -> appendTailed(buffer, batch));
            drainer = background.every(TAIL_BATCH, () -> toTable.offer(buffer.drain().stream().map(m -> MessageRow.of(m, 0, decoding, choice)).toList()));
        });
    }

    private void appendTailed(TailBuffer<Message> buffer, List<MessageRow> batch) {
        if (tailBuffer != buffer) {
            return;
        }
        int cap = Math.max(rowCap.get(), 1);
        List<MessageRow> add = batch.size() > cap ? batch.subList(batch.size() - cap, batch.size()) : batch;
        int overflow = rows.size() + add.size() - cap;
        if (overflow > 0) {
            rows.remove(0, Math.min(overflow, rows.size()));
        }
        rows.addAll(add);
        status.set(String.format("live tail: %,d received, %,d shown (cap %,d)", buffer.seen(), rows.size(), cap));
    }

    /** Stops following; the rows shown stay. */
    public void stopTail() {
        if (!tailing.get()) {
            return;
        }
        tailing.set(false);
        tailBuffer = null;
        if (drainer != null) {
            drainer.cancel(false);
            drainer = null;
        }
        LiveTail t = tail;
        tail = null;
        if (t != null) {
            background.submit(() -> {
                t.close();
                return null;
            }, x -> { }, e -> status.set("stopping the tail failed: " + Errors.describe(e)));
        }
        status.set("live tail stopped · " + rows.size() + " rows");
    }
}
