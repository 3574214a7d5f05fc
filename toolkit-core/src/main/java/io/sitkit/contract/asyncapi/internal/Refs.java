package io.sitkit.contract.asyncapi.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.schema.SchemaException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Follows {@code $ref}s: within a document ({@code #/components/schemas/Order}, JSON-pointer
 * escapes {@code ~0 ~1} and percent-encoding undone) and to local files relative to the referring
 * file ({@code ./schemas/order.avsc}, {@code common.yaml#/components/schemas/Money}).
 *
 * <pre>{@code
 * Refs refs = new Refs(documents);
 * Location schema = refs.follow(message.child("payload"));   // the node a chain of $refs ends at
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one instance serves one import.
 */
public final class Refs {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final Documents documents;

    public Refs(Documents documents) {
        this.documents = documents;
    }

    /** The {@code $ref} string of a reference object, or null when the node is no reference. */
    public static String refOf(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode ref = node.get("$ref");
        return ref != null && ref.isTextual() ? ref.asText() : null;
    }

    /**
     * Follows a chain of references from {@code at} to the first node that is not one; returns
     * {@code at} itself when it is no reference.
     *
     * @throws SchemaException for a missing target or a chain that comes back to itself
     */
    public Location follow(Location at) {
        Set<Location> chain = new LinkedHashSet<>();
        Location current = at;
        while (true) {
            String ref = refOf(current.node());
            if (ref == null) {
                return current;
            }
            if (!chain.add(current)) {
                List<String> steps = new ArrayList<>();
                chain.forEach(l -> steps.add(l.toString()));
                steps.add(current.toString());
                throw new SchemaException(at.document().name(), "$ref cycle at " + at.fragment()
                        + ": the references lead back to themselves without reaching a definition: "
                        + String.join(" -> ", steps));
            }
            current = target(current, ref);
        }
    }

    /**
     * One step: where the {@code $ref} string found at {@code at} points.
     *
     * @throws SchemaException naming the referring document, the pointer and the missing target
     */
    public Location target(Location at, String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : decode(ref.substring(hash + 1));
        if (SCHEME.matcher(file).matches() || file.startsWith("//")) {
            throw error(at, ref, "only references within the document and to local files are followed; "
                    + "save the target next to the document and refer to it by a relative path");
        }
        Document document = at.document();
        if (!file.isEmpty()) {
            Path path;
            try {
                path = at.document().directory().resolve(decode(file)).normalize();
            } catch (InvalidPathException e) {
                throw error(at, ref, "'" + file + "' is not a file path");
            }
            document = documents.load(path).orElseThrow(() -> error(at, ref,
                    "the file " + documents.displayName(path) + " does not exist"));
        }
        if (!fragment.isEmpty() && !fragment.startsWith("/")) {
            throw error(at, ref, "the fragment '" + fragment + "' is not a JSON pointer; write it as #/path/to/node");
        }
        Location target = new Location(document, JsonPointer.compile(fragment));
        if (!target.exists()) {
            throw error(at, ref, "there is no " + fragment + " in " + document.name() + nearest(target));
        }
        return target;
    }

    /** "; did you mean '#/a/b'?" when the parent has a member whose name is a small edit away. */
    private static String nearest(Location missing) {
        JsonPointer head = missing.pointer().head();
        JsonPointer last = missing.pointer().last();
        if (head == null || last == null) {
            return "";
        }
        Location parent = new Location(missing.document(), head);
        String wanted = last.getMatchingProperty();
        String best = null;
        int bestDistance = Math.max(2, wanted.length() / 4) + 1;
        for (String name : parent.fieldNames()) {
            int distance = io.sitkit.core.internal.Suggestions.distance(wanted.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best == null ? "" : "; did you mean '" + parent.child(best).fragment() + "'?";
    }

    private static SchemaException error(Location at, String ref, String why) {
        return new SchemaException(at.document().name(),
                "unresolved $ref '" + ref + "' at " + at.fragment() + ": " + why);
    }

    /** Undoes percent-encoding (not '+', which URI fragments and paths keep). */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int plainFrom = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.writeBytes(text.substring(plainFrom, i).getBytes(StandardCharsets.UTF_8));
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
                plainFrom = i + 1;
            }
        }
        bytes.writeBytes(text.substring(plainFrom).getBytes(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }
}
