package io.sitkit.contract.asyncapi.internal;

import io.sitkit.contract.Contract;
import io.sitkit.contract.asyncapi.IntegrationPoint.Direction;
import io.sitkit.core.Destination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an AsyncAPI 3.x document: one contract per message of every channel that lives on Kafka or
 * JMS, and one integration point per message of every operation ({@code action: send|receive});
 * an operation's {@code reply} adds points in the opposite direction on the reply channel.
 *
 * <pre>{@code
 * V3Reader.read(refs, out, document);
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one call reads one document.
 */
public final class V3Reader {
    private final Refs refs;
    private final ImportBuilder out;
    private final Location root;
    private final MessageReader messages;
    private final ChannelDestinations destinations;
    private final Map<Location, Channel> channelsByEntry = new HashMap<>();
    private final Map<Location, Channel> channelsByDefinition = new HashMap<>();

    private record Channel(String key, Destination destination, List<ChannelMessage> messages) {
    }

    private record ChannelMessage(String key, Location entry, Location definition, Contract contract,
                                  MessageParts parts) {
    }

    private V3Reader(Refs refs, ImportBuilder out, Document document) {
        this.refs = refs;
        this.out = out;
        this.root = Location.root(document);
        String contentType = root.text("defaultContentType");
        this.messages = new MessageReader(refs, out, true, contentType == null ? "" : contentType);
        this.destinations = new ChannelDestinations(refs, out);
    }

    /** Adds the document's contracts, integration points and warnings to {@code out}. */
    public static void read(Refs refs, ImportBuilder out, Document document) {
        new V3Reader(refs, out, document).run();
    }

    private void run() {
        List<String> allProtocols = new ArrayList<>();
        Location servers = root.childIfPresent("servers");
        if (servers != null) {
            servers.fieldNames().forEach(name -> allProtocols.add(protocol(servers.child(name))));
        }
        Location channels = root.childIfPresent("channels");
        if (channels != null) {
            for (String key : channels.fieldNames()) {
                readChannel(key, channels.child(key), allProtocols);
            }
        }
        Location operations = root.childIfPresent("operations");
        if (operations != null) {
            for (String id : operations.fieldNames()) {
                readOperation(id, refs.follow(operations.child(id)));
            }
        }
    }

    private void readChannel(String key, Location entry, List<String> allProtocols) {
        Location channel = refs.follow(entry);
        List<String> protocols = allProtocols;
        Location listed = channel.childIfPresent("servers");
        if (listed != null && !listed.node().isEmpty()) {
            protocols = new ArrayList<>();
            for (int i = 0; i < listed.node().size(); i++) {
                protocols.add(protocol(listed.child(i)));
            }
        }
        Optional<Destination> destination = destinations.resolve(channel, channel.text("address"), protocols);
        List<ChannelMessage> found = new ArrayList<>();
        Channel info = new Channel(key, destination.orElse(null), found);
        channelsByEntry.put(entry, info);
        channelsByDefinition.put(channel, info);
        Location list = channel.childIfPresent("messages");
        if (destination.isEmpty() || list == null) {
            return;
        }
        for (String name : list.fieldNames()) {
            Location messageEntry = list.child(name);
            Location definition = refs.follow(messageEntry);
            MessageParts parts = messages.read(definition);
            Contract contract = out.contract(key, name, destination.get(), parts, messageEntry);
            found.add(new ChannelMessage(name, messageEntry, definition, contract, parts));
        }
    }

    private void readOperation(String id, Location operation) {
        String action = operation.text("action");
        Direction direction;
        if ("send".equals(action)) {
            direction = Direction.SEND;
        } else if ("receive".equals(action)) {
            direction = Direction.RECEIVE;
        } else {
            out.warn(operation, "operation skipped: action '" + action + "' is neither send nor receive");
            return;
        }
        Channel channel = channelOf(operation, "operation");
        if (channel != null) {
            points(id, channel, operation.childIfPresent("messages"), direction);
        }
        Location reply = operation.childIfPresent("reply");
        if (reply != null) {
            Location resolved = refs.follow(reply);
            Channel replyChannel = channelOf(resolved, "reply");
            if (replyChannel != null) {
                Direction opposite = direction == Direction.SEND ? Direction.RECEIVE : Direction.SEND;
                points(id, replyChannel, resolved.childIfPresent("messages"), opposite);
            }
        }
    }

    /** The channel an operation or reply refers to, or null (warned) when there is none. */
    private Channel channelOf(Location owner, String what) {
        Location at = owner.childIfPresent("channel");
        if (at == null) {
            out.warn(owner, what + " skipped: it names no channel");
            return null;
        }
        Channel channel = null;
        String ref = Refs.refOf(at.node());
        if (ref != null) {
            channel = channelsByEntry.get(refs.target(at, ref));
        }
        if (channel == null) {
            channel = channelsByDefinition.get(refs.follow(at));
        }
        if (channel == null) {
            out.warn(at, what + " skipped: its channel is not one of the document's channels");
            return null;
        }
        return channel.destination() == null ? null : channel;
    }

    private void points(String id, Channel channel, Location list, Direction direction) {
        if (list == null || list.node().isEmpty()) {
            channel.messages().forEach(m -> out.point(m.contract(), direction, id, m.key(), m.parts()));
            return;
        }
        for (int i = 0; i < list.node().size(); i++) {
            Location use = list.child(i);
            ChannelMessage message = messageOf(channel, use);
            if (message == null) {
                out.warn(use, "message skipped: it is not one of the messages of channel '" + channel.key() + "'");
            } else {
                out.point(message.contract(), direction, id, message.key(), message.parts());
            }
        }
    }

    private ChannelMessage messageOf(Channel channel, Location use) {
        String ref = Refs.refOf(use.node());
        if (ref != null) {
            Location target = refs.target(use, ref);
            for (ChannelMessage m : channel.messages()) {
                if (m.entry().equals(target)) {
                    return m;
                }
            }
        }
        Location definition = refs.follow(use);
        for (ChannelMessage m : channel.messages()) {
            if (m.definition().equals(definition)) {
                return m;
            }
        }
        return null;
    }

    private String protocol(Location server) {
        String protocol = refs.follow(server).text("protocol");
        return protocol == null ? "" : protocol;
    }
}
