package io.liquidityengine.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.liquidityengine.schemas.control.StreamPosition;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.marketdata.OptionDelta;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The packaged service polls an option-delta object on a real S3 API (S3Proxy on loopback, in-memory
 * blob store, signatures checked) while the object grows: every row once on md.option-deltas with
 * its exact value, bad rows in dlq.ingest with reason and line, across a SIGKILL and a restart; a
 * version that changes published lines is dead-lettered and not republished. A second source reads
 * from an S3Proxy with another secret: ACCESS_DENIED in dlq.ingest and in the dead-letter counter.
 * The secret key is given the way AWS credentials are (environment) and never reaches the log.
 */
@ExtendWith(LocalStackExtension.class)
class S3OptionDeltaIT {

    private static final String SOURCE = "it-s3-delta";
    private static final String DENIED_SOURCE = "it-s3-denied";
    private static final String SYMBOL = "IT-S3-DELTA";
    private static final String BUCKET = "it-deltas";
    private static final String KEY = "deltas/2024-12-05/optiondelta.txt";
    private static final String URL = "s3://" + BUCKET + "/" + KEY;
    private static final String ACCESS_KEY = "it-access-key";
    private static final String SECRET = "it-secret-" + UUID.randomUUID();
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private static final String V1 = """
            time,delta
            09:30:02,1524340.10
            09:30:40,1524999.00
            09:31:01,1530000.5
            09:32:00,abc
            09:32:03,1529000
            """;
    /** Appended while the service runs: 09:32:30 is in a minute already published and must stay unpublished. */
    private static final String V2 = V1 + """
            09:32:30,1
            09:31:59,2
            9:33:00,1531000.25
            09:34:00,NaN
            """;
    /** Appended while the service is down. */
    private static final String V3 = V2 + """
            09:35:00,1532000,extra

            09:36:00,-250.75
            09:36:10,5
            09:37:00,42
            """;
    /** Line 2 rewritten: the published part changed. */
    private static final String V4 = V3.replace("09:30:02,1524340.10", "09:30:02,1524340.20") + "09:38:00,43\n";

    private static S3Proxy s3;
    private static S3Proxy otherS3;
    private static S3Client client;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void startS3() throws Exception {
        s3 = s3Proxy(SECRET);
        otherS3 = s3Proxy("another-" + SECRET.substring(3, 13));
        client = client(s3, SECRET);
        client.createBucket(b -> b.bucket(BUCKET));
        try (S3Client other = client(otherS3, "another-" + SECRET.substring(3, 13))) {
            other.createBucket(b -> b.bucket(BUCKET));
            other.putObject(b -> b.bucket(BUCKET).key(KEY), RequestBody.fromString(V1));
        }
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (client != null) {
            client.close();
        }
        for (S3Proxy proxy : new S3Proxy[] {s3, otherS3}) {
            if (proxy != null) {
                proxy.stop();
            }
        }
    }

    private static S3Proxy s3Proxy(String secret) throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, secret).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secret).build();
        proxy.start(); // Jetty's start returns once the connector listens
        return proxy;
    }

    private static URI endpoint(S3Proxy proxy) {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    private static S3Client client(S3Proxy proxy, String secret) {
        return S3Client.builder().endpointOverride(endpoint(proxy)).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // S3Proxy 2.9 reads neither aws-chunked bodies nor trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private static String put(String content) {
        return client.putObject(b -> b.bucket(BUCKET).key(KEY), RequestBody.fromString(content)).eTag();
    }

    private Process startService(LocalStack stack, Path log) throws IOException {
        List<String> properties = new ArrayList<>(List.of("ingest.publish-instruments=false"));
        properties.addAll(ServiceJar.instrument(SYMBOL, "12.50"));
        properties.addAll(sourceProperties(SOURCE, s3));
        properties.addAll(sourceProperties(DENIED_SOURCE, otherS3));
        Process process = ServiceJar.start(stack, properties, env -> {
            env.keySet().removeIf(name -> name.startsWith("AWS_"));
            // the default provider chain: environment first; no profile files of the machine
            env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
            env.put("AWS_SECRET_ACCESS_KEY", SECRET);
            env.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
            env.put("AWS_EC2_METADATA_DISABLED", "true");
        }, log);
        processes.add(process);
        return process;
    }

    private static List<String> sourceProperties(String id, S3Proxy proxy) {
        String p = "ingest.sources." + id + ".";
        return List.of(p + "type=option-delta-s3", p + "instrument=" + SYMBOL, p + "bucket=" + BUCKET,
                p + "key-template=deltas/{date}/optiondelta.txt", p + "date=2024-12-05",
                p + "endpoint=" + endpoint(proxy), p + "path-style=true", p + "region=us-east-1",
                p + "poll-interval=PT0.2S", p + "jitter=PT0.05S");
    }

    @Test
    void shouldPublishEachRowOnceWhileTheObjectGrowsAcrossAKillAndDeadLetterBadRowsChangesAndA403(LocalStack stack) throws Exception {
        Path log1 = dir.resolve("service-1.log");
        Path log2 = dir.resolve("service-2.log");
        String etag3;
        String metrics;
        try {
            Process first = startService(stack, log1);
            // the object is not there yet: logged once, polled again, not dead-lettered
            await(() -> read(log1).contains("Source " + SOURCE + ": " + URL + " does not exist yet (NoSuchKey)"), first, "the 404 log line");
            put(V1);
            Broker.awaitPublished(stack, SOURCE, 3, STEP_TIMEOUT, first);
            put(V2);
            Broker.awaitPublished(stack, SOURCE, 4, STEP_TIMEOUT, first);
            await(() -> Broker.deadLetters(stack, SOURCE).size() == 3 && Broker.deadLetters(stack, DENIED_SOURCE).size() == 1, first,
                    "the first run's dead letters");
            first.destroyForcibly(); // SIGKILL
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();

            etag3 = put(V3); // grows while the service is down
            Process second = startService(stack, log2);
            Broker.awaitPublished(stack, SOURCE, 6, STEP_TIMEOUT, second);
            await(() -> Broker.deadLetters(stack, DENIED_SOURCE).size() == 2, second, "the second run's ACCESS_DENIED");

            put(V4); // a published line changes
            await(() -> Broker.deadLetters(stack, SOURCE).size() == 5, second, "the dead letter of the changed version");
            metrics = metrics(log2);
            second.destroyForcibly();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n--- service log 1 (tail) ---\n" + ServiceJar.tail(log1, 40)
                    + "\n--- service log 2 (tail) ---\n" + ServiceJar.tail(log2, 40), e);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }

        List<ConsumerRecord<String, OptionDelta>> deltas = Broker.readAll(stack, Topics.MD_OPTION_DELTAS, SYMBOL);
        assertThat(deltas).extracting(r -> Instant.ofEpochMilli(r.timestamp()) + " " + r.value().getEventTime() + " "
                + r.value().getValue() + " " + r.value().getUnderlying() + " " + r.value().getSource()).containsExactly(
                "2024-12-05T14:30:00Z 2024-12-05T14:30:00Z 1524340.1 " + SYMBOL + " " + URL,
                "2024-12-05T14:31:00Z 2024-12-05T14:31:00Z 1530000.5 " + SYMBOL + " " + URL,
                "2024-12-05T14:32:00Z 2024-12-05T14:32:00Z 1529000.0 " + SYMBOL + " " + URL,
                "2024-12-05T14:33:00Z 2024-12-05T14:33:00Z 1531000.25 " + SYMBOL + " " + URL,
                "2024-12-05T14:36:00Z 2024-12-05T14:36:00Z -250.75 " + SYMBOL + " " + URL,
                "2024-12-05T14:37:00Z 2024-12-05T14:37:00Z 42.0 " + SYMBOL + " " + URL);

        List<DeadLetter> letters = Broker.deadLetters(stack, SOURCE);
        assertThat(letters).extracting(l -> l.getReason() + " " + l.getPositionKind() + " " + l.getPosition() + " "
                + StandardCharsets.UTF_8.decode(l.getPayload().duplicate())).containsExactly(
                "UNPARSABLE_ROW LINE 5 09:32:00,abc",
                "TIMESTAMP_BACKWARDS LINE 8 09:31:59,2",
                "INVALID_VALUE LINE 10 09:34:00,NaN",
                "UNPARSABLE_ROW LINE 11 09:35:00,1532000,extra",
                "OTHER LINE 2 09:30:02,1524340.20");
        assertThat(letters).allSatisfy(l -> assertThat(l.getOrigin()).isEqualTo(URL));
        assertThat(letters.get(4).getDetail()).startsWith("line 2 of " + URL + " (ETag ").contains(
                ") differs from the published line '09:30:02,1524340.10'; lines 1-15 were published from ETag " + etag3 + ".");

        List<DeadLetter> denied = Broker.deadLetters(stack, DENIED_SOURCE);
        assertThat(denied).hasSize(2).allSatisfy(l -> {
            assertThat(l.getReason()).isEqualTo(DeadLetterReason.ACCESS_DENIED);
            assertThat(l.getOrigin()).isEqualTo(URL);
            assertThat(l.getPositionKind()).isEqualTo(PositionKind.LINE);
            assertThat(l.getPosition()).isEqualTo(1);
            assertThat(l.getDetail()).startsWith("403 SignatureDoesNotMatch reading " + URL + ": ");
        });
        assertThat(metrics).contains("ingest_dead_letters_total{reason=\"ACCESS_DENIED\",source=\"" + DENIED_SOURCE + "\"} 1.0")
                .contains("ingest_dead_letters_total{reason=\"OTHER\",source=\"" + SOURCE + "\"} 1.0")
                .contains("ingest_dead_letters_total{reason=\"UNPARSABLE_ROW\",source=\"" + SOURCE + "\"} 1.0")
                .contains("ingest_records_published_total{source=\"" + SOURCE + "\"} 2.0");

        List<SourceCheckpoint> checkpoints = Broker.checkpoints(stack, SOURCE);
        SourceCheckpoint last = checkpoints.get(checkpoints.size() - 1);
        assertThat(last.getPublished()).isEqualTo(6);
        assertThat(last.getDeadLettered()).isEqualTo(5);
        assertThat(last.getStreams()).containsExactly(new StreamPosition(KEY, etag3, 16L, PositionKind.LINE,
                Instant.parse("2024-12-05T14:37:00Z"), 0L));

        String firstRun = read(log1);
        String secondRun = read(log2);
        assertThat(count(firstRun, URL + " does not exist yet")).as("a missing object is logged once").isEqualTo(1);
        assertThat(secondRun).contains("Source " + SOURCE + " (" + URL + "): resuming at LINE 11")
                .contains("Source " + SOURCE + ": the published part of " + URL + " changed: line 2");
        assertThat(firstRun + secondRun).doesNotContain(SECRET).doesNotContain(SECRET.substring("it-secret-".length()));
    }

    /** Waits until {@code condition} holds, checking every 20 ms, failing when the service exits or after a minute. */
    private static void await(Supplier<Boolean> condition, Process service, String what) {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!condition.get()) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited with " + service.exitValue() + " while waiting for " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + STEP_TIMEOUT);
            }
            LockSupport.parkNanos(20_000_000L);
        }
    }

    /** The service's Prometheus metrics, from the HTTP port it logged. */
    private static String metrics(Path log) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("Listening on: http://[^:\\s]+:(\\d+)").matcher(read(log));
        assertThat(m.find()).as("the service logs its HTTP port").isTrue();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/q/metrics")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
