package io.sitkit.schema.registry;

import com.sun.net.httpserver.HttpServer;
import io.sitkit.config.SitkitConfig;
import io.sitkit.schema.SchemaFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request shape, auth and dialect handling, against a small canned HTTP server. */
class SchemaRegistryClientTest {
    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            seen.add(key + " auth=" + exchange.getRequestHeaders().getFirst("Authorization")
                    + " type=" + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " body=" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String answer = answers.getOrDefault(key, "404 {\"error_code\":40401,\"message\":\"Subject not found\"}");
            int status = Integer.parseInt(answer.substring(0, 3));
            byte[] body = answer.substring(4).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void basic_auth_is_sent_and_never_printed() {
        answers.put("GET /subjects", "200 [\"orders-value\"]");
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(url + "/").withBasicAuth("ci", "s3cret-pw"));

        assertThat(client.subjects()).containsExactly("orders-value");
        assertThat(seen).singleElement().asString().contains("auth=Basic Y2k6czNjcmV0LXB3");
        assertThat(client.toString()).isEqualTo("SchemaRegistryClient[RegistrySettings[url=" + url + ", user=ci, password=******,"
                + " connectTimeout=PT5S, requestTimeout=PT10S]]").doesNotContain("s3cret");
        answers.put("GET /subjects", "401 {\"error_code\":40101,\"message\":\"Unauthorized\"}");
        assertThatThrownBy(client::subjects)
                .hasMessage("schema registry at " + url + " refused to list subjects: HTTP 401, error 40101: Unauthorized"
                        + " (check sitkit.schema-registry.user/password or the bearer token)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void a_bearer_token_is_sent_as_such_and_masked() {
        answers.put("GET /config", "200 {\"compatibilityLevel\":\"BACKWARD\"}");
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.from(SitkitConfig.of(Map.of(
                "sitkit.schema-registry.url", url, "sitkit.schema-registry.bearer-token", "tok-123",
                "sitkit.schema-registry.request-timeout", "3s"))));

        assertThat(client.compatibility()).isEqualTo("BACKWARD");
        assertThat(seen.get(0)).contains("auth=Bearer tok-123");
        assertThat(client.settings().toString()).contains("bearerToken=******").doesNotContain("tok-123").contains("requestTimeout=PT3S");
    }

    @Test
    void either_spelling_of_the_compatibility_level_is_read_and_a_missing_schema_type_means_avro() {
        answers.put("PUT /config/orders-value", "200 {\"compatibility\":\"FULL\"}");
        answers.put("PUT /config", "200 {\"compatibilityLevel\":\"NONE\"}");
        answers.put("GET /schemas/ids/3", "200 {\"schema\":\"\\\"string\\\"\"}");
        answers.put("GET /schemas/ids/4", "200 {\"schema\":\"{\\\"type\\\":\\\"object\\\"}\",\"schemaType\":\"JSON\"}");
        answers.put("POST /compatibility/subjects/orders-value/versions/latest?verbose=true",
                "200 {\"is_compatible\":false,\"messages\":[\"READER_FIELD_MISSING_DEFAULT_VALUE: currency\"]}");
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(url));

        assertThat(client.setCompatibility("orders-value", "full")).isEqualTo("FULL");
        assertThat(client.setCompatibility("none")).isEqualTo("NONE");
        assertThat(client.schemaById(3).format()).isEqualTo(SchemaFormat.AVRO);
        assertThat(client.schemaById(4).format()).isEqualTo(SchemaFormat.JSON_SCHEMA);
        assertThat(client.checkCompatibility("orders-value", SchemaFormat.JSON_SCHEMA, "{}"))
                .isEqualTo(new CompatibilityVerdict(false, List.of("READER_FIELD_MISSING_DEFAULT_VALUE: currency")));
        assertThat(seen).anySatisfy(s -> assertThat(s).startsWith("PUT /config/orders-value")
                .contains("type=application/vnd.schemaregistry.v1+json body={\"compatibility\":\"FULL\"}"));
        assertThat(seen).anySatisfy(s -> assertThat(s).contains("body={\"schema\":\"{}\",\"schemaType\":\"JSON\"}"));
    }

    @Test
    void a_registry_that_is_not_there_fails_within_the_connect_bound_with_the_url_and_operation() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of("http://127.0.0.1:" + closed)
                .withConnectTimeout(Duration.ofSeconds(2)));
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry at http://127.0.0.1:" + closed + " unreachable while trying to look up schema id 1:"
                        + " connection refused (is sitkit.schema-registry.url right and the registry up?)");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void a_registry_that_does_not_answer_fails_at_the_request_bound() {
        server.createContext("/slow", exchange -> {
            // holds the request open without answering until the server stops
        });
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(url + "/slow").withRequestTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(client::subjects)
                .hasMessage("schema registry at " + url + "/slow unreachable while trying to list subjects: no answer within PT0.3S"
                        + " (is sitkit.schema-registry.url right and the registry up?)");
    }

    @Test
    void settings_refuse_credentials_in_the_url_and_half_given_auth() {
        assertThatThrownBy(() -> RegistrySettings.of("http://ci:pw@registry:8081"))
                .hasMessage("schema registry URL must not carry credentials; use sitkit.schema-registry.user and sitkit.schema-registry.password");
        assertThatThrownBy(() -> RegistrySettings.of("registry:8081"))
                .hasMessage("schema registry URL 'registry:8081' must be http://host:port/… or https://…");
        assertThatThrownBy(() -> RegistrySettings.of("http://r:1").withRequestTimeout(Duration.ZERO))
                .hasMessage("schema registry request timeout must be positive, was PT0S");
    }
}
