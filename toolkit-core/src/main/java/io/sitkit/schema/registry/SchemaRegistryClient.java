package io.sitkit.schema.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.core.Protection;
import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.SchemaLookup;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of the Confluent schema-registry REST API: schemas by id, subjects and versions,
 * register and look up, compatibility configuration and checks. Schemas by id and the ids of
 * registered schemas are cached (a registry never changes what an id means).
 *
 * <pre>{@code
 * SchemaRegistryClient registry = new SchemaRegistryClient(RegistrySettings.of("http://127.0.0.1:8081"));
 * int id = registry.register("orders-value", SchemaFormat.AVRO, schema.toString());
 * registry.setCompatibility("orders-value", "BACKWARD");
 * CompatibilityVerdict v = registry.checkCompatibility("orders-value", SchemaFormat.AVRO, v2.toString());
 * RegistryAvro avro = RegistryAvro.using(registry);     // it is a SchemaLookup
 * }</pre>
 *
 * <p>Registries differ and the client takes what each says: the compatibility level arrives as
 * {@code compatibilityLevel} or {@code compatibility}; a missing {@code schemaType} means Avro;
 * defaults differ (Apicurio NONE, Confluent BACKWARD), so read or set the level rather than assume
 * it; reasons of a failed check come only from registries that give them.
 *
 * <p>Writes — {@link #register}, {@link #setCompatibility(String)}, {@link #setCompatibility(String, String)},
 * {@link #deleteSubject} — pass the client's {@link Protection}: the registry of a protected
 * environment ({@code env.schemaRegistry()}, with {@code sitkit.protection.*}) refuses them while
 * locked, with the message of every refused write, and audits them once unlocked. A client built
 * alone ({@code new SchemaRegistryClient(settings)}) is tied to no environment and is unguarded.
 * Reads, compatibility checks and {@link #lookup} are never refused, nor is {@link #register} of a
 * schema the subject already has (found by a lookup first while locked, so nothing is written).
 *
 * <p>Every request is bounded by the settings' timeouts; errors are {@link SchemaRegistryException}s
 * naming the operation and the URL, never the credentials. Thread-safety: safe for concurrent use.
 */
public final class SchemaRegistryClient implements SchemaLookup {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RegistrySettings settings;
    private final Protection protection;
    private final HttpClient http;
    private final String authorization;
    private final Map<Integer, RegisteredSchema> byId = new ConcurrentHashMap<>();
    private final Map<String, Integer> idOf = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    /** A client of the registry {@code settings} describe, unguarded (no environment's protection); sends nothing until the first call. */
    public SchemaRegistryClient(RegistrySettings settings) {
        this(settings, Protection.none());
    }

    /**
     * A client of the registry {@code settings} describe whose writes pass {@code protection} —
     * refused while it is locked, audited — as an environment's {@code schemaRegistry()} is; sends
     * nothing until the first call.
     */
    public SchemaRegistryClient(RegistrySettings settings, Protection protection) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
        this.protection = java.util.Objects.requireNonNull(protection, "protection");
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        settings.ssl().ifPresent(b::sslContext);
        this.http = b.build();
        if (settings.bearerToken().isPresent()) {
            authorization = "Bearer " + settings.bearerToken().get();
        } else if (settings.user().isPresent()) {
            authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (settings.user().get() + ":" + settings.password().orElseThrow()).getBytes(StandardCharsets.UTF_8));
        } else {
            authorization = null;
        }
    }

    /** The settings (credentials masked in their {@code toString}). */
    public RegistrySettings settings() {
        return settings;
    }

    /** The guard of this client's writes; {@link Protection#none()} for a client built alone. */
    public Protection protection() {
        return protection;
    }

    /** How many HTTP requests this client has sent (cache hits send none). */
    public long requestCount() {
        return requests.get();
    }

    /** The schema with global id {@code id}, from the cache after the first time. */
    @Override
    public RegisteredSchema schemaById(int id) {
        RegisteredSchema cached = byId.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode n = send("GET", "/schemas/ids/" + id, null, "look up schema id " + id);
        RegisteredSchema s = new RegisteredSchema(id, "", 0, format(n), n.path("schema").asText());
        byId.putIfAbsent(id, s);
        return s;
    }

    /** Every subject. */
    public List<String> subjects() {
        List<String> out = new ArrayList<>();
        send("GET", "/subjects", null, "list subjects").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The versions registered under {@code subject}, oldest first. */
    public List<Integer> versions(String subject) {
        List<Integer> out = new ArrayList<>();
        send("GET", "/subjects/" + enc(subject) + "/versions", null, "list versions of " + subject).forEach(n -> out.add(n.asInt()));
        return out;
    }

    /** One version of a subject. */
    public RegisteredSchema version(String subject, int version) {
        return version(subject, Integer.toString(version));
    }

    /** The latest version of a subject. */
    public RegisteredSchema latest(String subject) {
        return version(subject, "latest");
    }

    private RegisteredSchema version(String subject, String version) {
        JsonNode n = send("GET", "/subjects/" + enc(subject) + "/versions/" + version, null,
                "read version " + version + " of " + subject);
        RegisteredSchema s = new RegisteredSchema(n.path("id").asInt(), n.path("subject").asText(subject),
                n.path("version").asInt(), format(n), n.path("schema").asText());
        byId.putIfAbsent(s.id(), new RegisteredSchema(s.id(), "", 0, s.format(), s.text()));
        return s;
    }

    /** Registers {@code schema} under {@code subject} (or finds it registered) and returns its id. */
    public int register(String subject, SchemaFormat format, String schema) {
        String cacheKey = subject + "\u0000" + format + "\u0000" + schema;
        Integer known = idOf.get(cacheKey);
        if (known != null) {
            return known;
        }
        String operation = "register a schema under " + subject;
        if (protection.isLocked()) {
            Integer there = registered(subject, format, schema);
            if (there != null) {
                return there;   // nothing to write
            }
        }
        guard(operation);
        protection.wroteSchemaRegistry("register schema", settings.url(), subject, null, schema);
        JsonNode n = send("POST", "/subjects/" + enc(subject) + "/versions", body(format, schema), operation);
        int id = n.path("id").asInt();
        idOf.put(cacheKey, id);
        byId.putIfAbsent(id, new RegisteredSchema(id, "", 0, format, schema));
        return id;
    }

    /** The id of {@code schema} in {@code subject}, or null when the subject or the schema is not there. */
    private Integer registered(String subject, SchemaFormat format, String schema) {
        try {
            return lookup(subject, format, schema).id();
        } catch (SchemaRegistryException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private void guard(String operation) {
        protection.checkWrite(operation + " in the schema registry at " + settings.url());
    }

    /** The id and version under which {@code schema} is registered in {@code subject}. */
    public RegisteredSchema lookup(String subject, SchemaFormat format, String schema) {
        JsonNode n = send("POST", "/subjects/" + enc(subject), body(format, schema), "look up a schema in " + subject);
        RegisteredSchema s = new RegisteredSchema(n.path("id").asInt(), n.path("subject").asText(subject), n.path("version").asInt(),
                n.has("schemaType") ? format(n) : format, n.path("schema").asText(schema));
        idOf.putIfAbsent(subject + "\u0000" + format + "\u0000" + schema, s.id());
        byId.putIfAbsent(s.id(), new RegisteredSchema(s.id(), "", 0, s.format(), s.text()));
        return s;
    }

    /** The global compatibility level, as the registry names it (NONE, BACKWARD, FULL_TRANSITIVE…). */
    public String compatibility() {
        String operation = "read the global compatibility level";
        return level(send("GET", "/config", null, operation), operation);
    }

    /**
     * The level the registry reports for {@code subject}. Registries differ for a subject without a
     * level of its own (Apicurio 3.0.9 reports NONE even though its global level applies); set the
     * level per subject where it matters.
     */
    public String compatibility(String subject) {
        String operation = "read the compatibility level of " + subject;
        return level(send("GET", "/config/" + enc(subject), null, operation), operation);
    }

    /**
     * Sets the global compatibility level; returns the level the registry confirms. Apicurio keeps
     * global NONE as "no rule" and answers 404 to setting NONE again; the client then reads the
     * level back and accepts the answer when it already is the one asked for.
     */
    public String setCompatibility(String level) {
        return putLevel("/config", "", level, "set the global compatibility level to " + level);
    }

    /** Sets the compatibility level of {@code subject}; returns the level the registry confirms. */
    public String setCompatibility(String subject, String level) {
        return putLevel("/config/" + enc(subject), subject, level, "set the compatibility level of " + subject + " to " + level);
    }

    private String putLevel(String path, String subject, String level, String operation) {
        String wanted = level.strip().toUpperCase(Locale.ROOT);
        guard(operation);
        protection.wroteSchemaRegistry("set compatibility", settings.url(), subject, wanted, null);
        try {
            return level(send("PUT", path, MAPPER.createObjectNode().put("compatibility", wanted), operation), operation);
        } catch (SchemaRegistryException e) {
            if (e.status() != 404 || e.errorCode() == 40401) {
                throw e;
            }
            String read = "read the level back after a 404 to " + operation;
            try {
                if (level(send("GET", path, null, read), read).equals(wanted)) {
                    return wanted;
                }
            } catch (SchemaRegistryException readBack) {
                e.addSuppressed(readBack);
            }
            throw e;
        }
    }

    /** Whether {@code schema} may follow the latest version of {@code subject} under its level. */
    public CompatibilityVerdict checkCompatibility(String subject, SchemaFormat format, String schema) {
        return verdict(send("POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest?verbose=true",
                body(format, schema), "check compatibility with the latest version of " + subject));
    }

    /** Whether {@code schema} may follow every version of {@code subject} (transitive levels). */
    public CompatibilityVerdict checkCompatibilityWithAll(String subject, SchemaFormat format, String schema) {
        return verdict(send("POST", "/compatibility/subjects/" + enc(subject) + "/versions?verbose=true",
                body(format, schema), "check compatibility with every version of " + subject));
    }

    /** Deletes a subject (soft delete where the registry has one); returns the versions deleted. */
    public List<Integer> deleteSubject(String subject) {
        String operation = "delete subject " + subject;
        guard(operation);
        protection.wroteSchemaRegistry("delete subject", settings.url(), subject, null, null);
        List<Integer> out = new ArrayList<>();
        send("DELETE", "/subjects/" + enc(subject), null, operation).forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static CompatibilityVerdict verdict(JsonNode n) {
        List<String> reasons = new ArrayList<>();
        n.path("messages").forEach(m -> reasons.add(m.asText()));
        return new CompatibilityVerdict(n.path("is_compatible").asBoolean(false), reasons);
    }

    /** Registries answer {@code compatibilityLevel} or {@code compatibility}. */
    private String level(JsonNode n, String operation) {
        JsonNode v = n.has("compatibilityLevel") ? n.get("compatibilityLevel") : n.get("compatibility");
        if (v == null || !v.isTextual()) {
            throw new SchemaRegistryException("schema registry at " + settings.url() + " answered the request to " + operation
                    + " without a compatibilityLevel or compatibility field: " + preview(n), 200, 0, null);
        }
        return v.asText().toUpperCase(Locale.ROOT);
    }

    private static String preview(JsonNode n) {
        return io.sitkit.core.Payloads.preview(n.toString().getBytes(StandardCharsets.UTF_8), 200);
    }

    private static ObjectNode body(SchemaFormat format, String schema) {
        ObjectNode b = MAPPER.createObjectNode().put("schema", schema);
        if (format != SchemaFormat.AVRO) {
            b.put("schemaType", "JSON");
        }
        return b;
    }

    /** A missing {@code schemaType} means Avro (some registries omit it for Avro). */
    private static SchemaFormat format(JsonNode n) {
        String type = n.path("schemaType").asText("AVRO");
        if (type.equalsIgnoreCase("PROTOBUF")) {
            throw new SchemaRegistryException("schema " + n.path("id").asText("?") + " is Protobuf, which sitkit does not read", 200, 0, null);
        }
        return SchemaFormat.parse(type);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, JsonNode body, String operation) {
        String url = settings.url() + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(url)).timeout(settings.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)));
            if (body != null) {
                b.header("Content-Type", CONTENT_TYPE);
            }
            requests.incrementAndGet();
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = parse(r.body());
            if (r.statusCode() / 100 != 2) {
                String message = answer.path("message").asText("");
                int code = answer.path("error_code").asInt(0);
                throw new SchemaRegistryException("schema registry at " + settings.url() + " refused to " + operation + ": HTTP "
                        + r.statusCode() + (code != 0 ? ", error " + code : "") + (message.isEmpty() ? "" : ": " + message)
                        + hint(r.statusCode()), r.statusCode(), code, null);
            }
            return answer;
        } catch (HttpConnectTimeoutException e) {
            throw unreachable(operation, "no connection within " + settings.connectTimeout(), e);
        } catch (HttpTimeoutException e) {
            throw unreachable(operation, "no answer within " + settings.requestTimeout(), e);
        } catch (ConnectException e) {
            throw unreachable(operation, "connection refused", e);
        } catch (IOException e) {
            throw unreachable(operation, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(operation, "interrupted", e);
        }
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> " (check " + io.sitkit.config.ConfigKeys.SCHEMA_REGISTRY_USER + "/password or the bearer token)";
            case 403 -> " (the credentials lack permission for this)";
            default -> "";
        };
    }

    private SchemaRegistryException unreachable(String operation, String why, Exception cause) {
        return new SchemaRegistryException("schema registry at " + settings.url() + " unreachable while trying to "
                + operation + ": " + why + " (is " + io.sitkit.config.ConfigKeys.SCHEMA_REGISTRY_URL + " right and the registry up?)",
                0, 0, cause);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.createObjectNode().put("message", io.sitkit.core.Payloads.preview(body, 200));
        }
    }

    @Override
    public String toString() {
        return "SchemaRegistryClient[" + settings + "]";
    }
}
