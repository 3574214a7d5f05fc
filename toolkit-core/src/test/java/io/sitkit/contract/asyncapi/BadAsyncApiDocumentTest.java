package io.sitkit.contract.asyncapi;

import io.sitkit.schema.SchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.sitkit.contract.asyncapi.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BadAsyncApiDocumentTest {
    @TempDir
    Path dir;

    @Test
    void anUnsupportedMajorVersionIsRejectedNamingTheVersionFound() {
        assertThatThrownBy(() -> AsyncApi.read(resource("bad/unsupported-version.yaml")))
                .isInstanceOf(SchemaException.class)
                .hasMessage("unsupported-version.yaml: AsyncAPI version 1.2.0 is not supported; "
                        + "sitkit reads AsyncAPI 2.x (up to 2.6) and 3.x (3.0) documents");
    }

    @Test
    void aFutureMajorVersionIsRejectedToo() {
        assertThatThrownBy(() -> AsyncApi.parse("asyncapi: 4.0.0\ninfo: {title: T, version: '1'}\n", dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document: AsyncAPI version 4.0.0 is not supported; "
                        + "sitkit reads AsyncAPI 2.x (up to 2.6) and 3.x (3.0) documents");
    }

    @Test
    void anOpenApiDocumentIsNotMistakenForAnAsyncApiOne() {
        assertThatThrownBy(() -> AsyncApi.parse("openapi: 3.1.0\ninfo: {title: Shop, version: '1'}\npaths: {}\n", dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document: not an AsyncAPI document: it has no 'asyncapi' version field; "
                        + "it looks like an OpenAPI document");
    }

    @Test
    void malformedYamlFailsWithTheLineAndColumnOfTheProblem() {
        SchemaException e = catchThrowableOfType(SchemaException.class,
                () -> AsyncApi.read(resource("bad/malformed.yaml")));

        assertThat(e).hasMessage("malformed.yaml:8:14: not valid YAML: mapping values are not allowed here");
        assertThat(e.source()).isEqualTo("malformed.yaml");
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.column()).isEqualTo(14);
    }

    @Test
    void anUnclosedFlowMappingNamesWhereItStarted() {
        String text = "asyncapi: 3.0.0\ninfo: {title: Shop, version: '1'\nchannels: {}\n";

        assertThatThrownBy(() -> AsyncApi.parse(text, dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document:3:1: not valid YAML: expected ',' or '}', but got <scalar> "
                        + "(while parsing a flow mapping at line 2, column 7)");
    }

    @Test
    void aDuplicateKeyIsAnErrorRatherThanASilentOverwrite() {
        String text = "asyncapi: 3.0.0\ninfo: {title: Shop, version: '1'}\nchannels:\n  orders: {address: a}\n"
                + "  orders: {address: b}\n";

        assertThatThrownBy(() -> AsyncApi.parse(text, dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document:5:3: not valid YAML: the key 'orders' appears twice in one mapping");
    }

    @Test
    void malformedJsonIsReportedAsJson() throws IOException {
        Path file = dir.resolve("shop.json");
        Files.writeString(file, "{\n  \"asyncapi\": \"3.0.0\",\n  \"info\": {\"title\": \"Shop\",}\n}\n");

        assertThatThrownBy(() -> AsyncApi.read(file))
                .isInstanceOf(SchemaException.class)
                .hasMessage("shop.json:3:28: not valid JSON: Unexpected character ('}' (code 125)): "
                        + "was expecting double-quote to start field name");
    }

    @Test
    void aJsonDocumentIsReadLikeAYamlOne() throws IOException {
        Path file = dir.resolve("shop.json");
        Files.writeString(file, """
                {"asyncapi": "2.6.0", "info": {"title": "Shop", "version": "1"},
                 "channels": {"orders": {"bindings": {"kafka": {}}, "subscribe": {"message": {"payload": {"type": "object"}}}}}}
                """);

        AsyncApiImport result = AsyncApi.read(file);

        assertThat(result.title()).isEqualTo("Shop");
        assertThat(result.contracts()).extracting(c -> c.name()).containsExactly("orders.subscribe");
    }

    @Test
    void anEmptyDocumentIsRejected() {
        assertThatThrownBy(() -> AsyncApi.parse("# nothing here\n", dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document: the document is empty");
    }

    @Test
    void aDocumentWhoseTopLevelIsAListIsRejected() {
        assertThatThrownBy(() -> AsyncApi.parse("- asyncapi: 3.0.0\n", dir))
                .isInstanceOf(SchemaException.class)
                .hasMessage("inline AsyncAPI document: not an AsyncAPI document: the top level is array, not a mapping");
    }

    @Test
    void aFileThatDoesNotExistIsNamed() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> AsyncApi.read(missing))
                .isInstanceOf(SchemaException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aMalformedReferencedFileIsNamedWithItsLine() throws IOException {
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/order.yaml"), "type: object\nproperties:\n  id: {type: string\n");
        Path main = dir.resolve("api.yaml");
        Files.writeString(main, """
                asyncapi: 3.0.0
                info: {title: Shop, version: '1'}
                channels:
                  orders:
                    bindings: {kafka: {topic: orders}}
                    messages:
                      placed:
                        payload: {$ref: 'schemas/order.yaml'}
                """);

        assertThatThrownBy(() -> AsyncApi.read(main))
                .isInstanceOf(SchemaException.class)
                .hasMessage("schemas/order.yaml:4:1: not valid YAML: expected ',' or '}', but got <stream end> "
                        + "(while parsing a flow mapping at line 3, column 7)");
    }
}
