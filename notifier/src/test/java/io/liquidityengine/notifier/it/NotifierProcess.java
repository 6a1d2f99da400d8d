package io.liquidityengine.notifier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.local.LocalStack;
import io.liquidityengine.notifier.discord.FakeDiscord;
import io.liquidityengine.schemas.catalog.Topic;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The packaged notifier as a process for the ITs, and records produced as the services would. */
final class NotifierProcess {

    private NotifierProcess() {
    }

    /** A free port on loopback for the service's HTTP server (/q/metrics, /q/health). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Process start(LocalStack stack, FakeDiscord discord, Path log, String group, Path state, String events, int httpPort,
                         String... properties) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).as("the packaged service").exists();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dkafka.bootstrap.servers=" + stack.bootstrapServers(),
                "-Dschema.registry.url=" + stack.registryUrl(),
                "-Dnotifier.group-id=" + group,
                "-Dquarkus.http.port=" + httpPort,
                // a restarted service rejoins its groups once the killed consumers' sessions expired: 6 s (the broker's minimum), not 45 s
                "-Dmp.messaging.connector.smallrye-kafka.session.timeout.ms=6000",
                "-Dmp.messaging.connector.smallrye-kafka.heartbeat.interval.ms=1000",
                "-Dnotifier.webhooks.it.url=" + discord.webhookUrl(),
                "-Dnotifier.webhooks.it.events=" + events));
        if (state != null) {
            command.add("-Dnotifier.state-file=" + state.toAbsolutePath());
        }
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", jar.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static <V extends SpecificRecord> void produce(LocalStack stack, Topic<String, V> topic, String key, V value) throws Exception {
        Map<String, Object> config = stack.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] bytes = topic.valueSerde(stack.registryConfig()).serializer().serialize(topic.name(), value);
            producer.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8), bytes)).get();
        }
    }

    /** GET http://127.0.0.1:{port}{path}: the status and body. */
    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
