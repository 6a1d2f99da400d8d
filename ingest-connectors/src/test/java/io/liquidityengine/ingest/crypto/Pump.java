package io.liquidityengine.ingest.crypto;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.SourceBatch;
import io.liquidityengine.schemas.control.StreamPosition;
import io.liquidityengine.schemas.marketdata.Tick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Polls a crypto source the way the runner does, keeping what it returns, until a condition holds. */
final class Pump {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    final CryptoMarketDataSource source;
    final List<Tick> ticks = new ArrayList<>();
    final List<ParseProblem> problems = new ArrayList<>();
    List<StreamPosition> positions = List.of();
    long nextPosition;

    Pump(CryptoMarketDataSource source) {
        this.source = source;
    }

    /** Polls until {@code condition} holds (checked after every poll), failing after a minute. */
    Pump until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        do {
            SourceBatch batch = source.poll(5_000);
            for (OutRecord<?> r : batch.records()) {
                ticks.add((Tick) r.value());
            }
            problems.addAll(batch.problems());
            positions = batch.streams();
            nextPosition = batch.nextPosition();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + TIMEOUT + "; " + ticks.size() + " ticks, " + problems.size()
                        + " problems so far");
            }
        } while (!condition.getAsBoolean());
        return this;
    }
}
