package io.liquidityengine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small schema registry speaking the Confluent Schema Registry REST API for Avro schemas, with
 * BACKWARD compatibility checks, storing its state in the broker's {@code _schemas} topic. It serves
 * the subset of the API that serializers, consumers and operators use:
 * <pre>
 * GET  /subjects                                   GET  /schemas/ids/{id}   GET /schemas/ids/{id}/subjects
 * GET  /subjects/{s}/versions                      POST /subjects/{s}/versions   (register)
 * GET  /subjects/{s}/versions/{v|latest}[/schema]  POST /subjects/{s}            (look up)
 * POST /compatibility/subjects/{s}/versions/{v|latest}    GET /config    GET /
 * </pre>
 */
public final class LocalSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSchemaRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final Map<String, Object> clientConfig;
    private final int requestedPort;
    private final LocalSecurity security;
    private HttpServer http;
    private SchemaStore store;

    public LocalSchemaRegistry(String bootstrapServers, int port) {
        this(Map.of("bootstrap.servers", bootstrapServers), port, null);
    }

    /**
     * @param clientConfig Kafka client settings for its {@code _schemas} topic
     * @param security     non-null: HTTPS with the stack's certificate and HTTP basic authentication of
     *                     {@link LocalSecurity#REGISTRY_USER} (401 without or with wrong credentials)
     */
    public LocalSchemaRegistry(Map<String, Object> clientConfig, int port, LocalSecurity security) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.requestedPort = port;
        this.security = security;
    }

    public synchronized LocalSchemaRegistry start() {
        if (http != null) {
            return this;
        }
        store = new SchemaStore(clientConfig);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort);
        try {
            if (security == null) {
                http = HttpServer.create(address, 50);
            } else {
                HttpsServer https = HttpsServer.create(address, 50);
                https.setHttpsConfigurator(new HttpsConfigurator(security.tls().serverContext()));
                http = https;
            }
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("schema registry cannot listen on 127.0.0.1:" + requestedPort, e);
        }
        http.createContext("/", this::handle);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "schema-registry-http");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return this;
    }

    public String url() {
        return (security == null ? "http" : "https") + "://127.0.0.1:" + port();
    }

    public int port() {
        return http == null ? requestedPort : http.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.stop(0);
            ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
            http = null;
            store.close();
            store = null;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        if (security != null && !authenticated(ex.getRequestHeaders().getFirst("Authorization"))) {
            // as Confluent's registry answers: 401 with a JSON error and a basic-auth challenge
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"schema-registry\"");
            send(ex, 401, error(401, "Unauthorized"));
            return;
        }
        try {
            String method = ex.getRequestMethod();
            String[] p = path(ex);
            Object answer = route(method, p, ex);
            send(ex, 200, answer);
        } catch (SchemaStore.Rejected r) {
            send(ex, r.status, error(r.errorCode, r.getMessage()));
        } catch (SchemaParseException e) {
            send(ex, 422, error(42201, "Invalid schema: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("schema registry request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            send(ex, 500, error(50001, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** HTTP basic authentication of {@link LocalSecurity#REGISTRY_USER}, compared in constant time. */
    private boolean authenticated(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = java.util.Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (LocalSecurity.REGISTRY_USER + ":" + security.registryPassword()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    private Object route(String method, String[] p, HttpExchange ex) throws IOException {
        if (p.length == 0) {
            return JSON.createObjectNode();
        }
        switch (p[0]) {
            case "subjects":
                if (p.length == 1 && method.equals("GET")) {
                    ArrayNode out = JSON.createArrayNode();
                    store.subjects().forEach(out::add);
                    return out;
                }
                if (p.length == 2 && method.equals("POST")) {
                    Schema schema = schemaFrom(ex);
                    if (store.versions(p[1]).isEmpty()) {
                        throw new SchemaStore.Rejected(404, 40401, "Subject '" + p[1] + "' not found.");
                    }
                    return version(store.find(p[1], schema)
                            .orElseThrow(() -> new SchemaStore.Rejected(404, 40403, "Schema not found under subject '" + p[1] + "'")));
                }
                if (p.length == 3 && p[2].equals("versions") && method.equals("POST")) {
                    Schema schema = schemaFrom(ex);
                    SchemaStore.Version v = store.register(p[1], schema);
                    return JSON.createObjectNode().put("id", v.id());
                }
                if (p.length == 3 && p[2].equals("versions") && method.equals("GET")) {
                    ArrayNode out = JSON.createArrayNode();
                    subjectVersions(p[1]).forEach(v -> out.add(v.version()));
                    return out;
                }
                if (p.length >= 4 && p[2].equals("versions") && method.equals("GET")) {
                    SchemaStore.Version v = pick(p[1], p[3]);
                    return p.length == 5 && p[4].equals("schema") ? new RawJson(v.schema().toString()) : version(v);
                }
                break;
            case "schemas":
                if (p.length >= 3 && p[1].equals("ids") && method.equals("GET")) {
                    int id = parseInt(p[2], 40403);
                    Schema schema = store.byId(id).orElseThrow(() -> new SchemaStore.Rejected(404, 40403, "Schema " + id + " not found"));
                    if (p.length == 4 && p[3].equals("subjects")) {
                        ArrayNode out = JSON.createArrayNode();
                        store.subjectsOf(id).forEach(out::add);
                        return out;
                    }
                    return JSON.createObjectNode().put("schema", schema.toString());
                }
                break;
            case "compatibility":
                if (p.length == 5 && p[1].equals("subjects") && p[3].equals("versions") && method.equals("POST")) {
                    Schema schema = schemaFrom(ex);
                    List<SchemaStore.Version> versions = store.versions(p[2]);
                    if (versions.isEmpty()) {
                        return JSON.createObjectNode().put("is_compatible", true);
                    }
                    SchemaStore.Version against = pick(p[2], p[4]);
                    boolean ok = SchemaCompatibility.checkReaderWriterCompatibility(schema, against.schema()).getType()
                            == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
                    return JSON.createObjectNode().put("is_compatible", ok);
                }
                break;
            case "config":
                if (method.equals("GET")) {
                    return JSON.createObjectNode().put("compatibilityLevel", "BACKWARD");
                }
                break;
            default:
                break;
        }
        throw new SchemaStore.Rejected(404, 404, "Not found: " + method + " " + String.join("/", p));
    }

    private List<SchemaStore.Version> subjectVersions(String subject) {
        List<SchemaStore.Version> versions = store.versions(subject);
        if (versions.isEmpty()) {
            throw new SchemaStore.Rejected(404, 40401, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private SchemaStore.Version pick(String subject, String which) {
        List<SchemaStore.Version> versions = subjectVersions(subject);
        if (which.equals("latest") || which.equals("-1")) {
            return versions.get(versions.size() - 1);
        }
        int n = parseInt(which, 40402);
        Optional<SchemaStore.Version> v = versions.stream().filter(x -> x.version() == n).findFirst();
        return v.orElseThrow(() -> new SchemaStore.Rejected(404, 40402, "Version " + n + " not found."));
    }

    private static int parseInt(String s, int errorCode) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new SchemaStore.Rejected(404, errorCode, "'" + s + "' is not a number");
        }
    }

    private static ObjectNode version(SchemaStore.Version v) {
        return JSON.createObjectNode().put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                .put("schema", v.schema().toString());
    }

    private static Schema schemaFrom(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new SchemaStore.Rejected(422, 42201, "Only AVRO schemas are supported, got " + type);
        }
        if (body.path("references").size() > 0) {
            throw new SchemaStore.Rejected(422, 42201, "Schema references are not supported");
        }
        return new Schema.Parser().parse(body.path("schema").asText());
    }

    private static String[] path(HttpExchange ex) {
        String raw = ex.getRequestURI().getRawPath();
        return java.util.Arrays.stream(raw.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toArray(String[]::new);
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private record RawJson(String json) {
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = (body instanceof RawJson raw ? raw.json() : JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", CONTENT_TYPE);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
