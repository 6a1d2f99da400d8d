package io.liquidityengine.backtest.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The sessions a backtest covered: their dates, the daily open and close in a time zone. Days without
 * trades still count (a zero in the daily P&L series), and the summed session time is the denominator of
 * time in market.
 */
public record SessionCalendar(ZoneId zone, LocalTime open, LocalTime close, List<LocalDate> sessions) {

    public SessionCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        sessions = List.copyOf(sessions).stream().distinct().sorted().toList();
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("open must be before close");
        }
    }

    public Instant openOf(LocalDate day) {
        return day.atTime(open).atZone(zone).toInstant();
    }

    public Instant closeOf(LocalDate day) {
        return day.atTime(close).atZone(zone).toInstant();
    }

    public LocalDate dateOf(Instant time) {
        return time.atZone(zone).toLocalDate();
    }
}
