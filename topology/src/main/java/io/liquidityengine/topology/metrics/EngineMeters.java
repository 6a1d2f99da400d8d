package io.liquidityengine.topology.metrics;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.risk.DecisionStatus;
import io.liquidityengine.schemas.risk.ReasonCode;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.TradePlan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's own metrics, from the records the topology has committed (see {@link EngineMetricsService}):
 * <pre>
 * engine_bars_total{instrument,interval}                 sig.bars, interval 5s 1m 5m 15m 1h
 * engine_levels_total{instrument,event}                  sig.levels, CREATED / FILLED
 * engine_bias_flips_total{instrument,bias}               sig.bias records with the flip flag, by the new bias
 * engine_bias{instrument}                                the last bias: 1 LONG, -1 SHORT, 0 HOLD
 * engine_close_price{instrument}                         the close of the last base bar (from sig.bias)
 * engine_signal_event_time_seconds{instrument}           event time of the last sig.bias record, Unix seconds
 * engine_plans_total{instrument,strategy,status}         sig.plans, NEW / AMENDED / CANCELLED
 * engine_risk_decisions_total{account,status,reason}     risk.decisions
 * engine_orders_total{account,action}                    exec.orders, PLACE / MODIFY / CANCEL / FLATTEN
 * engine_dead_letters_total{source,reason}               dlq.topology
 * engine_account_halted{account}                         1 after a HALT on control.commands, 0 after a RESUME
 * </pre>
 * Label values come from configuration or from enums (instruments, accounts, strategies, stages), so
 * every label set is bounded. The configured accounts' decision, order and halt series exist at zero
 * from the start, so that {@code increase()} sees their first change.
 */
public final class EngineMeters {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> bias = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> closeMicros = new ConcurrentHashMap<>();
    private final Map<String, double[]> close = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> halted = new ConcurrentHashMap<>();

    public EngineMeters(MeterRegistry registry, Collection<String> accounts) {
        this.registry = registry;
        for (String account : accounts) {
            decisions(account, DecisionStatus.APPROVED, ReasonCode.OK);
            for (ReasonCode reason : ReasonCode.values()) {
                decisions(account, DecisionStatus.REJECTED, reason);
            }
            for (OrderAction action : OrderAction.values()) {
                orders(account, action);
            }
            halted(account);
        }
    }

    public void bar(Bar bar) {
        Counter.builder("engine.bars").description("bars the topology published on sig.bars")
                .tag("instrument", bar.getInstrument()).tag("interval", interval(bar.getIntervalSeconds()))
                .register(registry).increment();
    }

    public void level(LiquidityLevel level) {
        Counter.builder("engine.levels").description("liquidity level events on sig.levels")
                .tag("instrument", level.getInstrument()).tag("event", level.getEvent().name())
                .register(registry).increment();
    }

    public void bias(Bias record) {
        String instrument = record.getInstrument();
        if (record.getFlip()) {
            Counter.builder("engine.bias.flips").description("bias flips on sig.bias, by the new bias")
                    .tag("instrument", instrument).tag("bias", record.getBias().name()).register(registry).increment();
        }
        bias.computeIfAbsent(instrument, i -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("engine.bias", value, AtomicLong::get).description("the last bias: 1 LONG, -1 SHORT, 0 HOLD")
                    .tag("instrument", i).register(registry);
            return value;
        }).set(switch (record.getBias()) {
            case LONG -> 1;
            case SHORT -> -1;
            case HOLD -> 0;
        });
        close.computeIfAbsent(instrument, i -> {
            double[] value = new double[1];
            Gauge.builder("engine.close.price", value, v -> v[0]).description("close of the last base bar, instrument price units")
                    .tag("instrument", i).register(registry);
            return value;
        })[0] = record.getClose();
        closeMicros.computeIfAbsent(instrument, i -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("engine.signal.event.time", value, v -> v.get() / 1e6).baseUnit("seconds")
                    .description("event time of the last sig.bias record, Unix time").tag("instrument", i).register(registry);
            return value;
        }).set(Micros.of(record.getEventTime()));
    }

    public void plan(TradePlan plan) {
        Counter.builder("engine.plans").description("trade plan events on sig.plans")
                .tag("instrument", plan.getInstrument()).tag("strategy", plan.getStrategyId()).tag("status", plan.getStatus().name())
                .register(registry).increment();
    }

    public void decision(RiskDecision decision) {
        decisions(decision.getAccount(), decision.getStatus(), decision.getReason()).increment();
    }

    public void order(Order order) {
        orders(order.getAccount(), order.getAction()).increment();
    }

    public void deadLetter(DeadLetter letter) {
        Counter.builder("engine.dead.letters").description("records the topology sent to dlq.topology")
                .tag("source", letter.getSource()).tag("reason", letter.getReason().name()).register(registry).increment();
    }

    public void command(ControlCommand command) {
        switch (command.getCommand()) {
            case HALT -> halted(command.getAccount()).set(1);
            case RESUME -> halted(command.getAccount()).set(0);
            case FLATTEN -> {
                // flattening does not halt
            }
        }
    }

    private Counter decisions(String account, DecisionStatus status, ReasonCode reason) {
        return Counter.builder("engine.risk.decisions").description("risk decisions on risk.decisions")
                .tag("account", account).tag("status", status.name()).tag("reason", reason.name()).register(registry);
    }

    private Counter orders(String account, OrderAction action) {
        return Counter.builder("engine.orders").description("orders on exec.orders")
                .tag("account", account).tag("action", action.name()).register(registry);
    }

    private AtomicLong halted(String account) {
        return halted.computeIfAbsent(account, a -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("engine.account.halted", value, AtomicLong::get).description("1 while the account is halted (control.commands)")
                    .tag("account", a).register(registry);
            return value;
        });
    }

    /** 5 -> 5s, 60 -> 1m, 3600 -> 1h. */
    static String interval(int seconds) {
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
