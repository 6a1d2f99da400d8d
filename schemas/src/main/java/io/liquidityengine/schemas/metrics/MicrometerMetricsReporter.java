package io.liquidityengine.schemas.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * A Kafka {@link MetricsReporter} that exports every metric of the client it is configured in to
 * Micrometer's global registry (where Quarkus puts its Prometheus registry), under the same names
 * and tags as Micrometer's {@link KafkaClientMetrics} (for example
 * {@code kafka_producer_record_send_total}, {@code kafka_consumer_fetch_manager_records_lag{topic,partition}}).
 *
 * <p>Services that create their Kafka clients themselves turn it on with one setting, no code:
 * {@code kafka.metric.reporters=org.apache.kafka.common.metrics.JmxReporter,io.liquidityengine.schemas.metrics.MicrometerMetricsReporter}.
 * Each client gets its own reporter instance; closing the client removes its meters. New metrics
 * (per-partition lag after an assignment, say) are picked up within {@link #REFRESH_SECONDS} seconds.
 */
public final class MicrometerMetricsReporter implements MetricsReporter {

    /** How often new client metrics are looked for (Micrometer's own binder looks every 60 s). */
    static final long REFRESH_SECONDS = 5;

    private static final ScheduledExecutorService REFRESH = refreshScheduler();

    /** The refresh task the binder schedules while {@link #init} binds it, so that {@link #close} can cancel it. */
    private static final ThreadLocal<Scheduled> SCHEDULED = new ThreadLocal<>();

    private static final class Scheduled {
        ScheduledFuture<?> future;
        Runnable command;
    }

    private final Map<MetricName, KafkaMetric> metrics = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private KafkaClientMetrics binder;
    private ScheduledFuture<?> refresh;
    private volatile Runnable refreshCommand;
    private final java.util.concurrent.atomic.AtomicBoolean refreshPending = new java.util.concurrent.atomic.AtomicBoolean();

    public MicrometerMetricsReporter() {
        this(Metrics.globalRegistry);
    }

    MicrometerMetricsReporter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public synchronized void init(List<KafkaMetric> initial) {
        initial.forEach(m -> metrics.put(m.metricName(), m));
        binder = new KafkaClientMetrics(metricsOnly(Collections.unmodifiableMap(metrics)), List.of(), REFRESH);
        Scheduled scheduled = new Scheduled();
        SCHEDULED.set(scheduled);
        try {
            binder.bindTo(registry);
        } finally {
            SCHEDULED.remove();
        }
        refresh = scheduled.future;
        refreshCommand = scheduled.command;
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        metrics.put(metric.metricName(), metric);
        // bind new metrics soon rather than at the next period; many arrive at once, one refresh takes them all
        if (refreshCommand != null && refreshPending.compareAndSet(false, true)) {
            REFRESH.execute(this::refreshNow);
        }
    }

    /** Binds the metrics that appeared since the last look (the binder's periodic task, run now). */
    void refreshNow() {
        refreshPending.set(false);
        Runnable command = refreshCommand;
        if (command != null) {
            command.run(); // the guarded task: never at the same time as the periodic run
        }
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        metrics.remove(metric.metricName());
    }

    @Override
    public synchronized void close() {
        refreshCommand = null;
        if (refresh != null) {
            refresh.cancel(false); // the binder leaves a task on a scheduler it does not own running
            refresh = null;
        }
        if (binder != null) {
            binder.close();
            binder = null;
        }
        metrics.clear();
    }

    /** Micrometer's binder only calls {@code metrics()} on the client; this one answers with the reporter's metrics. */
    @SuppressWarnings("unchecked")
    private static Consumer<byte[], byte[]> metricsOnly(Map<MetricName, KafkaMetric> metrics) {
        return (Consumer<byte[], byte[]>) Proxy.newProxyInstance(MicrometerMetricsReporter.class.getClassLoader(),
                new Class<?>[] {Consumer.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "metrics" -> metrics;
                    case "toString" -> "kafka client metrics from a MetricsReporter";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** One daemon thread for all reporters; the binder's fixed 60 s period is shortened to {@link #REFRESH_SECONDS}. */
    private static ScheduledExecutorService refreshScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("kafka-metrics-refresh");
            t.setDaemon(true);
            return t;
        }) {
            @Override
            public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
                // the binder's check is not thread-safe: the periodic run and refreshNow take turns
                Runnable guarded = () -> {
                    synchronized (command) {
                        command.run();
                    }
                };
                ScheduledFuture<?> future = super.scheduleAtFixedRate(guarded, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
                Scheduled holder = SCHEDULED.get();
                if (holder != null) {
                    holder.future = future;
                    holder.command = guarded;
                }
                return future;
            }
        };
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
