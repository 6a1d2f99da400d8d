package io.liquidityengine.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.liquidityengine.schemas.marketdata.Tick;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST client against a scripted HTTP peer on loopback: what it sends, how it caches, how it
 * reports a rejection and how it waits out an unreachable registry. The client against the real
 * registry of the local stack is covered by the broker-backed tests in deploy/local.
 */
class RestSchemaRegistryTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private int start(int port, int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            respond(exchange, status, body);
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void shouldRegisterUnderSubjectOnceAndCacheTheId() throws IOException {
        int port = start(0, 200, "{\"id\":7}");
        RestSchemaRegistry client = new RestSchemaRegistry(RegistryConfig.from(Map.of(
                RegistryConfig.URL, "http://127.0.0.1:" + port,
                RegistryConfig.USER_INFO, "alice:s3cret")));

        assertThat(client.register("md.ticks-value", Tick.getClassSchema())).isEqualTo(7);
        assertThat(client.register("md.ticks-value", Tick.getClassSchema())).isEqualTo(7);
        assertThat(client.schemaById(7)).isEqualTo(Tick.getClassSchema());

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).startsWith("POST /subjects/md.ticks-value/versions {\"schema\":");
        assertThat(authorizations.get(0)).isEqualTo("Basic YWxpY2U6czNjcmV0");
        assertThat(client.config().toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldNameTheSubjectWhenTheSchemaIsRejected() throws IOException {
        int port = start(0, 409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}");
        RestSchemaRegistry client = new RestSchemaRegistry(RegistryConfig.of("http://127.0.0.1:" + port));

        assertThatThrownBy(() -> client.register("md.ticks-value", Tick.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry rejected subject 'md.ticks-value' (HTTP 409, error 409): "
                        + "Schema being registered is incompatible with an earlier schema")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(409));
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldFetchSchemaByIdAndRejectNonAvro() throws IOException {
        Schema schema = Tick.getClassSchema();
        String escaped = schema.toString().replace("\\", "\\\\").replace("\"", "\\\"");
        int port = start(0, 200, "{\"schema\":\"" + escaped + "\"}");
        RestSchemaRegistry client = new RestSchemaRegistry(RegistryConfig.of("http://127.0.0.1:" + port));
        assertThat(client.schemaById(3)).isEqualTo(schema);
        assertThat(requests.get(0)).isEqualTo("GET /schemas/ids/3 ");
    }

    @Test
    void shouldKeepRetryingWhileTheRegistryIsDownAndSucceedWhenItComesBack() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        RestSchemaRegistry client = new RestSchemaRegistry(RegistryConfig.from(Map.of(
                RegistryConfig.URL, "http://127.0.0.1:" + port, RegistryConfig.RETRY_BACKOFF_MS, "50",
                RegistryConfig.RETRY_MAX_MS, "30000")));
        CompletableFuture<Integer> id = CompletableFuture.supplyAsync(() -> client.register("s-value", Tick.getClassSchema()));
        // the registry is down: the call must still be pending after a few failed attempts
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (client.retries() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(client.retries()).isGreaterThanOrEqualTo(3);
        assertThat(id).isNotCompleted();
        start(port, 200, "{\"id\":11}");
        assertThat(id.get(20, TimeUnit.SECONDS)).isEqualTo(11);
    }

    @Test
    void shouldGiveUpWithTheSubjectAfterTheRetryWindow() {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        RestSchemaRegistry client = new RestSchemaRegistry(RegistryConfig.from(Map.of(
                RegistryConfig.URL, "http://127.0.0.1:" + port, RegistryConfig.RETRY_BACKOFF_MS, "20",
                RegistryConfig.RETRY_MAX_MS, "200")));
        assertThatThrownBy(() -> client.register("md.bars-value", Tick.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("unreachable").hasMessageContaining("subject 'md.bars-value'");
    }

    @Test
    void shouldRejectBadConfigurationNamingTheKey() {
        assertThatThrownBy(() -> RegistryConfig.from(Map.of())).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RegistryConfig.from(Map.of(RegistryConfig.URL, "http://x", RegistryConfig.RETRY_MAX_MS, "soon")))
                .hasMessageContaining("schema.registry.retry.max.ms");
        assertThatThrownBy(() -> RegistryConfig.from(Map.of(RegistryConfig.URL, "http://x", RegistryConfig.CREDENTIALS_SOURCE, "SASL_INHERIT")))
                .hasMessageContaining("basic.auth.credentials.source");
    }
}
