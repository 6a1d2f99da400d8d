package io.liquidityengine.ingest.app;

import io.liquidityengine.ingest.metrics.SourceHealth;
import io.liquidityengine.ingest.publish.Pacing;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.publish.SourceRunner;
import io.liquidityengine.ingest.reference.InstrumentPublisher;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.ingest.sources.Sources;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one runner thread per configured source; the Quarkus part of the service stays this thin. */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    @Inject
    IngestConfig config;

    @Inject
    InstrumentsConfig instruments;

    @Inject
    KafkaSettings kafka;

    @Inject
    MeterRegistry metrics;

    @Inject
    SourceHealth health;

    private final AtomicBoolean stopping = new AtomicBoolean();
    private ExecutorService executor;

    void onStart(@Observes StartupEvent event) {
        Map<String, Object> clientConfig = kafka.clientConfig();
        Map<String, InstrumentSpec> specs = instruments.specs();
        if (config.publishInstruments()) {
            InstrumentPublisher.publish(clientConfig, specs.values());
        }
        executor = Executors.newFixedThreadPool(Math.max(1, config.sources().size()), r -> new Thread(r, "ingest-source"));
        List<Future<?>> runs = new ArrayList<>();
        config.sources().forEach((id, source) -> runs.add(executor.submit(() -> run(id, source, specs, clientConfig))));
        if (config.exitWhenDone()) {
            Thread waiter = new Thread(() -> {
                int failures = 0;
                for (Future<?> f : runs) {
                    try {
                        if (!(Boolean) f.get()) {
                            failures++;
                        }
                    } catch (Exception e) {
                        failures++;
                    }
                }
                LOG.info("All sources done{}; exiting", failures == 0 ? "" : " (" + failures + " failed)");
                Quarkus.asyncExit(failures == 0 ? 0 : 1);
            }, "ingest-exit-when-done");
            waiter.setDaemon(true);
            waiter.start();
        }
    }

    private boolean run(String id, IngestConfig.Source source, Map<String, InstrumentSpec> specs, Map<String, Object> clientConfig) {
        try {
            List<String> symbols = Sources.takesInstrumentList(source.type())
                    ? Arrays.stream(source.instrument().split(",")).map(String::trim).toList() : List.of(source.instrument());
            List<InstrumentSpec> list = new ArrayList<>();
            for (String symbol : symbols) {
                InstrumentSpec instrument = specs.get(symbol);
                if (instrument == null) {
                    throw new IllegalArgumentException("source " + id + ": instrument '" + symbol
                            + "' is not configured under instruments.*; known: " + specs.keySet());
                }
                list.add(instrument);
            }
            RecordSource recordSource = Sources.create(id, source, list, metrics);
            SourceRunner.Settings settings = SourceRunner.Settings.backfill().paced(new Pacing(source.speed()));
            Optional<Duration> follow = Sources.followInterval(source);
            if (follow.isPresent()) {
                settings = settings.following(follow.get());
            }
            new SourceRunner(recordSource, clientConfig, settings, metrics).run(stopping::get);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.error("Source {} ({}) stopped: {}", id, source.path().orElse(source.type()), e.getMessage(), e);
            health.failed(id, e);
            return false;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
        if (executor != null) {
            executor.shutdown();
        }
    }
}
