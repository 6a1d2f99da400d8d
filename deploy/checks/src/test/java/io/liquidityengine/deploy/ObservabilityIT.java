package io.liquidityengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.ingest.sample.SampleDayGenerator;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.control.StrategyKind;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real Prometheus (Debian package prometheus, on loopback) scrapes the packaged ingest, topology and
 * execution-sink services with deploy/observability's alert rules loaded while they run the synthetic
 * sample day (seed 42, 2024-12-05) in lockstep, as {@code ./engine demo} does. At the end every PromQL
 * expression of the three dashboards returns data, every alert rule evaluates and every metric it names
 * is exposed, and the engine's own metrics hold the day's exact totals. A bad option-delta row, an
 * undecodable tick and an undecodable order make one dead letter in each service.
 *
 * <p>The notifier is not run here: the expressions on {@code notifier_*} metrics (webhook posts and 429s)
 * are listed in {@link #NOT_RUN} and only checked to be well-formed.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityIT {

    private static final Set<String> NOT_RUN = Set.of("notifier_webhook_posts_total", "notifier_webhook_rate_limited_total");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Identifiers in PromQL that are functions, aggregations or keywords, not metric names. */
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "by", "without", "rate", "increase",
            "deriv", "time", "and", "or", "unless", "on", "ignoring", "group_left", "group_right", "bool", "offset", "irate", "delta");

    private final Path repo = Tools.repo();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();
    private Path work;
    private int prometheusPort;
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    @BeforeAll
    void runTheSampleDayUnderPrometheus(LocalStack stack) throws Exception {
        Path prometheus = Tools.require("prometheus", "prometheus");
        work = repo.resolve("deploy/checks/target/observability-it");
        deleteRecursively(work); // a previous run's Prometheus data would answer the queries below
        Files.createDirectories(work);
        SampleDayFiles day = new SampleDayGenerator(42, LocalDate.parse("2024-12-05")).writeTo(work);
        // one bad row: the ingest dead-letters it (and it is the last row, so a checkpoint after it covers the whole file)
        Files.writeString(day.optionDelta(), "not-a-time,not-a-number\n", StandardOpenOption.APPEND);
        publishExampleStrategy(stack);

        for (String service : List.of("ingest-connectors", "topology", "execution-sink")) {
            ports.put(service, freePort());
        }
        prometheusPort = freePort();
        Files.writeString(work.resolve("ports.txt"), "prometheus=" + prometheusPort + "\n" + ports + "\n");
        startPrometheus(prometheus);

        Map<String, String> common = new LinkedHashMap<>();
        common.put("kafka.bootstrap.servers", stack.bootstrapServers());
        common.put("schema.registry.url", stack.registryUrl());
        Map<String, String> ingest = new LinkedHashMap<>(common);
        ingest.put("ingest.sources.sample-ticks.type", "scid");
        ingest.put("ingest.sources.sample-ticks.path", day.scid().toString());
        ingest.put("ingest.sources.sample-ticks.instrument", "ES");
        ingest.put("ingest.sources.sample-deltas.type", "option-delta");
        ingest.put("ingest.sources.sample-deltas.path", day.optionDelta().toString());
        ingest.put("ingest.sources.sample-deltas.instrument", "ES");
        start("ingest-connectors", ingest);
        // the topology joins option deltas as of event time: start it once the whole delta file is committed
        awaitQuery("ingest_source_position{source=\"sample-deltas\"}", r -> !r.isEmpty(), "the option-delta checkpoint");

        // a replay in lockstep, as ./engine demo runs it: the same decisions, orders and fills on every run
        Map<String, String> topology = new LinkedHashMap<>(common);
        topology.put("kafka-streams.state.dir", work.resolve("streams-state").toString());
        topology.put("engine.risk.lockstep", "true");
        topology.put("kafka-streams.commit.interval.ms", "10");
        topology.put("kafka-streams.consumer.fetch.max.wait.ms", "5");
        start("topology", topology);
        Map<String, String> sink = new LinkedHashMap<>(common);
        sink.put("execution.lockstep", "true");
        sink.put("kafka.fetch.max.wait.ms", "5");
        start("execution-sink", sink);

        // the day's end state: every bar built, every order decided and its fills and positions booked
        awaitValue("sum(engine_bars_total{interval=\"1m\"})", 389);
        awaitValue("sum(engine_orders_total)", 47);
        awaitValue("sum(execution_commission{account=\"paper\"})", 355.5);

        // one undecodable record each for the topology (md.ticks) and the sink (exec.orders)
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.MD_TICKS.name(), "ES", new byte[] {1, 2, 3})).get();
            // stamped before the day: the sink merges orders with trades in event time, and in lockstep it would hold an
            // order stamped now until the market got there (never, in a replay)
            producer.send(new ProducerRecord<>(Topics.EXEC_ORDERS.name(), null, 0L, "paper", new byte[] {1, 2, 3})).get();
        }
        awaitValue("sum(engine_dead_letters_total)", 1);
        awaitValue("sum(execution_dead_letters_total)", 1);
        // Quarkus's Kafka Streams binder looks for new client metrics once a minute: the topology's per-topic and
        // per-partition consumer metrics appear up to a minute after its consumer first fetched
        awaitQuery("kafka_consumer_fetch_manager_records_lag{job=\"topology\"}", r -> !r.isEmpty(), "the topology's partition lag");
        awaitQuery("kafka_consumer_fetch_manager_records_consumed_total{job=\"topology\", topic=\"md_ticks\"}", r -> !r.isEmpty(),
                "the topology's md.ticks consumption");
        // a few more scrapes so that rate() and increase() over the last minute have their samples
        double now = query("time()").get(0).at("/value/1").asDouble();
        awaitQuery("vector(time()) > " + (now + 5), r -> !r.isEmpty(), "five more seconds of scrapes");
    }

    @AfterAll
    void stop() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void everyDashboardExpressionReturnsData() throws Exception {
        Map<String, String> empty = new TreeMap<>();
        int queried = 0;
        for (Path dashboard : DashboardSchemaTest.dashboards(repo.resolve("deploy/observability/grafana"))) {
            JsonNode d = JSON.readTree(dashboard.toFile());
            for (JsonNode panel : d.get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    String expr = target.get("expr").asText();
                    if (metricNames(expr).stream().anyMatch(NOT_RUN::contains)) {
                        assertThat(status(grafanaVariables(expr))).as(expr).isEqualTo("success");
                        continue;
                    }
                    queried++;
                    if (query(grafanaVariables(expr)).isEmpty()) {
                        empty.put(dashboard.getFileName() + " / " + panel.get("title").asText(), expr);
                    }
                }
            }
        }
        assertThat(empty).as("dashboard expressions without data").isEmpty();
        assertThat(queried).isEqualTo(37);
    }

    @Test
    void everyAlertRuleEvaluatesAndNamesOnlyExposedMetrics() throws Exception {
        JsonNode rules = new YAMLMapper().readTree(repo.resolve("deploy/observability/prometheus/rules/liquidity-engine.rules.yml").toFile());
        Set<String> names = new LinkedHashSet<>();
        int count = 0;
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                String expr = rule.get("expr").asText();
                assertThat(status(expr)).as(expr).isEqualTo("success");
                names.addAll(metricNames(expr));
                count++;
            }
        }
        assertThat(count).isEqualTo(6);
        names.removeAll(NOT_RUN);
        assertThat(names).containsExactlyInAnyOrder("up", "kafka_stream_client_state", "kafka_consumer_fetch_manager_records_lag",
                "ingest_dead_letters_total", "engine_dead_letters_total", "execution_dead_letters_total", "engine_account_halted",
                "engine_risk_decisions_total", "engine_risk_day_realized_pnl", "engine_risk_daily_loss_limit");
        for (String name : names) {
            assertThat(query("count({__name__=\"" + name + "\"})")).as("series of %s", name).isNotEmpty();
        }
        // no alert fires at the end of a clean day; Prometheus has loaded all six rules
        JsonNode loaded = get("/api/v1/rules");
        int rulesLoaded = 0;
        for (JsonNode g : loaded.at("/data/groups")) {
            rulesLoaded += g.get("rules").size();
            for (JsonNode r : g.get("rules")) {
                assertThat(r.get("health").asText()).as(r.get("name").asText()).isEqualTo("ok");
            }
        }
        assertThat(rulesLoaded).isEqualTo(6);
        assertThat(value("max by (account) (engine_account_halted)")).isEqualTo(0.0);
        assertThat(query("max by (account) (increase(engine_risk_decisions_total{status=\"REJECTED\", reason=\"DAILY_LOSS_LIMIT\"}[1h])) > 0"))
                .isEmpty();
        // the day lost 2,712.50 before commission, short of the 3,000 limit: the alert's gauges hold both, and it does not fire
        assertThat(value("max by (account) (engine_risk_day_realized_pnl{account=\"paper\"})")).isEqualTo(-2_712.5);
        assertThat(value("max by (account) (engine_risk_daily_loss_limit{account=\"paper\"})")).isEqualTo(3_000.0);
        assertThat(query("ALERTS{alertname=\"LiquidityEngineDailyLossLimitReached\"}")).isEmpty();
    }

    @Test
    void theEnginesMetricsHoldTheDaysExactTotals() throws Exception {
        assertThat(value("sum(ingest_records_published_total{source=\"sample-ticks\"})")).isEqualTo(160_951.0);
        assertThat(value("max(ingest_source_position{source=\"sample-ticks\", kind=\"RECORD_INDEX\"})")).isEqualTo(160_951.0);
        assertThat(value("sum(ingest_dead_letters_total{source=\"sample-deltas\", reason=\"UNPARSABLE_ROW\"})")).isEqualTo(1.0);
        assertThat(value("sum(engine_bars_total{interval=\"5s\"})")).isEqualTo(4_679.0);
        assertThat(value("sum(engine_bars_total{interval=\"1m\"})")).isEqualTo(389.0);
        assertThat(byLabel("sum by (action) (engine_orders_total)", "action")).isEqualTo(Map.of("CANCEL", 1.0, "FLATTEN", 16.0,
                "MODIFY", 9.0, "PLACE", 21.0));
        assertThat(value("sum(engine_risk_decisions_total)")).isEqualTo(68.0);
        assertThat(value("sum(engine_plans_total)")).isEqualTo(68.0);
        assertThat(value("sum(execution_realized_pnl{account=\"paper\", currency=\"USD\"})")).isEqualTo(-2_712.5);
        assertThat(value("sum(execution_commission{account=\"paper\", currency=\"USD\"})")).isEqualTo(355.5);
        assertThat(value("sum(execution_open_positions{account=\"paper\"})")).isEqualTo(0.0);
        assertThat(value("max(kafka_stream_client_state{job=\"topology\"})")).isEqualTo(2.0); // RUNNING
        assertThat(value("sum(engine_dead_letters_total{reason=\"DESERIALIZATION_FAILED\"})")).isEqualTo(1.0);
        // the sink waited for the risk stage (lockstep) and measured it; how often and how long depends on the scheduling
        assertThat(value("sum(execution_lockstep_waits_total{gate=\"time\"})")).isPositive();
        assertThat(value("sum(execution_lockstep_wait_seconds_total)")).isPositive();
        for (Map.Entry<String, Integer> service : ports.entrySet()) {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.getValue() + "/q/health/ready"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(service.getKey() + ": " + ready.body()).isEqualTo(200);
            HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.getValue() + "/q/health/live"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).as(service.getKey() + ": " + live.body()).isEqualTo(200);
        }
    }

    /** Grafana's variables as a dashboard with every account and instrument selected and a 1 h range would send them. */
    static String grafanaVariables(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__range", "1h").replace("$account", ".*").replace("$instrument", ".*");
    }

    /** Metric names in an expression: identifiers outside strings and brackets that are not PromQL words, plus __name__ matchers. */
    static Set<String> metricNames(String expr) {
        Set<String> out = new LinkedHashSet<>();
        Matcher nameMatcher = Pattern.compile("__name__=~?\"([^\"]+)\"").matcher(expr);
        while (nameMatcher.find()) {
            out.addAll(List.of(nameMatcher.group(1).split("\\|")));
        }
        String stripped = expr.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\{[^}]*}", "{}").replaceAll("\\[[^]]*]", "[]")
                .replaceAll("\\((job|topic|instance|source|reason|account|status|action|role|outcome|strategy|interval|event|currency|"
                        + "instrument|bias|kind|partition|scope|gate)(\\s*,\\s*\\w+)*\\)", "()");
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(stripped);
        while (m.find()) {
            String word = m.group();
            if (!PROMQL_WORDS.contains(word)) {
                out.add(word);
            }
        }
        return out;
    }

    private void publishExampleStrategy(LocalStack stack) throws Exception {
        StrategyDefinition definition = StrategyDefinition.newBuilder().setStrategyId("ema-cross-patterns").setVersion(1)
                .setKind(StrategyKind.RULES).setEnabled(true).setInstruments(List.of("ES"))
                .setDefinition(Files.readString(repo.resolve("topology/src/main/resources/strategies/ema-cross-patterns.json"))).build();
        try (KafkaProducer<String, StrategyDefinition> producer = new KafkaProducer<>(stack.clientConfig(),
                Topics.CONFIG_STRATEGIES.keySerde(stack.registryConfig()).serializer(),
                Topics.CONFIG_STRATEGIES.valueSerde(stack.registryConfig()).serializer())) {
            producer.send(new ProducerRecord<>(Topics.CONFIG_STRATEGIES.name(), definition.getStrategyId(), definition)).get();
        }
    }

    private void startPrometheus(Path prometheus) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("prometheus"));
        Path rules = repo.resolve("deploy/observability/prometheus/rules/liquidity-engine.rules.yml");
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                """.formatted(rules));
        // the same jobs as deploy/observability/prometheus/prometheus.yml, on loopback
        ports.forEach((service, port) -> config.append("""
                  - job_name: %s
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(service, port)));
        Files.writeString(dir.resolve("prometheus.yml"), config);
        Process process = new ProcessBuilder(prometheus.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(Redirect.to(work.resolve("prometheus.log").toFile())).start();
        processes.add(process);
        awaitHttp200("http://127.0.0.1:" + prometheusPort + "/-/ready", process, "Prometheus ready");
    }

    private void start(String service, Map<String, String> properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dquarkus.http.port=" + ports.get(service));
        command.addAll(List.of("-jar", repo.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.to(work.resolve(service + ".log").toFile())).start();
        processes.add(process);
    }

    private void awaitValue(String expr, double expected) throws Exception {
        awaitQuery(expr + " == " + expected, r -> !r.isEmpty(), expr + " = " + expected);
    }

    /** Polls an instant query until its result satisfies the condition; fails with the last result after 10 minutes. */
    private void awaitQuery(String expr, Predicate<List<JsonNode>> done, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        List<JsonNode> result = query(expr);
        while (!done.test(result)) {
            for (Process p : processes) {
                assertThat(p.isAlive()).as("a process exited while waiting for %s; logs in %s", what, work).isTrue();
            }
            assertThat(System.nanoTime()).as("waiting for %s; logs in %s", what, work).isLessThan(deadline);
            synchronized (this) {
                wait(250); // poll interval of a condition, not a timing assumption
            }
            result = query(expr);
        }
    }

    private void awaitHttp200(String url, Process process, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(process.isAlive()).as("%s: the process exited; see %s", what, work).isTrue();
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            synchronized (this) {
                wait(100);
            }
        }
    }

    private double value(String expr) throws Exception {
        List<JsonNode> result = query(expr);
        assertThat(result).as(expr).hasSize(1);
        return result.get(0).at("/value/1").asDouble();
    }

    private Map<String, Double> byLabel(String expr, String label) throws Exception {
        Map<String, Double> out = new TreeMap<>();
        query(expr).forEach(r -> out.put(r.at("/metric/" + label).asText(), r.at("/value/1").asDouble()));
        return out;
    }

    private List<JsonNode> query(String expr) throws Exception {
        JsonNode response = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        assertThat(response.get("status").asText()).as(expr + ": " + response).isEqualTo("success");
        List<JsonNode> out = new ArrayList<>();
        JsonNode data = response.at("/data/result");
        if (response.at("/data/resultType").asText().equals("scalar")) {
            out.add(JSON.createObjectNode().set("value", data));
        } else {
            data.forEach(out::add);
        }
        return out;
    }

    private String status(String expr) throws Exception {
        return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)).get("status").asText();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
