package io.liquidityengine.topology.domain.risk;

import io.liquidityengine.topology.domain.TickGrid;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What risk needs of an instrument (from ref.instruments): grid, money per tick, session and zone.
 *
 * @param tickSize     minimum price increment (ES 0.25)
 * @param tickValue    money per tick per contract (ES 12.50)
 * @param currency     ISO 4217 code of tickValue
 * @param zone         zone of the session times and of the trading window
 * @param sessionOpen  local start of the session; after {@code sessionClose} when it spans midnight (ES 18:00)
 * @param sessionClose local end of the session (ES 17:00)
 */
public record InstrumentTerms(String symbol, BigDecimal tickSize, BigDecimal tickValue, String currency, ZoneId zone,
                              LocalTime sessionOpen, LocalTime sessionClose) {

    public InstrumentTerms {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(sessionOpen, "sessionOpen");
        Objects.requireNonNull(sessionClose, "sessionClose");
        if (tickSize == null || tickSize.signum() <= 0) {
            throw new IllegalArgumentException("tick size must be positive, was " + tickSize);
        }
        if (tickValue == null || tickValue.signum() <= 0) {
            throw new IllegalArgumentException("tick value must be positive, was " + tickValue);
        }
    }

    /** ES: 0.25 x 12.50 USD, America/New_York, session 18:00 - 17:00. */
    public static InstrumentTerms es(String symbol) {
        return new InstrumentTerms(symbol, new BigDecimal("0.25"), new BigDecimal("12.50"), "USD",
                ZoneId.of("America/New_York"), LocalTime.of(18, 0), LocalTime.of(17, 0));
    }

    public TickGrid grid() {
        return new TickGrid(tickSize.doubleValue());
    }

    /** Notional of one contract at {@code price}: price x tick value / tick size (= ticks x tick value, exact). */
    public BigDecimal notionalPerContract(double price) {
        return BigDecimal.valueOf(grid().ticks(price)).multiply(tickValue);
    }

    /** True when the session opens the evening before its trading day (open after close, e.g. ES 18:00 / 17:00). */
    public boolean sessionSpansMidnight() {
        return sessionOpen.isAfter(sessionClose);
    }

    /**
     * The trading day of an event: its date in the instrument zone, plus one day when the session
     * spans midnight and the event is at or after the session open (ES Monday 18:00 -> Tuesday).
     */
    public LocalDate tradingDay(long eventMicros) {
        LocalDateTime local = local(eventMicros);
        LocalDate date = local.toLocalDate();
        return sessionSpansMidnight() && !local.toLocalTime().isBefore(sessionOpen) ? date.plusDays(1) : date;
    }

    /** The event time in the instrument zone. */
    public LocalDateTime local(long eventMicros) {
        return LocalDateTime.ofInstant(instant(eventMicros), zone);
    }

    /** UTC micros of {@code time} on {@code day} in the instrument zone. */
    public long micros(LocalDate day, LocalTime time) {
        Instant at = day.atTime(time).atZone(zone).toInstant();
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
