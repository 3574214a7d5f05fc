package io.sitkit.contract.asyncapi.internal;

import io.sitkit.core.Destination;
import io.sitkit.core.InvalidDestinationException;
import io.sitkit.core.Transport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides where a channel lives. A {@code kafka} channel binding makes it a Kafka topic (its
 * {@code topic}, else the channel's name or address); a {@code jms} binding a JMS queue or topic
 * (its {@code destination}, else the name; {@code destinationType} {@code queue} and
 * {@code fifo-queue} are queues, {@code topic} a topic). Without either binding the protocols of
 * the channel's servers decide ({@code kafka}, {@code kafka-secure}, {@code jms}); when they are
 * missing, mixed or other, the channel is skipped with a warning.
 *
 * <pre>{@code
 * Optional<Destination> d = destinations.resolve(channel, "orders", List.of("kafka"));
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one instance serves one import.
 */
public final class ChannelDestinations {
    private final Refs refs;
    private final ImportBuilder out;

    public ChannelDestinations(Refs refs, ImportBuilder out) {
        this.refs = refs;
        this.out = out;
    }

    /**
     * @param channel     the channel object (not a reference)
     * @param name        the channel's name (2.x) or address (3.x); null when it has none
     * @param protocols   the protocols of the servers the channel is on
     * @return empty, with a warning, when the channel is not on Kafka or JMS or has no usable name
     */
    public Optional<Destination> resolve(Location channel, String name, List<String> protocols) {
        Location kafka = binding(channel, "kafka");
        Location jms = binding(channel, "jms");
        Transport transport;
        if (kafka != null && jms == null) {
            transport = Transport.KAFKA;
        } else if (jms != null && kafka == null) {
            transport = Transport.JMS;
        } else {
            transport = byProtocol(channel, protocols, kafka != null);
            if (transport == null) {
                return Optional.empty();
            }
        }
        return transport == Transport.KAFKA ? kafkaTopic(channel, kafka, name) : jmsDestination(channel, jms, name);
    }

    private Optional<Destination> kafkaTopic(Location channel, Location binding, String name) {
        String topic = binding == null ? null : binding.text("topic");
        String where = topic != null ? "kafka binding topic" : "address";
        return named(channel, topic != null ? topic : name, where, "a kafka binding 'topic'")
                .flatMap(t -> create(channel, () -> Destination.kafka(t)));
    }

    private Optional<Destination> jmsDestination(Location channel, Location binding, String name) {
        String destination = binding == null ? null : binding.text("destination");
        String type = binding == null ? null : binding.text("destinationType");
        String where = destination != null ? "jms binding destination" : "address";
        Optional<String> named = named(channel, destination != null ? destination : name, where,
                "a jms binding 'destination'");
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String kind = type == null ? "queue" : type.strip().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "queue", "fifo-queue":
                return create(channel, () -> Destination.jmsQueue(named.get()));
            case "topic":
                return create(channel, () -> Destination.jmsTopic(named.get()));
            default:
                out.warn(binding.child("destinationType"), "channel skipped: jms destinationType '" + type
                        + "' is not queue, fifo-queue or topic");
                return Optional.empty();
        }
    }

    private Optional<String> named(Location channel, String name, String where, String fix) {
        if (name == null || name.isBlank()) {
            out.warn(channel, "channel skipped: it has no address; give it one or " + fix);
            return Optional.empty();
        }
        if (name.contains("{")) {
            out.warn(channel, "channel skipped: the " + where + " '" + name + "' has parameters; "
                    + "sitkit needs a concrete name: set " + fix);
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private Optional<Destination> create(Location channel, Supplier<Destination> factory) {
        try {
            return Optional.of(factory.get());
        } catch (InvalidDestinationException e) {
            out.warn(channel, "channel skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Transport byProtocol(Location channel, List<String> protocols, boolean bothBindings) {
        Set<Transport> transports = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (String protocol : protocols) {
            String p = protocol.strip().toLowerCase(Locale.ROOT);
            switch (p) {
                case "kafka", "kafka-secure" -> transports.add(Transport.KAFKA);
                case "jms" -> transports.add(Transport.JMS);
                default -> others.add(p);
            }
        }
        if (transports.size() == 1 && others.isEmpty()) {
            return transports.iterator().next();
        }
        String has = bothBindings ? "it has both a kafka and a jms binding" : "it has no kafka or jms binding";
        if (protocols.isEmpty()) {
            out.warn(channel, "channel skipped: " + has + " and the document declares no servers");
        } else if (transports.isEmpty()) {
            out.warn(channel, "channel skipped: " + has + " and its servers' protocols (" + String.join(", ", others)
                    + ") are neither Kafka nor JMS");
        } else {
            List<String> all = new ArrayList<>();
            transports.forEach(t -> all.add(t.name().toLowerCase(Locale.ROOT)));
            all.addAll(others);
            out.warn(channel, "channel skipped: " + has + " and its servers mix protocols (" + String.join(", ", all)
                    + "); add a kafka or jms channel binding, or list the channel's servers");
        }
        return null;
    }

    private Location binding(Location channel, String protocol) {
        Location bindings = channel.childIfPresent("bindings");
        if (bindings == null) {
            return null;
        }
        Location resolved = refs.follow(bindings).childIfPresent(protocol);
        return resolved == null ? null : refs.follow(resolved);
    }
}
