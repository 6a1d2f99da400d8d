package io.liquidityengine.backtest.cli;

import io.liquidityengine.backtest.Sweep;
import io.liquidityengine.backtest.report.ReportStatistics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The sweep's table: one row per combination, best net P&L first. */
final class SweepTable {

    private SweepTable() {
    }

    static String format(Collection<String> keys, List<Sweep.Row> rows) {
        List<String> header = new ArrayList<>(keys);
        header.addAll(List.of("trades", "net P&L", "gross P&L", "commission", "win rate", "profit factor", "max drawdown", "ticks/s"));
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        for (Sweep.Row r : rows) {
            List<String> row = new ArrayList<>();
            keys.forEach(k -> row.add(r.params().get(k)));
            ReportStatistics s = r.statistics();
            row.add(String.valueOf(s.trades()));
            row.add(plain(s.netPnl()));
            row.add(plain(s.grossPnl()));
            row.add(plain(s.commission()));
            row.add(plain(s.winRate()));
            row.add(plain(s.profitFactor()));
            row.add(plain(s.maxDrawdown()));
            row.add(String.format("%,.0f", r.result().ticksPerSecond()));
            cells.add(row);
        }
        int[] width = new int[header.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> row : cells) {
            b.append(' ');
            for (int i = 0; i < row.size(); i++) {
                b.append(' ').append(String.format("%" + width[i] + "s", row.get(i)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "n/a" : v.toPlainString();
    }
}
