package io.liquidityengine.notifier.app;

import io.liquidityengine.notifier.chart.ChartBook;
import io.liquidityengine.notifier.chart.ChartFeed;
import io.liquidityengine.notifier.chart.SessionCalendar;
import io.liquidityengine.notifier.discord.DeadLetterSink;
import io.liquidityengine.notifier.discord.Webhook;
import io.liquidityengine.notifier.discord.WebhookClient;
import io.liquidityengine.notifier.message.BiasChanges;
import io.liquidityengine.notifier.message.DeadLetterAlerts;
import io.liquidityengine.notifier.message.Messages;
import io.liquidityengine.notifier.message.Notification;
import io.liquidityengine.notifier.message.StatusBoard;
import io.liquidityengine.schemas.config.ClientSettings;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.TradePlan;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the signal, risk, execution and dead-letter topics (channels in application.properties,
 * read_committed, the catalog's Avro deserializer) and dispatches the notifications built from them.
 */
@ApplicationScoped
public class NotifierService {

    private static final Logger LOG = Logger.getLogger(NotifierService.class.getName());
    private static final Logger CONSOLE = Logger.getLogger("io.liquidityengine.notifier.console");

    @Inject
    NotifierConfig config;

    @Inject
    MeterRegistry registry;

    private NotifierMetrics metrics;

    private final AtomicLong deadLettered = new AtomicLong();
    private final DeadLetterAlerts alerts = new DeadLetterAlerts();
    private final BiasChanges biasChanges = new BiasChanges();
    private BiasHistory biasHistory;
    private StatusBoard board;
    private StatusCoalescer coalescer;
    private ScheduledExecutorService flusher;
    private Dispatcher dispatcher;
    private KafkaDeadLetters kafkaDeadLetters;
    private StatusFile statusFile;
    private ChartFeed chartFeed;
    private Thread chartThread;
    private Map<String, Object> clientConfig;

    @PostConstruct
    void start() {
        metrics = new NotifierMetrics(registry);
        NotifierConfig.Delivery d = config.delivery();
        WebhookClient client = WebhookClient.create(new WebhookClient.Settings(d.requestTimeout(), d.maxAttempts(),
                d.initialBackoff(), d.maxBackoff(), d.maxRateLimited(), false), countedDeadLetters(), config.username()).listener(metrics);
        Map<Webhook, Set<Notification.Kind>> routes = new LinkedHashMap<>();
        config.webhooks().forEach((name, w) -> {
            Set<Notification.Kind> kinds = EnumSet.noneOf(Notification.Kind.class);
            kinds.addAll(w.events());
            if (!config.statusPost()) {
                kinds.remove(Notification.Kind.STATUS); // statuses to the file and the console only
            }
            routes.put(new Webhook(name, URI.create(url(name, w))), kinds);
        });
        statusFile = config.statusFile().map(f -> StatusFile.open(Path.of(f))).orElse(null);
        routes.forEach((w, kinds) -> LOG.info("webhook " + w + " receives " + kinds));
        board = new StatusBoard(config.baseBarSeconds());
        DeliveryLog log = config.stateFile().map(f -> DeliveryLog.open(Path.of(f))).orElseGet(DeliveryLog::inMemory);
        dispatcher = new Dispatcher(client, routes, config.console() ? CONSOLE::info : null, log).metrics(metrics);
        Duration interval = config.statusInterval();
        coalescer = new StatusCoalescer(interval);
        if (!interval.isZero()) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "notifier-status-flush");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(1, interval.toMillis() / 4);
            flusher.scheduleWithFixedDelay(this::flushStatuses, period, period, TimeUnit.MILLISECONDS);
        }
    }

    private void flushStatuses() {
        try {
            dispatcher.dispatch(null, coalescer.due(System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warning("status flush failed: " + e);
        }
    }

    @PreDestroy
    void stop() {
        if (chartFeed != null) {
            chartFeed.stop();
            try {
                chartThread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (kafkaDeadLetters != null) {
            kafkaDeadLetters.close();
        }
        if (biasHistory != null) {
            biasHistory.close();
        }
        if (statusFile != null) {
            statusFile.close();
        }
    }

    /** Created at start, so a webhook without a readable URL fails the start, not the first message. */
    void onStart(@Observes StartupEvent event) {
        LOG.info("notifier started: " + (config.webhooks().isEmpty() ? "no webhooks, console only" : config.webhooks().size() + " webhook(s)"));
        if (config.charts().enabled()) {
            NotifierConfig.Charts c = config.charts();
            ChartBook book = new ChartBook(new SessionCalendar(c.zone(), c.sessionClose()), c.waitForMarketClock(), c.idleCloseWindow());
            chartFeed = new ChartFeed(clientConfig, book, new ChartPublisher(dispatcher, config.chartsDir().map(Path::of).orElse(null)),
                    c.waitForMarketClock(), c.idleClose(), System::nanoTime);
            chartThread = new Thread(chartFeed, "notifier-charts");
            chartThread.start();
        }
    }

    /** The chart feed, null when charts are off (for the health check). */
    ChartFeed chartFeed() {
        return chartFeed;
    }

    /** Counted here, written to dlq.notifier (WebhookClient has logged the reason, redacted, already). */
    private DeadLetterSink countedDeadLetters() {
        Config mp = ConfigProvider.getConfig();
        clientConfig = ClientSettings.collect(mp.getPropertyNames(), name -> mp.getOptionalValue(name, String.class));
        kafkaDeadLetters = new KafkaDeadLetters(clientConfig);
        biasHistory = new BiasHistory(clientConfig);
        return (webhook, message, body, reason) -> {
            deadLettered.incrementAndGet();
            metrics.deadLettered(message.kind());
            kafkaDeadLetters.deadLetter(webhook, message, body, reason);
        };
    }

    static String url(String name, NotifierConfig.WebhookConfig w) {
        if (w.url().isPresent()) {
            return w.url().get().trim();
        }
        String file = w.urlFile().orElseThrow(() -> new IllegalStateException(
                "webhook '" + name + "' has neither notifier.webhooks." + name + ".url nor .url-file"));
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().map(String::trim).filter(s -> !s.isEmpty()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("webhook '" + name + "': " + file + " is empty"));
        } catch (IOException e) {
            throw new IllegalStateException("webhook '" + name + "': cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Incoming("sig-bias")
    @Blocking
    public void onBias(ConsumerRecord<String, Bias> record) throws InterruptedException {
        Bias b = record.value();
        List<Notification> out = new ArrayList<>(2);
        // a flip once per real change: the topology flags every bar of the minute after one
        if (biasChanges.needsPriming(b.getInstrument(), record.offset())) {
            biasChanges.prime(b.getInstrument(), record.offset(),
                    biasHistory.lastBefore(record.topic(), record.partition(), record.offset(), b.getInstrument()));
        }
        biasChanges.onBias(b, record.offset()).ifPresent(out::add);
        Optional<Notification> status;
        synchronized (board) {
            status = board.onBias(b);
        }
        DeliveryLog.RecordPosition pos = position(record);
        if (status.isPresent() && statusFile != null && !dispatcher.isFinished(pos)) {
            statusFile.append(b.getEventTime(), status.get());
        }
        status.ifPresent(n -> out.addAll(config.statusPost() ? coalescer.offer(b.getInstrument(), n, System.nanoTime()) : List.of(n)));
        dispatcher.dispatch(pos, Instant.ofEpochMilli(record.timestamp()), out);
    }

    /** sig.bars: the Avg study of the bars that carry one, for the status. */
    @Incoming("sig-bars")
    @Blocking
    public void onBar(ConsumerRecord<String, Bar> record) throws InterruptedException {
        synchronized (board) {
            board.onBar(record.value());
        }
        dispatch(record, List.of());
    }

    @Incoming("sig-plans")
    @Blocking
    public void onPlan(ConsumerRecord<String, TradePlan> record) throws InterruptedException {
        synchronized (board) {
            board.onPlan(record.value());
        }
        dispatch(record, List.of(Messages.plan(record.value())));
    }

    @Incoming("risk-decisions")
    @Blocking
    public void onDecision(ConsumerRecord<String, RiskDecision> record) throws InterruptedException {
        dispatch(record, Messages.rejected(record.value()).stream().toList());
    }

    @Incoming("exec-reports")
    @Blocking
    public void onReport(ConsumerRecord<String, ExecutionReport> record) throws InterruptedException {
        dispatch(record, Messages.fill(record.value()).stream().toList());
    }

    @Incoming("exec-positions")
    @Blocking
    public void onPosition(ConsumerRecord<String, Position> record) throws InterruptedException {
        synchronized (board) {
            board.onPosition(record.value());
        }
        dispatch(record, Messages.closed(record.value()).stream().toList());
    }

    @Incoming("dead-letters")
    @Blocking
    public void onDeadLetter(ConsumerRecord<String, DeadLetter> record) throws InterruptedException {
        Optional<Notification> n;
        synchronized (alerts) {
            n = alerts.onDeadLetter(record.topic(), record.value());
        }
        dispatch(record, n.stream().toList());
    }

    private void dispatch(ConsumerRecord<?, ?> record, List<Notification> notifications) throws InterruptedException {
        dispatcher.dispatch(position(record), Instant.ofEpochMilli(record.timestamp()), notifications);
    }

    private static DeliveryLog.RecordPosition position(ConsumerRecord<?, ?> record) {
        return new DeliveryLog.RecordPosition(record.topic(), record.partition(), record.offset());
    }

    public long deadLettered() {
        return deadLettered.get();
    }
}
