package io.liquidityengine.backtest.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trades.csv}: one row per closed trade in exit order, RFC 4180 quoting, times as ISO-8601 instants
 * (UTC), money as plain decimals. {@link #read} parses what {@link #write} wrote.
 */
public final class TradesCsv {

    public static final String HEADER = "instrument,strategy,side,quantity,entry_time,entry_price,exit_time,exit_price,"
            + "duration_s,ticks,pnl,commission,net_pnl,exit_reason";

    private TradesCsv() {
    }

    public static String format(List<ClosedTrade> trades) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ClosedTrade t : trades.stream().sorted(ReportStatistics.EXIT_ORDER).toList()) {
            out.append(quote(t.instrument())).append(',').append(quote(t.strategy())).append(',').append(t.side()).append(',')
                    .append(t.quantity()).append(',').append(t.entryTime()).append(',').append(t.entryPrice().toPlainString())
                    .append(',').append(t.exitTime()).append(',').append(t.exitPrice().toPlainString()).append(',')
                    .append(t.duration().getSeconds()).append(',').append(t.ticks()).append(',').append(Money.plain(t.pnl()))
                    .append(',').append(Money.plain(t.commission())).append(',').append(Money.plain(t.netPnl())).append(',')
                    .append(quote(t.exitReason())).append('\n');
        }
        return out.toString();
    }

    public static void write(Path file, List<ClosedTrade> trades) throws IOException {
        Files.writeString(file, format(trades), StandardCharsets.UTF_8);
    }

    public static List<ClosedTrade> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": not a trades.csv (header " + (lines.isEmpty() ? "missing" : lines.get(0)) + ")");
        }
        List<ClosedTrade> trades = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> f = split(lines.get(i));
            if (f.size() != 14) {
                throw new IOException(file + ":" + (i + 1) + ": expected 14 fields, got " + f.size());
            }
            trades.add(new ClosedTrade(f.get(0), f.get(1), ClosedTrade.Side.valueOf(f.get(2)), Long.parseLong(f.get(3)),
                    Instant.parse(f.get(4)), new BigDecimal(f.get(5)), Instant.parse(f.get(6)), new BigDecimal(f.get(7)),
                    Long.parseLong(f.get(9)), new BigDecimal(f.get(10)), new BigDecimal(f.get(11)), f.get(13)));
        }
        return trades;
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
