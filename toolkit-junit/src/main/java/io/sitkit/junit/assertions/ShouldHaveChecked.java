package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A contract that checked no message (so its passing says nothing), or is unknown. Thread-safety: immutable. */
final class ShouldHaveChecked extends BasicErrorMessageFactory {
    private ShouldHaveChecked(String contract, String actual, String checked) {
        super("expected contract %s to have checked at least one message\n  but %s\n  checked: %s", unquotedString(contract),
                unquotedString(actual), unquotedString(checked));
    }

    static ShouldHaveChecked shouldHaveChecked(String contract, String actual, String checked) {
        return new ShouldHaveChecked(contract, actual, checked);
    }
}
