package io.liquidityengine.execution.app;

import io.liquidityengine.execution.kafka.SinkRunner;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code execution.*}: which sink this is and which accounts it executes. The brokers' keys
 * ({@code execution.broker}, {@code execution.accounts.<id>.*}, {@code execution.brokers.<name>.*} and the
 * paper broker's legacy {@code execution.paper.*}) are read by {@link BrokerConfiguration}: each broker
 * knows its own.
 */
@ConfigMapping(prefix = "execution")
public interface ExecutionConfig {

    /** Names the state snapshot key, the consumer group and the transactional id; keep it stable. */
    @WithDefault("paper")
    String sinkId();

    /** Accounts executed by this sink; absent = every account on exec.orders. */
    Optional<List<String>> accounts();

    /** Where to start on input partitions that have no committed offset yet: EARLIEST or LATEST. */
    @WithDefault("EARLIEST")
    SinkRunner.StartFrom startFrom();

    /** Records processed before a transaction is committed even if more are ready. */
    @WithDefault("5000")
    int maxRecordsPerTransaction();

    /** How long (event time) executed client order ids are remembered for de-duplication. */
    @WithDefault("P7D")
    Duration executedIdRetention();

    /** Run the order path once in memory before consuming (SinkWarmUp), so the first live order is not slower than the rest. */
    @WithDefault("true")
    boolean warmUp();

    /**
     * Backtests: run in lockstep with the topology's risk stage (engine.risk.lockstep=true there), so a replay
     * of the closed loop gives the same orders, fills and P&L on every run and after any crash. Leave off
     * live, where orders must work from the next trade whatever the topology's latency.
     */
    @WithDefault("false")
    boolean lockstep();

    /** The broker of accounts without {@code execution.accounts.<id>.broker}. */
    @WithDefault("paper")
    String broker();
}
