package io.sitkit.fx.viewmodel;

import io.sitkit.core.Destination;
import io.sitkit.correlate.KeySource;
import io.sitkit.fx.service.CorrelationSettings;
import io.sitkit.fx.service.DestinationEntry;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules dialog's form for one connection: per destination, where it carries the key ("default"
 * for the rule of the rest), that default rule, and the expected route as addresses in order.
 *
 * <pre>{@code
 * CorrelationRulesForm form = CorrelationRulesForm.of(corr.settings(c), c.allDestinations());
 * form.row(Destination.kafka("orders")).orElseThrow().kind().set("jsonPath");
 * form.row(Destination.kafka("orders")).orElseThrow().argument().set("$.orderId");
 * form.routeProperty().set("kafka:orders\nkafka:shipments");
 * form.toSettings().ifPresent(s -> corr.saveSettings(c, s));
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread.
 */
public final class CorrelationRulesForm {
    /** What the default rule can be: the words of {@link KeySource#FORMS} ({@code key}, {@code header}, …). */
    public static final List<String> DEFAULT_KINDS = KeySource.FORMS.stream().map(f -> f.split(":", 2)[0]).toList();
    /** What a destination's rule can be: its own kind, or "default". */
    public static final List<String> KINDS;

    static {
        List<String> all = new ArrayList<>(List.of("default"));
        all.addAll(DEFAULT_KINDS);
        KINDS = List.copyOf(all);
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final Row fallback;
    private final StringProperty route = new SimpleStringProperty(this, "route", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private CorrelationRulesForm(Row fallback) {
        this.fallback = fallback;
    }

    /** A form showing {@code settings}, with a row for every listed destination and every one with a rule. */
    public static CorrelationRulesForm of(CorrelationSettings settings, List<DestinationEntry> destinations) {
        CorrelationRulesForm f = new CorrelationRulesForm(Row.of(null, settings.fallback()));
        Set<Destination> all = new LinkedHashSet<>(destinations.stream().map(DestinationEntry::destination).toList());
        all.addAll(settings.rules().keySet());
        for (Destination d : all) {
            KeySource own = settings.rules().get(d);
            f.rows.add(own == null ? new Row(d, "default", "") : Row.of(d, own));
        }
        f.route.set(settings.route().stream().map(Destination::toString).collect(Collectors.joining("\n")));
        return f;
    }

    /** One destination's rule: a kind of {@link #KINDS} and, for header and jsonPath, its argument. */
    public record Row(Destination destination, StringProperty kind, StringProperty argument) {
        Row(Destination destination, String kind, String argument) {
            this(destination, new SimpleStringProperty(kind), new SimpleStringProperty(argument));
        }

        static Row of(Destination d, KeySource s) {
            String[] text = s.text().split(":", 2);
            return new Row(d, text[0], text.length > 1 ? text[1] : "");
        }

        /** The rule; an argument left over from another kind is ignored by the kinds that take none. */
        KeySource source() {
            String k = kind.get();
            boolean takesArgument = KeySource.FORMS.stream().anyMatch(f -> f.startsWith(k + ":"));
            return KeySource.parse(takesArgument ? k + ":" + (argument.get() == null ? "" : argument.get()) : k);
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public Optional<Row> row(Destination d) {
        return rows.stream().filter(r -> d.equals(r.destination())).findFirst();
    }

    /** The rule of destinations whose row says "default". */
    public Row fallback() {
        return fallback;
    }

    /** The expected route: addresses in order, one per line (commas and arrows work too); empty for none. */
    public StringProperty routeProperty() {
        return route;
    }

    /** Why the form does not read ("" when it does). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The settings the form says, or empty with {@link #errorProperty()} naming what is wrong. */
    public Optional<CorrelationSettings> toSettings() {
        try {
            CorrelationSettings s = CorrelationSettings.none().withFallback(part("default rule", fallback));
            for (Row r : rows) {
                if (!"default".equals(r.kind().get())) {
                    s = s.withRule(r.destination(), part(r.destination().toString(), r));
                }
            }
            s = s.withRoute(CorrelationSettings.parseRoute(route.get()));
            error.set("");
            return Optional.of(s);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    private static KeySource part(String what, Row r) {
        try {
            return r.source();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }
}
