package io.sitkit.contract.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.contract.Contract;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test documents under src/test/resources/asyncapi and small helpers to read results. */
final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /** A file under src/test/resources/asyncapi. */
    static Path resource(String name) {
        URL url = Fixtures.class.getResource("/asyncapi/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource asyncapi/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The directory of the test documents. */
    static Path directory() {
        return resource("shop-3.0.yaml").getParent();
    }

    /** Parses JSON written with single quotes, to keep the tests readable. */
    static JsonNode json(String singleQuoted) {
        return tree(singleQuoted.replace('\'', '"'));
    }

    /** Parses JSON text. */
    static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** The payload schema of a contract as a tree. */
    static JsonNode payloadOf(Contract contract) {
        return tree(contract.payload().orElseThrow().text());
    }

    static Contract contract(AsyncApiImport result, String name) {
        return result.contract(name).orElseThrow(() -> new AssertionError("no contract " + name + " in "
                + result.contracts().stream().map(Contract::name).toList()));
    }
}
