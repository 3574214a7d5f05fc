package io.sitkit.contract.asyncapi.internal;

import io.sitkit.contract.Contract;
import io.sitkit.contract.asyncapi.IntegrationPoint.Direction;
import io.sitkit.core.Destination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an AsyncAPI 2.x document: each channel's {@code subscribe} operation is what the
 * application sends, its {@code publish} operation what it receives; a message given once to both
 * gets one contract and two integration points; {@code oneOf} lists several messages.
 *
 * <pre>{@code
 * V2Reader.read(refs, out, document);
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one call reads one document.
 */
public final class V2Reader {
    private final Refs refs;
    private final ImportBuilder out;
    private final Location root;
    private final MessageReader messages;
    private final ChannelDestinations destinations;
    private final Map<String, String> serverProtocols = new LinkedHashMap<>();

    private V2Reader(Refs refs, ImportBuilder out, Document document) {
        this.refs = refs;
        this.out = out;
        this.root = Location.root(document);
        String contentType = root.text("defaultContentType");
        this.messages = new MessageReader(refs, out, false, contentType == null ? "" : contentType);
        this.destinations = new ChannelDestinations(refs, out);
    }

    /** Adds the document's contracts, integration points and warnings to {@code out}. */
    public static void read(Refs refs, ImportBuilder out, Document document) {
        new V2Reader(refs, out, document).run();
    }

    private void run() {
        Location servers = root.childIfPresent("servers");
        if (servers != null) {
            for (String name : servers.fieldNames()) {
                String protocol = refs.follow(servers.child(name)).text("protocol");
                serverProtocols.put(name, protocol == null ? "" : protocol);
            }
        }
        Location channels = root.childIfPresent("channels");
        if (channels == null) {
            return;
        }
        for (String name : channels.fieldNames()) {
            Location channel = refs.follow(channels.child(name));
            destinations.resolve(channel, name, protocols(channel))
                    .ifPresent(destination -> readChannel(name, channel, destination));
        }
    }

    private void readChannel(String name, Location channel, Destination destination) {
        Map<Location, Contract> contracts = new HashMap<>();
        Map<Location, MessageParts> parts = new HashMap<>();
        for (String verb : List.of("subscribe", "publish")) {
            Location entry = channel.childIfPresent(verb);
            if (entry == null) {
                continue;
            }
            Direction direction = verb.equals("subscribe") ? Direction.SEND : Direction.RECEIVE;
            Location operation = refs.follow(entry);
            String operationId = Optional.ofNullable(operation.text("operationId")).orElse("");
            Location message = operation.childIfPresent("message");
            if (message == null) {
                out.warn(operation, verb + " operation skipped: it has no message");
                continue;
            }
            Location resolved = refs.follow(message);
            Location oneOf = resolved.childIfPresent("oneOf");
            int count = oneOf == null ? 1 : oneOf.node().size();
            for (int i = 0; i < count; i++) {
                Location use = oneOf == null ? message : oneOf.child(i);
                Location definition = refs.follow(use);
                String key = messageKey(definition, oneOf == null ? verb : verb + "-" + (i + 1));
                Contract contract = contracts.get(definition);
                if (contract == null) {
                    parts.put(definition, messages.read(definition));
                    contract = out.contract(name, key, destination, parts.get(definition), use);
                    contracts.put(definition, contract);
                }
                out.point(contract, direction, operationId, key, parts.get(definition));
            }
        }
    }

    /** messageId, else the key under components/messages, else name, else the fallback. */
    private static String messageKey(Location message, String fallback) {
        String id = message.text("messageId");
        if (id != null && !id.isBlank()) {
            return id;
        }
        String pointer = message.pointer().toString();
        if (pointer.startsWith("/components/messages/") && pointer.indexOf('/', "/components/messages/".length()) < 0) {
            return message.lastName();
        }
        String name = message.text("name");
        return name != null && !name.isBlank() ? name : fallback;
    }

    private List<String> protocols(Location channel) {
        Location listed = channel.childIfPresent("servers");
        if (listed == null || listed.node().isEmpty()) {
            return List.copyOf(serverProtocols.values());
        }
        List<String> protocols = new ArrayList<>();
        for (int i = 0; i < listed.node().size(); i++) {
            String server = listed.node().get(i).asText();
            String protocol = serverProtocols.get(server);
            if (protocol == null) {
                out.warn(listed.child(i), "server '" + server + "' ignored: it is not declared under servers");
            } else {
                protocols.add(protocol);
            }
        }
        return protocols;
    }
}
