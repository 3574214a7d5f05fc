package io.sitkit.junit.assertions;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The assertions' one Jackson mapper (configured once, never changed). Thread-safety: thread-safe. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
