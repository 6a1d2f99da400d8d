package io.liquidityengine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.registry.RegistryConfig;
import io.liquidityengine.schemas.registry.RestSchemaRegistry;
import io.liquidityengine.schemas.registry.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured local stack on its own: SCRAM users, ACLs enforced, the registry behind HTTPS and basic auth. */
class SecuredStackIT {

    private static LocalStack stack;
    private static String alicePassword;

    @BeforeAll
    static void start() {
        stack = LocalStack.secured().start();
        alicePassword = stack.access().createUser("alice");
        stack.access().grant(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, Topics.MD_TICKS.name(), PatternType.LITERAL),
                new AccessControlEntry("User:alice", "*", AclOperation.WRITE, AclPermissionType.ALLOW))));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldLetAUserWriteOnlyTheTopicsItsAclsAllow() throws Exception {
        try (KafkaProducer<String, String> producer = producer("alice", alicePassword)) {
            assertThat(producer.send(new ProducerRecord<>(Topics.MD_TICKS.name(), "ES", "x")).get().offset()).isZero();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.SIG_BARS.name(), "ES", "x")).get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class)
                    .hasMessage("Not authorized to access topics: [sig.bars]");
        }
    }

    @Test
    void shouldRefuseAWrongPassword() {
        try (Admin admin = Admin.create(stack.access().clientConfig("alice", "not-" + alicePassword))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get())
                    .cause().isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512");
        }
    }

    @Test
    void shouldServeTheRegistryOverHttpsToAuthenticatedClientsOnly() throws Exception {
        LocalSecurity security = stack.security().orElseThrow();
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(security.tls())).build();
        URI subjects = URI.create(stack.registryUrl() + "/config");
        assertThat(stack.registryUrl()).startsWith("https://127.0.0.1:");
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(subjects).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"error_code\":401,\"message\":\"Unauthorized\"}");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"schema-registry\"");
        String wrong = Base64.getEncoder().encodeToString(("registry:x" + security.registryPassword()).getBytes(StandardCharsets.UTF_8));
        assertThat(client.send(HttpRequest.newBuilder(subjects).header("Authorization", "Basic " + wrong).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        String right = Base64.getEncoder().encodeToString(("registry:" + security.registryPassword()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> ok = client.send(HttpRequest.newBuilder(subjects).header("Authorization", "Basic " + right).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        // a client that does not trust the local CA does not get as far as the password
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(subjects).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void shouldLetTheRegistryClientInWithBasicAuthAndTheTrustStoreOnly() {
        Map<String, Object> withoutPassword = new HashMap<>(stack.registryConfig());
        withoutPassword.remove(RegistryConfig.USER_INFO);
        Schema schema = Tick.getClassSchema();
        assertThatThrownBy(() -> new RestSchemaRegistry(RegistryConfig.from(withoutPassword)).register("secured-it-value", schema))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry rejected subject 'secured-it-value' (HTTP 401, error 401): Unauthorized");
        RestSchemaRegistry client = new RestSchemaRegistry(RegistryConfig.from(stack.registryConfig()));
        int id = client.register("secured-it-value", schema);
        assertThat(client.schemaById(id)).isEqualTo(schema);
    }

    @Test
    void shouldProvisionTheKafkaUsersOfTheK8sManifestsWithClientFilesTheirOwnersAlone(@TempDir Path dir) throws Exception {
        Map<String, Path> files = stack.access().provision(KafkaUserAcls.read(Path.of("../k8s/base/kafka/users.yaml")), dir);
        assertThat(files.keySet()).containsExactly("ingest-connectors", "topology", "execution-sink", "notifier", "admin");
        for (Path file : files.values()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        Properties ingest = new Properties();
        try (var in = Files.newBufferedReader(files.get("ingest-connectors"))) {
            ingest.load(in);
        }
        assertThat(ingest.getProperty("kafka.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(ingest.getProperty("schema.registry.url")).isEqualTo(stack.registryUrl());
        assertThat(ingest.getProperty("basic.auth.user.info")).isEqualTo("registry:" + stack.security().orElseThrow().registryPassword());
        // the file's kafka.* settings are a working client of user ingest-connectors, under its declared ACLs
        Map<String, Object> config = new HashMap<>();
        ingest.stringPropertyNames().stream().filter(k -> k.startsWith("kafka.")).forEach(k -> config.put(k.substring(6), ingest.getProperty(k)));
        config.put("max.block.ms", "10000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.MD_BARS_IMPORTED.name(), "ES", "x")).get();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.EXEC_ORDERS.name(), "paper", "x")).get())
                    .cause().isInstanceOf(TopicAuthorizationException.class).hasMessage("Not authorized to access topics: [exec.orders]");
        }
    }

    private static KafkaProducer<String, String> producer(String user, String password) {
        Map<String, Object> config = new HashMap<>(stack.access().clientConfig(user, password));
        config.put("enable.idempotence", "false");
        config.put("max.block.ms", "10000");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static SSLContext trusting(LocalTls tls) throws Exception {
        KeyStore ts = KeyStore.getInstance(LocalTls.STORE_TYPE);
        try (var in = Files.newInputStream(tls.truststore())) {
            ts.load(in, tls.password().toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
