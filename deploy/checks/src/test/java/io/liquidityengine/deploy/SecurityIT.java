package io.liquidityengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.deploy.SecuredService.Secrets;
import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.ingest.sample.SampleDayGenerator;
import io.liquidityengine.local.KafkaUserAcls;
import io.liquidityengine.local.LocalSecurity;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalTls;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.BracketLeg;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.OrderType;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.registry.RegistryConfig;
import io.liquidityengine.schemas.registry.RestSchemaRegistry;
import io.liquidityengine.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, part 5: the four packaged services on the secured local stack (SASL_SSL with SCRAM-SHA-512 and TLS,
 * ACLs enforced by KRaft's StandardAuthorizer, the registry over HTTPS with basic auth), each with its own user and
 * exactly the ACLs its {@code KafkaUser} in deploy/k8s/base/kafka/users.yaml declares. A short file goes
 * ingest -> md.ticks -> topology (sig.bars) and -> execution sink (an order placed by the operator fills against the
 * ticks) -> notifier. An ingest whose user lacks the md.option-deltas ACLs gets Kafka's authorization error for that
 * topic and nothing else of its output is lost. No password appears in any service's log. The registry refuses the
 * project's registry client without basic auth (401) and serves it with.
 */
class SecurityIT {

    /** The first records of the synthetic sample day's .scid file (09:30 onwards). */
    private static final int TICKS = 3_000;
    /** The first option-delta rows (09:30:05 to 09:33:00), inside the ticks' time range. */
    private static final int DELTA_ROWS = 4;
    private static final String ACCOUNT = "SEC-ACC";
    private static final String NARROWED_INGEST = "ingest-without-option-deltas";

    private static final Path REPO = Tools.repo();
    private static LocalStack stack;
    private static Map<String, List<AclBinding>> declared;
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();
    private static final List<SecuredService> STARTED = new ArrayList<>();

    @BeforeAll
    static void secureStack() {
        stack = LocalStack.secured().start();
        declared = KafkaUserAcls.read(REPO.resolve("deploy/k8s/base/kafka/users.yaml"));
        List<AclBinding> acls = new ArrayList<>();
        declared.forEach((user, bindings) -> {
            PASSWORDS.put(user, LocalTls.secret());
            acls.addAll(bindings);
        });
        // the ingest's declared ACLs without those of md.option-deltas: a deployment that forgot one topic
        PASSWORDS.put(NARROWED_INGEST, LocalTls.secret());
        declared.get("ingest-connectors").stream()
                .filter(b -> !(b.pattern().resourceType() == ResourceType.TOPIC && b.pattern().name().equals(Topics.MD_OPTION_DELTAS.name())))
                .map(b -> new AclBinding(b.pattern(), new AccessControlEntry("User:" + NARROWED_INGEST, b.entry().host(), b.entry().operation(),
                        b.entry().permissionType())))
                .forEach(acls::add);
        stack.access().createUsers(PASSWORDS);
        stack.access().grant(acls);
    }

    @AfterAll
    static void stopStack() {
        STARTED.forEach(SecuredService::kill);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldRunEveryServiceWithItsOwnUserUnderTheDeclaredAclsAndKeepSecretsOutOfTheLogs() throws Exception {
        assertThat(declared.keySet()).containsExactly("ingest-connectors", "topology", "execution-sink", "notifier");
        Path work = Files.createDirectories(REPO.resolve("deploy/checks/target/security-it"));
        Path ticks = shortScid(new SampleDayGenerator(42, LocalDate.parse("2024-12-05")).writeTo(Files.createDirectories(work.resolve("day"))), work);
        Path deltas = work.resolve("optiondelta-2024-12-05.txt");

        List<SecuredService> services = STARTED;
        SecuredService topology = SecuredService.start(REPO, "topology", stack, "topology", PASSWORDS.get("topology"), Secrets.ENVIRONMENT,
                Map.of("kafka-streams.state.dir", work.resolve("streams-state").toString()), work);
        SecuredService sink = SecuredService.start(REPO, "execution-sink", stack, "execution-sink", PASSWORDS.get("execution-sink"),
                Secrets.FILE, Map.of("execution.paper.slippage-ticks", "0", "execution.paper.commission-per-contract", "0"), work);
        SecuredService notifier = SecuredService.start(REPO, "notifier", stack, "notifier", PASSWORDS.get("notifier"), Secrets.FILE,
                Map.of("notifier.charts-dir", work.resolve("charts").toString(), "notifier.group-id", "notifier-security-it"), work);
        services.addAll(List.of(topology, sink, notifier));

        // 1. the narrowed ingest: md.ticks is written, md.option-deltas refused with Kafka's authorization error
        SecuredService refused = ingest(NARROWED_INGEST, ticks, deltas, work);
        services.add(refused);
        assertThat(refused.awaitExit()).as("exit code of %s", refused.log()).isEqualTo(1);
        assertThat(refused.logText())
                .contains("Source es-deltas (" + deltas + ") stopped: Not authorized to access topics: [md.option-deltas]")
                .contains("All sources done (1 failed); exiting");
        assertThat(stack.readCommitted(Topics.MD_TICKS)).hasSize(TICKS);
        assertThat(stack.readCommitted(Topics.MD_OPTION_DELTAS)).isEmpty();

        // 2. the ingest with its declared ACLs: the ticks' source resumes after its checkpoint, the deltas go through
        SecuredService ingest = ingest("ingest-connectors", ticks, deltas, work);
        services.add(ingest);
        assertThat(ingest.awaitExit()).as("exit code of %s", ingest.log()).isZero();
        List<ConsumerRecord<String, Tick>> published = stack.readCommitted(Topics.MD_TICKS);
        assertThat(published).hasSize(TICKS);
        assertThat(published.stream().map(r -> r.value().getSourceSequence()).distinct().count()).isEqualTo(TICKS);
        assertThat(stack.readCommitted(Topics.MD_OPTION_DELTAS)).hasSize(DELTA_ROWS);

        // 3. the operator's order (written as admin), then trades after it: the sink fills it, the notifier posts the fill
        Instant last = published.get(TICKS - 1).value().getEventTime();
        Instant orderTime = last.plusSeconds(1);
        Instant fillTime = orderTime.plusSeconds(1);
        Instant closer = fillTime.plusSeconds(10);
        send(Topics.EXEC_ORDERS, ACCOUNT, Order.newBuilder().setClientOrderId("SEC-1").setBracketId("SEC-1").setAccount(ACCOUNT)
                .setInstrument("ES").setAction(OrderAction.PLACE).setSide(Side.BUY).setEntryType(OrderType.MARKET).setQuantity(1)
                .setLegs(List.of(BracketLeg.newBuilder().setLegId("SEC-1-1").setQuantity(1).setTargetPrice(7000.0).setStopPrice(5000.0).build()))
                .setEventTime(orderTime).setReason("security-it").build(), orderTime);
        await(Topics.EXEC_REPORTS, r -> r.getReportId().equals("SEC-1/entry/accepted"), services);
        send(Topics.MD_TICKS, "ES", tick(fillTime, 6012.25), fillTime);
        send(Topics.MD_TICKS, "ES", tick(closer, 6013.00), closer);
        await(Topics.EXEC_POSITIONS, p -> p.getPositionId().equals("SEC-1"), services);
        await(Topics.SIG_BARS, b -> b.getIntervalSeconds() == 5 && b.getStartTime().equals(Instant.ofEpochSecond(fillTime.getEpochSecond() / 5 * 5)),
                services);
        awaitLog(notifier, "ES fill +1 @ 6012.25", services);

        // the topology's 5 s bars hold every tick before the closing one, window by window
        Map<Instant, double[]> expected = new TreeMap<>();
        for (ConsumerRecord<String, Tick> r : stack.readCommitted(Topics.MD_TICKS)) {
            if (r.value().getEventTime().isBefore(closer)) {
                double[] v = expected.computeIfAbsent(Instant.ofEpochSecond(r.value().getEventTime().getEpochSecond() / 5 * 5), k -> new double[2]);
                v[0] += 1;
                v[1] += r.value().getSize();
            }
        }
        Map<Instant, double[]> bars = new TreeMap<>();
        stack.readCommitted(Topics.SIG_BARS).stream().map(ConsumerRecord::value).filter(b -> b.getIntervalSeconds() == 5)
                .forEach(b -> bars.put(b.getStartTime(), new double[] {b.getTrades(), b.getVolume()}));
        assertThat(bars.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((start, v) -> assertThat(bars.get(start)).as("bar at %s", start).containsExactly(v));

        List<ExecutionReport> reports = values(Topics.EXEC_REPORTS);
        assertThat(reports).extracting(ExecutionReport::getReportId).containsExactly("SEC-1/entry/accepted", "SEC-1/entry/filled");
        assertThat(reports.get(1).getFillPrice()).isEqualTo(6012.25);
        List<Position> positions = values(Topics.EXEC_POSITIONS);
        assertThat(positions).extracting(Position::getStatus).containsExactly(PositionStatus.OPEN);
        assertThat(positions.get(0).getQuantity()).isEqualTo(1.0);
        assertThat(positions.get(0).getAverageEntryPrice()).isEqualTo(6012.25);

        for (SecuredService s : List.of(topology, sink, notifier)) {
            s.assertAlive();
            s.process().destroy();
        }
        for (SecuredService s : List.of(topology, sink, notifier)) {
            assertThat(s.stop()).as("exit code of %s after SIGTERM (128 + 15)", s.log()).isEqualTo(143);
        }
        assertNoSecretInLogs(services);
    }

    @Test
    void shouldRefuseARegistryClientWithoutCredentialsAndServeOneWithThem() {
        Map<String, Object> anonymous = new LinkedHashMap<>(stack.registryConfig());
        anonymous.remove(RegistryConfig.USER_INFO);
        anonymous.remove(RegistryConfig.CREDENTIALS_SOURCE);
        Schema schema = Tick.getClassSchema();
        assertThatThrownBy(() -> new RestSchemaRegistry(RegistryConfig.from(anonymous)).register("security-it-value", schema))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry rejected subject 'security-it-value' (HTTP 401, error 401): Unauthorized");
        RestSchemaRegistry authenticated = new RestSchemaRegistry(RegistryConfig.from(stack.registryConfig()));
        assertThat(authenticated.schemaById(authenticated.register("security-it-value", schema))).isEqualTo(schema);
    }

    private static SecuredService ingest(String user, Path ticks, Path deltas, Path work) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ingest.exit-when-done", "true");
        p.put("ingest.sources.es-ticks.type", "scid");
        p.put("ingest.sources.es-ticks.path", ticks.toString());
        p.put("ingest.sources.es-ticks.instrument", "ES");
        p.put("ingest.sources.es-deltas.type", "option-delta");
        p.put("ingest.sources.es-deltas.path", deltas.toString());
        p.put("ingest.sources.es-deltas.instrument", "ES");
        return SecuredService.start(REPO, "ingest-connectors", stack, user, PASSWORDS.get(user), Secrets.ENVIRONMENT, p, work);
    }

    private static void assertNoSecretInLogs(List<SecuredService> services) throws IOException {
        LocalSecurity security = stack.security().orElseThrow();
        Map<String, String> secrets = new LinkedHashMap<>();
        PASSWORDS.forEach((user, password) -> secrets.put("password of " + user, password));
        secrets.put("registry password", security.registryPassword());
        secrets.put("trust store password", security.tls().password());
        secrets.put("admin password", security.adminPassword());
        for (SecuredService s : services) {
            String log = s.logText();
            assertThat(log).as("log %s", s.log()).isNotBlank();
            secrets.forEach((what, secret) -> assertThat(log.contains(secret)).as("%s in %s", what, s.log()).isFalse());
        }
    }

    /** The sample day's first {@link #TICKS} records as a .scid file (56-byte header, 40-byte records), and its first delta rows. */
    private static Path shortScid(SampleDayFiles day, Path work) throws IOException {
        byte[] all = Files.readAllBytes(day.scid());
        Path out = work.resolve("es-short.scid");
        Files.write(out, java.util.Arrays.copyOf(all, 56 + TICKS * 40));
        List<String> rows = Files.readAllLines(day.optionDelta());
        Files.write(work.resolve("optiondelta-2024-12-05.txt"), rows.subList(0, 1 + DELTA_ROWS));
        return out;
    }

    private static Tick tick(Instant at, double price) {
        return Tick.newBuilder().setInstrument("ES").setEventTime(at).setPrice(price).setSize(1).setAggressor(AggressorSide.BUY)
                .setTradeCount(1).setSource("security-it").setSourceSequence(at.toEpochMilli()).build();
    }

    private static <V extends SpecificRecord> void send(Topic<String, V> topic, String key, V value, Instant at) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(stack.kafkaConfig(), topic.keySerde(stack.registryConfig()).serializer(),
                topic.valueSerde(stack.registryConfig()).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), null, at.toEpochMilli(), key, value)).get();
        }
    }

    private static <V extends SpecificRecord> List<V> values(Topic<String, V> topic) {
        return stack.readCommitted(topic).stream().map(ConsumerRecord::value).collect(Collectors.toList());
    }

    /** Waits (re-reading the topic's committed records) until one matches; fails if a service exits meanwhile. */
    private static <V extends SpecificRecord> void await(Topic<String, V> topic, Predicate<V> condition, List<SecuredService> running)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (values(topic).stream().noneMatch(condition)) {
            checkRunning(running);
            assertThat(System.nanoTime()).as("waiting for a record on %s", topic.name()).isLessThan(deadline);
        }
    }

    private static void awaitLog(SecuredService service, String text, List<SecuredService> running) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!service.logText().contains(text)) {
            checkRunning(running);
            assertThat(System.nanoTime()).as("waiting for '%s' in %s", text, service.log()).isLessThan(deadline);
            synchronized (SecurityIT.class) {
                SecurityIT.class.wait(50);
            }
        }
    }

    private static void checkRunning(List<SecuredService> services) throws IOException {
        for (SecuredService s : services.subList(0, 3)) {
            s.assertAlive();
        }
    }
}
