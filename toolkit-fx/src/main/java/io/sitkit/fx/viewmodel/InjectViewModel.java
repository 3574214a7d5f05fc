package io.sitkit.fx.viewmodel;

import io.sitkit.core.Destination;
import io.sitkit.core.PublishResult;
import io.sitkit.fx.service.DecodedPayload;
import io.sitkit.fx.service.InjectRequest;
import io.sitkit.fx.service.Injector;
import io.sitkit.fx.service.MessageRow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.stream.Collectors;

/**
 * The inject dialog's state: destination, key, headers ({@code name=value} per line), payload and
 * its format (text, JSON, or Avro from JSON by schema id), template on/off, copies. {@link #validate()}
 * renders and encodes every copy without sending; {@link #send()} validates, then publishes through
 * the connection — a locked protected environment refuses, and every sent message is audited.
 *
 * <pre>{@code
 * InjectViewModel i = connection.inject(Destination.kafka("orders"));
 * i.payloadProperty().set("{\"orderId\":\"{{ uuid() }}\"}");
 * i.templateProperty().set(true);
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

    private InjectRequest request() {
        return new InjectRequest(Destination.parse(destination.get().strip()), key.get(), InjectRequest.parseHeaders(headers.get()),
                payload.get(), format.get(), format.get() == InjectRequest.Format.AVRO ? schemaId.get() : -1, template.get(), copies.get());
    }

    /** Renders and encodes every copy without sending; the outcome goes to {@link #messageProperty()}. */
    public Background.Job validate() {
        InjectRequest r;
        try {
            r = request();
        } catch (RuntimeException e) {
            return refuse(e);
        }
        Injector injector = new Injector(owner.connection());
        return background.submit(() -> injector.prepare(r), prepared -> {
            ok.set(true);
            message.set("Valid: " + prepared.size() + (prepared.size() == 1 ? " message" : " messages") + " ready for " + r.destination());
        }, this::refuse);
    }

    /** Validates, then sends every copy; results are listed, a refusal is shown. */
    public Background.Job send() {
        InjectRequest r;
        try {
            r = request();
        } catch (RuntimeException e) {
            return refuse(e);
        }
        Injector injector = new Injector(owner.connection());
        sending.set(true);
        return background.submit(() -> injector.send(r), sent -> {
            sending.set(false);
            ok.set(true);
            results.addAll(sent.stream().map(PublishResult::toString).toList());
            message.set("Sent " + sent.size() + (sent.size() == 1 ? " message" : " messages") + " to " + r.destination()
                    + (owner.connection().protection().auditFile().isPresent() ? " (audited)" : ""));
        }, e -> {
            sending.set(false);
            refuse(e);
            owner.failed("injecting", e);
        });
    }

    private Background.Job refuse(Throwable e) {
        ok.set(false);
        message.set(Errors.describe(e));
        return null;
    }
}
