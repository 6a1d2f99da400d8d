package io.liquidityengine.schemas.catalog;

import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.ExecutionSinkState;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.marketdata.OptionDelta;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.risk.AccountSignal;
import io.liquidityengine.schemas.risk.RiskClock;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.TradePlan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the engine, the only place topic names are written down. Instrument-keyed and
 * account-keyed topics share one partition count so streams over them are co-partitioned.
 */
public final class Topics {

    /** Partitions of every keyed data topic; co-partitioned joins rely on them being equal. */
    public static final int PARTITIONS = 3;
    /*
     * Data topics keep everything by default. Records carry event time, and time-based retention
     * judges segments by their record timestamps: a replay of last year's ticks would be deleted
     * minutes after it was published. Bound the size per deployment with retention.bytes instead.
     */
    private static final Optional<Duration> FOREVER = Optional.empty();
    private static final Optional<Duration> MARKET_DATA_RETENTION = FOREVER;
    private static final Optional<Duration> SIGNAL_RETENTION = FOREVER;
    private static final Optional<Duration> DEAD_LETTER_RETENTION = FOREVER;

    public static final Topic<String, Tick> MD_TICKS = delete("md.ticks", "instrument", Tick.class, MARKET_DATA_RETENTION,
            "trades with aggressor side and bid/ask; event time = exchange time");
    public static final Topic<String, Bar> MD_BARS_IMPORTED = delete("md.bars.imported", "instrument", Bar.class, MARKET_DATA_RETENTION,
            "bars read from Sierra Chart bar/study exports, with study values");
    public static final Topic<String, LiquidityLevel> MD_LEVELS_IMPORTED = delete("md.levels.imported", "instrument", LiquidityLevel.class,
            MARKET_DATA_RETENTION, "levels read from Sierra Chart zone exports");
    public static final Topic<String, OptionDelta> MD_OPTION_DELTAS = delete("md.option-deltas", "underlying", OptionDelta.class,
            MARKET_DATA_RETENTION, "net option delta, one value per minute");
    public static final Topic<String, Instrument> REF_INSTRUMENTS = compact("ref.instruments", "instrument", Instrument.class,
            "tick size, tick value, currency, session hours and time zone");
    public static final Topic<String, Bar> SIG_BARS = delete("sig.bars", "instrument", Bar.class, SIGNAL_RETENTION,
            "5 s base bars with footprint and 1m/5m/15m/1h roll-ups (intervalSeconds)");
    public static final Topic<String, LiquidityLevel> SIG_LEVELS = delete("sig.levels", "instrument", LiquidityLevel.class, SIGNAL_RETENTION,
            "liquidity level CREATED and FILLED events");
    public static final Topic<String, Bias> SIG_BIAS = delete("sig.bias", "instrument", Bias.class, SIGNAL_RETENTION,
            "bias on every base bar, with a flip flag");
    public static final Topic<String, TradePlan> SIG_PLANS = delete("sig.plans", "instrument", TradePlan.class, SIGNAL_RETENTION,
            "trade plans NEW / AMENDED / CANCELLED with a stable plan id");
    public static final Topic<String, AccountSignal> RISK_SIGNALS_BY_ACCOUNT = delete("risk.signals-by-account", "account",
            AccountSignal.class, SIGNAL_RETENTION,
            "internal to the topology: sig.plans and sig.bias fanned out to every trading account in one ordered stream, keyed by account");
    public static final Topic<String, RiskDecision> RISK_DECISIONS = delete("risk.decisions", "account", RiskDecision.class, FOREVER,
            "APPROVED with quantity or REJECTED with a reason code");
    public static final Topic<String, Order> EXEC_ORDERS = delete("exec.orders", "account", Order.class, FOREVER,
            "bracket orders (parent + OCO legs), modify, cancel, flatten; deterministic client order id");
    public static final Topic<String, ExecutionReport> EXEC_REPORTS = delete("exec.reports", "account", ExecutionReport.class, FOREVER,
            "accepted, fills, cancels, rejects");
    public static final Topic<String, Position> EXEC_POSITIONS = delete("exec.positions", "account", Position.class, FOREVER,
            "open and closed positions with realized P&L");
    public static final Topic<String, RiskClock> RISK_CLOCK = compact("risk.clock", "account", RiskClock.class,
            "backtest lockstep: how far each account's orders are decided, for the execution sink (only with engine.risk.lockstep)");
    public static final Topic<String, MarketClock> EXEC_MARKET_CLOCK = compact("exec.market-clock", "account", MarketClock.class,
            "backtest lockstep: how far the execution sink has run the market for each account, for the risk stage (only with execution.lockstep)");
    public static final Topic<String, ExecutionSinkState> EXEC_SINK_STATE = compact("exec.sink-state", "sink id", ExecutionSinkState.class,
            "execution sink state snapshots (executed order ids, working brackets, positions), committed with its outputs and offsets");
    public static final Topic<String, ControlCommand> CONTROL_COMMANDS = delete("control.commands", "account", ControlCommand.class, FOREVER,
            "operator commands: halt, resume, flatten");
    public static final Topic<String, StrategyDefinition> CONFIG_STRATEGIES = compact("config.strategies", "strategy id",
            StrategyDefinition.class, "strategy definitions, applied without a restart");
    public static final Topic<String, SourceCheckpoint> CONTROL_INGEST_CHECKPOINTS = compact("control.ingest-checkpoints", "source id",
            SourceCheckpoint.class, "how far each ingest source has published, committed with the records it covers");
    public static final Topic<String, DeadLetter> DLQ_INGEST = delete("dlq.ingest", "source", DeadLetter.class, DEAD_LETTER_RETENTION,
            "input the ingest connectors could not publish, with reason and position");
    public static final Topic<String, DeadLetter> DLQ_TOPOLOGY = delete("dlq.topology", "source", DeadLetter.class, DEAD_LETTER_RETENTION,
            "records the topology could not process, with reason and source offset");
    public static final Topic<String, DeadLetter> DLQ_EXECUTION = delete("dlq.execution", "source", DeadLetter.class, DEAD_LETTER_RETENTION,
            "orders the execution sink could not process, with reason and source offset");
    public static final Topic<String, DeadLetter> DLQ_NOTIFIER = delete("dlq.notifier", "source", DeadLetter.class, DEAD_LETTER_RETENTION,
            "notifications a webhook refused or that could not be delivered after their retries, with the reason and the body");

    /** Every topic, in the order of the data flow. */
    public static final List<Topic<String, ? extends SpecificRecord>> ALL = List.of(
            MD_TICKS, MD_BARS_IMPORTED, MD_LEVELS_IMPORTED, MD_OPTION_DELTAS, REF_INSTRUMENTS,
            SIG_BARS, SIG_LEVELS, SIG_BIAS, SIG_PLANS, RISK_SIGNALS_BY_ACCOUNT, RISK_DECISIONS,
            EXEC_ORDERS, EXEC_REPORTS, EXEC_POSITIONS, RISK_CLOCK, EXEC_MARKET_CLOCK, EXEC_SINK_STATE, CONTROL_COMMANDS, CONFIG_STRATEGIES, CONTROL_INGEST_CHECKPOINTS,
            DLQ_INGEST, DLQ_TOPOLOGY, DLQ_EXECUTION, DLQ_NOTIFIER);

    private Topics() {
    }

    /** The catalog entry with this name. */
    public static Topic<String, ? extends SpecificRecord> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic '" + name + "' in the catalog"));
    }

    private static <V extends SpecificRecord> Topic<String, V> delete(String name, String key, Class<V> type,
                                                                     Optional<Duration> retention, String description) {
        return new Topic<>(name, Serdes::String, key, type, PARTITIONS, Topic.Cleanup.DELETE, retention, description);
    }

    private static <V extends SpecificRecord> Topic<String, V> compact(String name, String key, Class<V> type, String description) {
        return new Topic<>(name, Serdes::String, key, type, PARTITIONS, Topic.Cleanup.COMPACT, Optional.empty(), description);
    }
}
