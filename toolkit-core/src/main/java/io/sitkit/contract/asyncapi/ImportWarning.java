package io.sitkit.contract.asyncapi;

import java.util.Objects;

/**
 * Something an import skipped, and where: a channel on a protocol other than Kafka or JMS, a
 * message whose schema format sitkit does not read, an operation on an undeclared channel.
 *
 * <pre>{@code
 * result.warnings().forEach(w -> log.warn(w.describe()));
 * // shop.yaml#/channels/audit: channel skipped: it has no kafka or jms binding and ...
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param document the file, relative to the main document's directory
 * @param pointer  the JSON pointer of the skipped part, e.g. {@code /channels/audit}
 * @param message  what was skipped and why
 */
public record ImportWarning(String document, String pointer, String message) {
    public ImportWarning {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("'" + pointer
                    + "' is not a JSON pointer; it must be empty or start with '/'");
        }
    }

    /** {@code document#pointer: message}. */
    public String describe() {
        return document + "#" + pointer + ": " + message;
    }
}
