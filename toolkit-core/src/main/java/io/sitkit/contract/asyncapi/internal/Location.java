package io.sitkit.contract.asyncapi.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A place in a loaded document: the document and a JSON pointer into it.
 *
 * <pre>{@code
 * Location payload = channel.child("messages").child("orderPlaced").child("payload");
 * String where = payload.toString();   // "shop.yaml#/channels/orders/messages/orderPlaced/payload"
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param document the document
 * @param pointer  where in it; the empty pointer is the whole document
 */
public record Location(Document document, JsonPointer pointer) {
    public Location {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(pointer, "pointer");
    }

    /** The root of a document. */
    public static Location root(Document document) {
        return new Location(document, JsonPointer.empty());
    }

    /** The node here, or a missing node. */
    public JsonNode node() {
        return document.root().at(pointer);
    }

    public boolean exists() {
        return !node().isMissingNode();
    }

    /** The member {@code field} of the object here. */
    public Location child(String field) {
        return new Location(document, pointer.appendProperty(field));
    }

    /** The element {@code index} of the array here. */
    public Location child(int index) {
        return new Location(document, pointer.appendIndex(index));
    }

    /** The member {@code field}, or null when the object here has no such member. */
    public Location childIfPresent(String field) {
        JsonNode node = node();
        return node.isObject() && node.has(field) ? child(field) : null;
    }

    /** The text of the member {@code field} when it is a string or a number, else null. */
    public String text(String field) {
        JsonNode value = node().get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** The member names of the object here, in document order; empty when it is not an object. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        JsonNode node = node();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** The pointer as a URI fragment: {@code #/channels/orders}, or {@code #} for the root. */
    public String fragment() {
        return "#" + pointer;
    }

    /** The name of the last member on the path, or "" at the root. */
    public String lastName() {
        JsonPointer last = pointer.last();
        return last == null ? "" : last.getMatchingProperty();
    }

    /** {@code doc.yaml#/a/b}, or just {@code doc.yaml} for the whole document. */
    @Override
    public String toString() {
        return pointer.matches() ? document.name() : document.name() + "#" + pointer;
    }
}
