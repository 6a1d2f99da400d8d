package io.liquidityengine.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for the Confluent Schema Registry REST API (also served by Redpanda, Karapace and
 * Apicurio's ccompat endpoint). Caches ids by (subject, schema) and schemas by id, so a running
 * producer or consumer talks to the registry once per schema. While the registry is unreachable
 * (connection refused, timeout, 5xx, 429) it retries with exponential backoff for
 * {@link RegistryConfig#retryFor()}, logging one line when it starts and one when it recovers.
 */
public final class RestSchemaRegistry implements SchemaRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistry.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, RestSchemaRegistry> SHARED = new ConcurrentHashMap<>();

    private final RegistryConfig config;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private volatile boolean unreachableLogged;
    private final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();

    public RestSchemaRegistry(RegistryConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.requestTimeout());
        config.tls().ifPresent(tls -> builder.sslContext(sslContext(tls)));
        this.http = builder.build();
        this.authorization = config.userInfo().map(
                ui -> "Basic " + Base64.getEncoder().encodeToString(ui.getBytes(StandardCharsets.UTF_8)));
    }

    /** One client (and one cache) per distinct registry configuration in this JVM. */
    public static RestSchemaRegistry shared(RegistryConfig config) {
        return SHARED.computeIfAbsent(config.cacheKey(), k -> new RestSchemaRegistry(config));
    }

    public RegistryConfig config() {
        return config;
    }

    /** Calls retried so far because the registry was unreachable (for metrics and tests). */
    public long retries() {
        return retries.get();
    }

    @Override
    public int register(String subject, Schema schema) {
        String key = subject + '\u0000' + schema.toString();
        Integer cached = idsBySubjectAndSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", body(schema), subject);
        int id = answer.path("id").asInt(-1);
        if (id < 0) {
            throw new SchemaRegistryException("registry answered without an id when registering subject '" + subject + "': " + answer, null);
        }
        idsBySubjectAndSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        String key = subject + '\u0000' + schema.toString();
        Integer cached = idsBySubjectAndSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", "/subjects/" + encode(subject), body(schema), subject);
        int id = answer.path("id").asInt(-1);
        idsBySubjectAndSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", "/schemas/ids/" + id, null, "schema id " + id);
        String type = answer.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new SchemaRegistryException("schema id " + id + " is of type " + type + ", expected AVRO", null);
        }
        Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
        schemasById.putIfAbsent(id, schema);
        return schemasById.get(id);
    }

    private String body(Schema schema) {
        ObjectNode node = JSON.createObjectNode();
        node.put("schema", schema.toString());
        return node.toString();
    }

    /** One REST call with retries while the registry is unreachable; 4xx answers fail at once. */
    private JsonNode call(String method, String path, String body, String what) {
        long deadline = System.nanoTime() + config.retryFor().toNanos();
        Duration backoff = config.initialBackoff();
        int urlIndex = 0;
        while (true) {
            URI uri = URI.create(config.urls().get(urlIndex) + path);
            String failure;
            Exception cause = null;
            try {
                HttpResponse<String> response = http.send(request(method, uri, body), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    recovered();
                    return JSON.readTree(response.body());
                }
                JsonNode error = parseError(response.body());
                int code = error.path("error_code").asInt(status);
                String message = error.path("message").asText(response.body());
                if (status < 500 && status != 408 && status != 429) {
                    throw new SchemaRegistryException("schema registry rejected " + describe(what) + " (HTTP " + status
                            + ", error " + code + "): " + message, status, code, null);
                }
                failure = "HTTP " + status + " " + message;
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the schema registry for " + describe(what), e);
            }
            if (System.nanoTime() > deadline) {
                throw new SchemaRegistryException("schema registry " + config.urls() + " unreachable for "
                        + config.retryFor().toSeconds() + " s while handling " + describe(what) + ": " + failure, cause);
            }
            if (!unreachableLogged) {
                unreachableLogged = true;
                LOG.warn("Schema registry {} unreachable ({}); retrying for up to {} ms", uri.resolve("/"), failure,
                        config.retryFor().toMillis());
            }
            retries.incrementAndGet();
            urlIndex = (urlIndex + 1) % config.urls().size();
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void recovered() {
        if (unreachableLogged) {
            unreachableLogged = false;
            LOG.info("Schema registry {} reachable again", config.urls());
        }
    }

    private static String describe(String what) {
        return what.startsWith("schema id") ? what : "subject '" + what + "'";
    }

    private HttpRequest request(String method, URI uri, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json");
        authorization.ifPresent(a -> b.header("Authorization", a));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return b.build();
    }

    private static JsonNode parseError(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while waiting for the schema registry", e);
        }
    }

    private static SSLContext sslContext(RegistryConfig.Tls tls) {
        try {
            TrustManagerFactory tmf = null;
            if (tls.truststore().isPresent()) {
                KeyStore ts = load(tls.truststore().get(), tls.truststorePassword(), tls.truststoreType());
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ts);
            }
            KeyManagerFactory kmf = null;
            if (tls.keystore().isPresent()) {
                KeyStore ks = load(tls.keystore().get(), tls.keystorePassword(), tls.keystoreType());
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, tls.keystorePassword().map(String::toCharArray).orElse(null));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS for the schema registry from " + tls + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String path, Optional<String> password, String type) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = new FileInputStream(path)) {
            ks.load(in, password.map(String::toCharArray).orElse(null));
        }
        return ks;
    }
}
