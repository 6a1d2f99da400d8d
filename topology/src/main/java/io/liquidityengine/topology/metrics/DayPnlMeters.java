package io.liquidityengine.topology.metrics;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.topology.domain.risk.InstrumentTerms;
import io.liquidityengine.topology.stream.RiskMapping;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The risk stage's daily loss check, observable (see {@link EngineMetricsService}):
 * <pre>
 * engine_risk_day_realized_pnl{account}     realized P&L of the current trading day, before commission, currency units
 * engine_risk_daily_loss_limit{account}     engine.risk.max-daily-loss: the risk stage stops entries and flattens at day P&L <= -limit
 * </pre>
 * As the risk stage counts it: each exec.positions record carries its position's realized P&L so far, and the
 * change since the position's previous record belongs to the trading day of the record's event time
 * ({@link InstrumentTerms#tradingDay}, from the instrument's ref.instruments record); the current trading day is
 * the latest of any position or sig.bars record, so the day's P&L goes back to 0 with the first bar of the next
 * day. A record of an instrument whose reference data has not been read yet waits for it. Only the
 * configured accounts (the risk stage's) are reported; both series exist from the start.
 */
public final class DayPnlMeters {

    /** A change of a position's realized P&L at an event time. */
    private record Change(String account, String instrument, long micros, BigDecimal pnl) {
    }

    private final Set<String> accounts;
    private final Map<String, InstrumentTerms> terms = new HashMap<>();
    private final Map<String, BigDecimal> lastPnl = new HashMap<>();
    private final List<Change> waitingForTerms = new ArrayList<>();
    private final Map<String, BigDecimal> dayPnl = new HashMap<>();
    private final Map<String, double[]> gauges = new ConcurrentHashMap<>();
    private LocalDate day;

    public DayPnlMeters(MeterRegistry registry, Collection<String> accounts, BigDecimal maxDailyLoss) {
        this.accounts = Set.copyOf(accounts);
        for (String account : this.accounts) {
            double[] value = new double[1];
            gauges.put(account, value);
            Gauge.builder("engine.risk.day.realized.pnl", value, v -> v[0])
                    .description("realized P&L of the current trading day before commission (as the risk stage counts it), currency units")
                    .tag("account", account).register(registry);
            Gauge.builder("engine.risk.daily.loss.limit", maxDailyLoss, BigDecimal::doubleValue)
                    .description("the day's realized loss at which the risk stage stops entries and flattens (engine.risk.max-daily-loss), currency units")
                    .tag("account", account).register(registry);
        }
    }

    public synchronized void instrument(Instrument instrument) {
        terms.put(instrument.getSymbol(), RiskMapping.terms(instrument));
        List<Change> waiting = new ArrayList<>(waitingForTerms);
        waitingForTerms.clear();
        waiting.forEach(this::book);
    }

    public synchronized void bar(Bar bar) {
        InstrumentTerms t = terms.get(bar.getInstrument());
        if (t != null) {
            roll(t.tradingDay(Micros.of(bar.getEndTime())));
        }
    }

    public synchronized void position(Position position) {
        if (!accounts.contains(position.getAccount())) {
            return;
        }
        BigDecimal previous = lastPnl.put(position.getPositionId(), position.getRealizedPnl());
        BigDecimal change = position.getRealizedPnl().subtract(previous == null ? BigDecimal.ZERO : previous);
        book(new Change(position.getAccount(), position.getInstrument(), Micros.of(position.getEventTime()), change));
    }

    private void book(Change change) {
        InstrumentTerms t = terms.get(change.instrument());
        if (t == null) {
            waitingForTerms.add(change);
            return;
        }
        LocalDate of = t.tradingDay(change.micros());
        roll(of);
        if (of.equals(day)) {
            BigDecimal sum = dayPnl.merge(change.account(), change.pnl(), BigDecimal::add);
            gauges.get(change.account())[0] = sum.doubleValue();
        }
    }

    private void roll(LocalDate to) {
        if (day == null || to.isAfter(day)) {
            day = to;
            dayPnl.clear();
            gauges.values().forEach(v -> v[0] = 0);
        }
    }
}
