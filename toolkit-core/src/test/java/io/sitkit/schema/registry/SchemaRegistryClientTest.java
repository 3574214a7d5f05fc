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
    void a_bearer_token_never_shows_in_a_refusal() {
        answers.put("GET /schemas/ids/9", "403 {\"error_code\":40301,\"message\":\"User is denied operation Read\"}");
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(url).withBearerToken("tok-secret-77"));

        assertThatThrownBy(() -> client.schemaById(9))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry at " + url + " refused to look up schema id 9: HTTP 403, error 40301:"
                        + " User is denied operation Read (the credentials lack permission for this)")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40301));
        assertThat(seen).singleElement().asString().contains("auth=Bearer tok-secret-77");
    }

    @Test
    void setting_global_none_again_on_a_registry_that_keeps_none_as_no_rule_is_accepted_after_reading_it_back() {
        String noRule = "404 {\"message\":\"No rule named 'COMPATIBILITY' was found.\",\"error_code\":0}";
        answers.put("PUT /config", noRule);
        answers.put("GET /config", "200 {\"compatibilityLevel\":\"NONE\"}");
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(url));

        assertThat(client.setCompatibility("none")).isEqualTo("NONE");
        assertThat(seen).extracting(s -> s.substring(0, s.indexOf(" auth="))).containsExactly("PUT /config", "GET /config");

        answers.put("GET /config", "200 {\"compatibility\":\"BACKWARD\"}");
        assertThatThrownBy(() -> client.setCompatibility("NONE"))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry at " + url + " refused to set the global compatibility level to NONE: HTTP 404:"
                        + " No rule named 'COMPATIBILITY' was found.");
        assertThatThrownBy(() -> client.setCompatibility("orders-value", "NONE"))
                .as("an unknown subject is not taken for a missing rule")
                .hasMessage("schema registry at " + url + " refused to set the compatibility level of orders-value to NONE: HTTP 404,"
                        + " error 40401: Subject not found");
    }

    @Test
    void a_config_answer_without_a_level_names_the_request() {
        answers.put("GET /config/orders-value", "200 {\"alias\":\"x\"}");
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(url));

        assertThatThrownBy(() -> client.compatibility("orders-value"))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry at " + url + " answered the request to read the compatibility level of orders-value"
                        + " without a compatibilityLevel or compatibility field: {\"alias\":\"x\"}");
    }

    @Test
    void a_verdict_without_messages_has_no_reasons_and_checks_against_all_versions_ask_verbosely() {
        answers.put("POST /compatibility/subjects/orders-value/versions?verbose=true", "200 {\"is_compatible\":true}");
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(url));

        assertThat(client.checkCompatibilityWithAll("orders-value", SchemaFormat.AVRO, "\"string\""))
                .isEqualTo(new CompatibilityVerdict(true, List.of()));
        assertThat(seen).singleElement().asString().contains("body={\"schema\":\"\\\"string\\\"\"}");
    }

    @Test
    void ids_found_by_lookup_or_register_are_cached_and_subjects_are_escaped() {
        answers.put("POST /subjects/orders%20value", "200 {\"subject\":\"orders value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\"}");
        answers.put("POST /subjects/orders%20value/versions", "200 {\"id\":7}");
        answers.put("DELETE /subjects/orders%20value", "200 [1,2]");
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(url));

        assertThat(client.lookup("orders value", SchemaFormat.AVRO, "\"string\""))
                .isEqualTo(new io.sitkit.schema.RegisteredSchema(7, "orders value", 2, SchemaFormat.AVRO, "\"string\""));
        assertThat(client.register("orders value", SchemaFormat.AVRO, "\"string\"")).isEqualTo(7);
        assertThat(client.schemaById(7).text()).isEqualTo("\"string\"");
        assertThat(client.requestCount()).isEqualTo(1);
        assertThat(client.deleteSubject("orders value")).containsExactly(1, 2);
    }

    @Test
    void settings_from_configuration_refuse_two_kinds_of_auth_and_a_missing_url() {
        assertThatThrownBy(() -> RegistrySettings.from(SitkitConfig.of(Map.of("sitkit.schema-registry.url", url,
                "sitkit.schema-registry.user", "ci", "sitkit.schema-registry.password", "pw-1", "sitkit.schema-registry.bearer-token", "tok"))))
                .hasMessage("set sitkit.schema-registry.user/password or sitkit.schema-registry.bearer-token, not both");
        assertThatThrownBy(() -> RegistrySettings.from(SitkitConfig.of(Map.of("sitkit.schema-registry.user", "ci"))))
                .hasMessage("sitkit.schema-registry.url is not set; set it in sitkit.properties/yaml, as -Dsitkit.schema-registry.url=…"
                        + " or as the environment variable SITKIT_SCHEMA_REGISTRY_URL");
        assertThatThrownBy(() -> RegistrySettings.from(SitkitConfig.of(Map.of("sitkit.schema-registry.url", url,
                "sitkit.schema-registry.user", "ci"))))
                .hasMessageStartingWith("sitkit.schema-registry.password is not set");
        assertThat(RegistrySettings.from(SitkitConfig.of(Map.of("sitkit.schema-registry.url", url,
                "sitkit.schema-registry.user", "ci", "sitkit.schema-registry.password", "pw-1",
                "sitkit.schema-registry.connect-timeout", "750ms"))).toString())
                .isEqualTo("RegistrySettings[url=" + url + ", user=ci, password=******, connectTimeout=PT0.75S, requestTimeout=PT10S]");
    }

    @Test
    void settings_refuse_credentials_in_the_url_and_half_given_auth() {
        String refused = "schema registry URL must not carry credentials; use sitkit.schema-registry.user and "
                + "sitkit.schema-registry.password, or sitkit.schema-registry.bearer-token";
        assertThatThrownBy(() -> RegistrySettings.of("http://ci:pw@registry:8081")).hasMessage(refused);
        assertThatThrownBy(() -> RegistrySettings.of("http://registry:8081/apis?access_token=tk-1")).hasMessage(refused);
        assertThat(RegistrySettings.of("http://registry:8081/apis?tokenType=jwt").url()).isEqualTo("http://registry:8081/apis?tokenType=jwt");
        assertThatThrownBy(() -> RegistrySettings.of("ftp://ci:pw-2@registry:8081"))
                .hasMessage("schema registry URL 'ftp://******@registry:8081' must be http://host:port/… or https://…");
        assertThatThrownBy(() -> RegistrySettings.of("registry:8081"))
                .hasMessage("schema registry URL 'registry:8081' must be http://host:port/… or https://…");
        assertThatThrownBy(() -> RegistrySettings.of("http://r:1").withRequestTimeout(Duration.ZERO))
                .hasMessage("schema registry request timeout must be positive, was PT0S");
    }
}
