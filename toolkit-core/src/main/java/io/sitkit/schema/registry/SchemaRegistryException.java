package io.sitkit.schema.registry;

import io.sitkit.core.SitkitException;

/**
 * A schema-registry request that failed: unreachable, timed out, or answered with an error. The
 * message names the operation, the registry URL (never credentials), and the HTTP status with the
 * registry's own error code and message when there is one.
 *
 * <pre>{@code
 * try { client.schemaById(42); }
 * catch (SchemaRegistryException e) { if (e.status() == 404) { ... } }   // e.errorCode() == 40403
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class SchemaRegistryException extends SitkitException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final int errorCode;

    /**
     * @param status    the HTTP status, 0 without an answer
     * @param errorCode the registry's error code, 0 without one
     */
    public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The registry's error code ({@code 40403} schema not found…), or 0 when it gave none. */
    public int errorCode() {
        return errorCode;
    }
}
