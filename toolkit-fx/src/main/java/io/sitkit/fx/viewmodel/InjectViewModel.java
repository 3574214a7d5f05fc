package io.sitkit.fx.viewmodel;

import io.sitkit.core.Destination;
import io.sitkit.core.PublishResult;
import io.sitkit.fx.service.DecodedPayload;
import io.sitkit.fx.service.InjectRequest;
import io.sitkit.fx.service.InjectSchema;
import io.sitkit.fx.service.Injector;
import io.sitkit.fx.service.MessageRow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The inject dialog's state: destination, key, headers ({@code name=value} per line), payload and
 * its format (text, JSON, Avro from JSON by schema id or plain with a schema file), template on/off,
 * copies and rate, and a schema or contract file every copy is checked against (and samples come
 * from: {@link #generateSample()}). {@link #validate()} renders, encodes and checks every copy without
 * sending; {@link #send()} validates, then publishes through the connection at the rate — cancellable
 * with {@link #cancel()}; a locked protected environment refuses, and every sent message is audited.
 *
 * <pre>{@code
 * InjectViewModel i = connection.inject(Destination.kafka("orders"));
 * i.payloadProperty().set("{\"orderId\":\"{{ uuid() }}\"}");
 * i.templateProperty().set(true);
 * i.schemaFileProperty().set("contracts/orders-placed.yaml");
 * i.copiesProperty().set(100);
 * i.rateProperty().set(10);          // ten a second
 * i.send();
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread.
 */
public final class InjectViewModel {
    private final ConnectionViewModel owner;
    private final Background background;
    private final StringProperty destination = new SimpleStringProperty(this, "destination");
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final StringProperty headers = new SimpleStringProperty(this, "headers", "");
    private final StringProperty payload = new SimpleStringProperty(this, "payload", "");
    private final ObjectProperty<InjectRequest.Format> format = new SimpleObjectProperty<>(this, "format", InjectRequest.Format.JSON);
    private final IntegerProperty schemaId = new SimpleIntegerProperty(this, "schemaId", -1);
    private final BooleanProperty template = new SimpleBooleanProperty(this, "template", false);
    private final IntegerProperty copies = new SimpleIntegerProperty(this, "copies", 1);
    private final DoubleProperty rate = new SimpleDoubleProperty(this, "rate", 0);
    private final StringProperty schemaFile = new SimpleStringProperty(this, "schemaFile", "");
    private final ReadOnlyStringWrapper schemaDescription = new ReadOnlyStringWrapper(this, "schemaDescription", "");
    private final ReadOnlyIntegerWrapper sent = new ReadOnlyIntegerWrapper(this, "sent", 0);
    private volatile InjectSchema loaded;
    private AtomicBoolean stop = new AtomicBoolean();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper ok = new ReadOnlyBooleanWrapper(this, "ok", true);
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ObservableList<String> results = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<String> resultsView = FXCollections.unmodifiableObservableList(results);

    InjectViewModel(ConnectionViewModel owner, Destination d, Background background) {
        this.owner = owner;
        this.background = background;
        destination.set(d.toString());
    }

    public StringProperty destinationProperty() {
        return destination;
    }

    public StringProperty keyProperty() {
        return key;
    }

    /** Headers, one {@code name=value} per line. */
    public StringProperty headersProperty() {
        return headers;
    }

    public StringProperty payloadProperty() {
        return payload;
    }

    public ObjectProperty<InjectRequest.Format> formatProperty() {
        return format;
    }

    /** The schema id for Avro payloads, -1 when none. */
    public IntegerProperty schemaIdProperty() {
        return schemaId;
    }

    public BooleanProperty templateProperty() {
        return template;
    }

    public IntegerProperty copiesProperty() {
        return copies;
    }

    /** Messages per second to send the copies at; 0 for as fast as the broker takes them. */
    public DoubleProperty rateProperty() {
        return rate;
    }

    /** A JSON Schema (.json), Avro schema (.avsc) or contract (.yaml) every copy is checked against, and samples come from; "" for none. */
    public StringProperty schemaFileProperty() {
        return schemaFile;
    }

    /** What the last validation, send or sample checked against ("" for nothing). */
    public ReadOnlyStringProperty schemaDescriptionProperty() {
        return schemaDescription.getReadOnlyProperty();
    }

    /** Messages sent so far by the send in progress. */
    public ReadOnlyIntegerProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    /** The last validation or send outcome, one line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the last validation or send succeeded. */
    public ReadOnlyBooleanProperty okProperty() {
        return ok.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** Where each sent message went: "kafka:orders[0]@42" or "jms:queue:q id=ID:…". */
    public ObservableList<String> results() {
        return resultsView;
    }

    /** Whether the connection refuses writes until unlocked. */
    public boolean isLocked() {
        return owner.lockedProperty().get();
    }

    /** "Edit and re-send": fills the form from an existing message (its decoded payload, key and headers). */
    public void prefillFrom(MessageRow row) {
        destination.set(row.message().destination().toString());
        key.set(row.message().keyText().orElse(""));
        headers.set(row.message().headers().asList().stream().map(h -> h.name() + "=" + h.valueAsString())
                .collect(Collectors.joining("\n")));
        DecodedPayload d = row.decoded();
        payload.set(d.format() == DecodedPayload.Format.HEX || d.format() == DecodedPayload.Format.EMPTY ? "" : d.text());
        if (d.format() == DecodedPayload.Format.AVRO && d.schemaId() >= 0) {
            format.set(InjectRequest.Format.AVRO);
            schemaId.set(d.schemaId());
        } else {
            format.set(d.format() == DecodedPayload.Format.JSON ? InjectRequest.Format.JSON : InjectRequest.Format.TEXT);
        }
    }

    /** The schema file's check, loaded in the background and kept while the file name stays the same; null for none. */
    private InjectSchema schema(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        Path path = Path.of(file.strip());
        InjectSchema cached = loaded;
        if (cached != null && cached.file().equals(path)) {
            return cached;
        }
        InjectSchema fresh = InjectSchema.load(path, owner.connection().schemas());
        loaded = fresh;
        return fresh;
    }

    /** The form as a request, its schema file loaded (call off the UI thread). */
    private InjectRequest request(Form f) {
        InjectSchema check = schema(f.schemaFile());
        return new InjectRequest(Destination.parse(f.destination().strip()), f.key(), InjectRequest.parseHeaders(f.headers()),
                f.payload(), f.format(), f.format() == InjectRequest.Format.AVRO ? f.schemaId() : -1, f.template(), f.copies(),
                f.rate(), check);
    }

    /** The form's values, read on the UI thread for work on another. */
    private record Form(String destination, String key, String headers, String payload, InjectRequest.Format format, int schemaId,
                        boolean template, int copies, double rate, String schemaFile) {
    }

    private Form form() {
        return new Form(destination.get() == null ? "" : destination.get(), key.get(), headers.get(), payload.get(), format.get(),
                schemaId.get(), template.get(), copies.get(), rate.get(), schemaFile.get());
    }

    /** Loads the schema file and fills the payload with a sample valid against it (and the format that sends it). */
    public Background.Job generateSample() {
        Form f = form();
        long seed = System.nanoTime();
        return background.submit(() -> {
            InjectSchema check = schema(f.schemaFile());
            if (check == null) {
                throw new IllegalArgumentException("choose a JSON Schema (.json), Avro schema (.avsc) or contract (.yaml) first");
            }
            return Map.entry(check, check.sample(seed));
        }, sample -> {
            InjectSchema check = sample.getKey();
            payload.set(sample.getValue());
            template.set(false);
            if (check.avro().isEmpty()) {
                format.set(InjectRequest.Format.JSON);
            } else if (format.get() != InjectRequest.Format.AVRO) {
                format.set(InjectRequest.Format.AVRO_PLAIN);
            }
            schemaDescription.set(check.describe());
            ok.set(true);
            message.set("Sample from " + check.describe());
        }, this::refuse);
    }

    /** Renders, encodes and checks every copy without sending; the outcome goes to {@link #messageProperty()}. */
    public Background.Job validate() {
        Form f = form();
        Injector injector = new Injector(owner.connection());
        return background.submit(() -> {
            InjectRequest r = request(f);
            return Map.entry(r, injector.prepare(r).size());
        }, prepared -> {
            InjectRequest r = prepared.getKey();
            int n = prepared.getValue();
            schemaDescription.set(r.check() == null ? "" : r.check().describe());
            ok.set(true);
            message.set("Valid: " + n + (n == 1 ? " message" : " messages") + " ready for " + r.destination()
                    + (r.check() == null ? "" : ", conforming to " + r.check().describe()));
        }, this::refuse);
    }

    /** Validates, then sends every copy (at the rate, when set); results are listed, a refusal is shown; {@link #cancel()} stops it. */
    public Background.Job send() {
        Form f = form();
        Injector injector = new Injector(owner.connection());
        AtomicBoolean stop = new AtomicBoolean();
        this.stop = stop;
        sending.set(true);
        sent.set(0);
        return background.submit(() -> {
            InjectRequest r = request(f);
            return Map.entry(r, injector.send(r, n -> background.ui().execute(() -> sent.set(n)), stop::get));
        }, done -> {
            sending.set(false);
            InjectRequest r = done.getKey();
            Injector.Sent s = done.getValue();
            ok.set(!s.cancelled());
            results.addAll(s.sent().stream().map(PublishResult::toString).toList());
            int n = s.sent().size();
            message.set((s.cancelled() ? "Cancelled: sent " + n + " of " + s.total() : "Sent " + n) + (s.total() == 1 ? " message" : " messages")
                    + " to " + r.destination() + (owner.connection().protection().auditFile().isPresent() ? " (audited)" : ""));
        }, e -> {
            sending.set(false);
            refuse(e);
            owner.failed("injecting", e);
        });
    }

    /** Stops a send in progress before its next message; what was sent stays sent. */
    public void cancel() {
        stop.set(true);
    }

    private Background.Job refuse(Throwable e) {
        ok.set(false);
        message.set(Errors.describe(e));
        return null;
    }
}
