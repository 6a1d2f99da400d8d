package io.liquidityengine.execution.app;

import io.liquidityengine.execution.kafka.SinkRunner;
import io.liquidityengine.execution.paper.PaperBroker;
import io.liquidityengine.execution.sink.ExecutionSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
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

    private final AtomicBoolean stopping = new AtomicBoolean();
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        ExecutionConfig.Paper paper = config.paper();
        SinkRunner.Settings settings = SinkRunner.Settings.of(config.sinkId(),
                        new ExecutionSink.Config(Set.copyOf(config.accounts().orElse(List.of())), config.executedIdRetention()),
                        new PaperBroker.Config(paper.slippageTicks(), paper.commissionPerContract(), paper.limitFill()))
                .withStartFrom(config.startFrom())
                .withMaxRecordsPerTransaction(config.maxRecordsPerTransaction())
                .withLockstep(config.lockstep());
        SinkRunner runner = new SinkRunner(kafka.clientConfig(), settings, metrics);
        LOG.info("Execution sink {} (paper broker: slippage {} ticks, commission {} per contract, limits fill {}; accounts {})",
                config.sinkId(), paper.slippageTicks(), paper.commissionPerContract().toPlainString(), paper.limitFill(),
                config.accounts().map(Object::toString).orElse("all"));
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
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping.set(true);
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
