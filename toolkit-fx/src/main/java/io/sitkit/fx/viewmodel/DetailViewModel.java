package io.sitkit.fx.viewmodel;

import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;
import io.sitkit.fx.service.DecodedPayload;
import io.sitkit.fx.service.HexDump;
import io.sitkit.fx.service.MessageRow;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The detail pane of the selected message: its decoded payload (pretty JSON or Avro as text and
 * as a tree), why decoding fell back when it did, its headers, its transport metadata and a hex
 * view — all prepared off the UI thread.
 *
 * <pre>{@code
 * detail.show(row);
 * detail.textProperty().get();      // pretty JSON
 * detail.headers();                 // name → value
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread.
 */
public final class DetailViewModel {
    private final Background background;
    private final ReadOnlyObjectWrapper<MessageRow> row = new ReadOnlyObjectWrapper<>(this, "row");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No message selected");
    private final ReadOnlyStringWrapper format = new ReadOnlyStringWrapper(this, "format", "");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper hex = new ReadOnlyStringWrapper(this, "hex", "");
    private final ReadOnlyObjectWrapper<DecodedPayload> decoded = new ReadOnlyObjectWrapper<>(this, "decoded");
    private final ObservableList<Map.Entry<String, String>> headers = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<Map.Entry<String, String>> headersView = FXCollections.unmodifiableObservableList(headers);
    private final ObservableList<Map.Entry<String, String>> metadata = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<Map.Entry<String, String>> metadataView = FXCollections.unmodifiableObservableList(metadata);
    private Background.Job job;

    public DetailViewModel(Background background) {
        this.background = background;
    }

    public ReadOnlyObjectProperty<MessageRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    /** "kafka:orders · partition 0 @ 41 · key o-1". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Avro · io.sitkit.demo.OrderPlaced · schema id 1 · 183 bytes". */
    public ReadOnlyStringProperty formatProperty() {
        return format.getReadOnlyProperty();
    }

    /** Why a richer decoding was not used ("" when none). */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** The payload as text: pretty JSON, Avro's JSON view, UTF-8 text or a hex dump. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hexProperty() {
        return hex.getReadOnlyProperty();
    }

    /** The decoded payload, whose JSON tree the tree view shows. */
    public ReadOnlyObjectProperty<DecodedPayload> decodedProperty() {
        return decoded.getReadOnlyProperty();
    }

    public ObservableList<Map.Entry<String, String>> headers() {
        return headersView;
    }

    public ObservableList<Map.Entry<String, String>> metadata() {
        return metadataView;
    }

    /** Shows {@code r} (null clears the pane). */
    public void show(MessageRow r) {
        if (job != null) {
            job.cancel();
        }
        row.set(r);
        if (r == null) {
            title.set("No message selected");
            format.set("");
            reason.set("");
            text.set("");
            hex.set("");
            decoded.set(null);
            headers.clear();
            metadata.clear();
            return;
        }
        job = background.submit(() -> HexDump.of(r.message().payload()), h -> {
            Message m = r.message();
            title.set(m.destination() + " · " + (m.kafka().isPresent() ? "partition " + r.position() : "message " + r.position())
                    + (r.key().isEmpty() ? "" : " · key " + r.key()));
            format.set(r.decoded().label());
            reason.set(r.decoded().reason());
            text.set(r.decoded().text() + (r.decoded().truncated() ? "\n… (preview truncated: " + String.format("%,d", r.decoded().size())
                    + " bytes in all)" : ""));
            decoded.set(r.decoded());
            hex.set(h);
            List<Map.Entry<String, String>> hs = new ArrayList<>();
            for (Header header : m.headers()) {
                hs.add(Map.entry(header.name(), Payloads.preview(header.value(), 2_000)));
            }
            headers.setAll(hs);
            metadata.setAll(metadata(m));
        }, e -> reason.set("cannot show the message: " + Errors.describe(e)));
    }

    private static List<Map.Entry<String, String>> metadata(Message m) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("destination", m.destination().toString()));
        out.add(Map.entry("timestamp", String.valueOf(m.timestamp())));
        out.add(Map.entry("body type", m.bodyType().toString()));
        m.kafka().ifPresent(k -> {
            out.add(Map.entry("partition", String.valueOf(k.partition())));
            out.add(Map.entry("offset", String.valueOf(k.offset())));
            out.add(Map.entry("timestamp type", String.valueOf(k.timestampType())));
        });
        m.jms().ifPresent(j -> {
            out.add(Map.entry("message id", String.valueOf(j.messageId())));
            out.add(Map.entry("correlation id", String.valueOf(j.correlationId())));
            out.add(Map.entry("reply to", String.valueOf(j.replyTo())));
            out.add(Map.entry("type", String.valueOf(j.type())));
            out.add(Map.entry("priority", String.valueOf(j.priority())));
            out.add(Map.entry("persistent", String.valueOf(j.persistent())));
            out.add(Map.entry("redelivered", String.valueOf(j.redelivered())));
            if (j.objectClassName() != null) {
                out.add(Map.entry("object class", j.objectClassName()));
            }
        });
        out.add(Map.entry("key", m.key() == null ? "(none)" : Payloads.preview(m.key(), 2_000)));
        return out;
    }
}
