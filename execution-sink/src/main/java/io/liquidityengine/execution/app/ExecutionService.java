package io.liquidityengine.execution.app;

import io.liquidityengine.execution.kafka.SinkRunner;
import io.liquidityengine.execution.metrics.SinkHealth;
import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.broker.BrokerRegistry;
import io.liquidityengine.execution.sink.ExecutionSink;
import io.liquidityengine.execution.sink.SinkWarmUp;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the sink loop on its own thread; the Quarkus part of the service stays this thin. */
@ApplicationScoped
public class ExecutionService {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionService.class);

    @Inject
    ExecutionConfig config;

    @Inject
    KafkaSettings kafka;

    @Inject
    MeterRegistry metrics;

    @Inject
    SinkHealth health;

    private final AtomicBoolean stopping = new AtomicBoolean();
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        Set<String> accounts = new TreeSet<>(config.accounts().orElse(List.of()));
        BrokerRegistry registry = BrokerRegistry.load();
        BrokerConfiguration brokerConfig = BrokerConfiguration.from(ConfigProvider.getConfig(), config.broker());
        brokerConfig.checkKeys();
        AccountBrokers brokers = new AccountBrokers(registry, brokerConfig);
        // fail at start, not at the first order, on an unknown broker or invalid settings
        List<String> lines = new java.util.ArrayList<>();
        if (accounts.isEmpty()) {
            lines.add("every account: " + brokers.describe("*"));
        }
        accounts.forEach(a -> lines.add(a + ": " + brokers.describe(a)));
        if (config.warmUp()) {
            Set<String> kinds = new TreeSet<>();
            (accounts.isEmpty() ? List.of("*") : accounts).forEach(a -> kinds.add(brokers.choice(a).broker()));
            SinkWarmUp.run(kinds.stream().map(registry::factory).toList());
        }
        SinkRunner.Settings settings = SinkRunner.Settings.of(config.sinkId(),
                        new ExecutionSink.Config(accounts, config.executedIdRetention()), brokers)
                .withStartFrom(config.startFrom())
                .withMaxRecordsPerTransaction(config.maxRecordsPerTransaction())
                .withLockstep(config.lockstep());
        SinkRunner runner = new SinkRunner(kafka.clientConfig(), settings, metrics);
        LOG.info("Execution sink {} (brokers {}; accounts {}; {})", config.sinkId(), registry.names(),
                config.accounts().map(Object::toString).orElse("all"), String.join("; ", lines));
        thread = new Thread(() -> {
            try {
                runner.run(stopping::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("Execution sink stopped: {}", e.getMessage(), e);
                Quarkus.asyncExit(1);
            }
        }, "execution-sink");
        thread.start();
        health.watch(runner, thread);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping.set(true);
        health.stopping();
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
