package io.sitkit.schema;

import io.sitkit.core.Message;

import java.util.List;

/**
 * Something a message can conform to: a schema, a contract. Used by expectations
 * ({@code message(matcher).conformingTo(contract)}) and by the contract verifier.
 *
 * <pre>{@code
 * List<String> problems = contract.violations(message);   // empty when it conforms
 * }</pre>
 *
 * <p>Thread-safety: implementations are immutable or otherwise safe for concurrent use.
 */
public interface Conformance {
    /** One line per violation, each naming the field or header and what was wrong; empty if none. */
    List<String> violations(Message message);

    /** A short description for failure messages, e.g. "contract orders-placed (Avro OrderPlaced)". */
    String describe();
}
