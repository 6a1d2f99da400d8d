package io.liquidityengine.backtest.report;

import io.liquidityengine.backtest.RecordLog;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.Bias;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * The report of a run from its records: trades from exec.positions and exec.reports, rejections from
 * risk.decisions, the sessions from the days sig.bias covers. A session is the risk stage's trading
 * time, from the start of its entry window to its flatten time (the only time a position can be
 * open), in the instrument's zone.
 */
public final class RunReport {

    private RunReport() {
    }

    public static BacktestReport of(String title, String currency, ZoneId zone, LocalTime open, LocalTime close, List<Bias> bias,
                                    List<Position> positions, List<ExecutionReport> reports, List<RiskDecision> decisions) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Bias b : bias) {
            days.add(b.getEventTime().atZone(zone).toLocalDate());
        }
        return new BacktestReport(title, currency, new SessionCalendar(zone, open, close, List.copyOf(days)),
                TradeLedger.trades(positions, reports), TradeLedger.rejections(decisions));
    }

    /** The report of the records a run kept in {@code log} (it must keep sig.bias, exec.positions, exec.reports, risk.decisions). */
    public static BacktestReport of(String title, String currency, ZoneId zone, LocalTime open, LocalTime close, RecordLog log) {
        return of(title, currency, zone, open, close, log.values(Topics.SIG_BIAS), log.values(Topics.EXEC_POSITIONS),
                log.values(Topics.EXEC_REPORTS), log.values(Topics.RISK_DECISIONS));
    }
}
