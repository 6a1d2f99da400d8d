package io.liquidityengine.notifier.chart;

import io.liquidityengine.schemas.reference.Instrument;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The daily session close of each instrument, from its {@code ref.instruments} record (time zone and
 * session close); instruments without one use the fallback (configuration, default 16:00
 * America/New_York). A bar belongs to the session of the first close at or after its end time.
 */
public final class SessionCalendar {

    /** An instrument's session close: local time in its zone, which is also its charts' time axis zone. */
    public record Hours(ZoneId zone, LocalTime close) {
    }

    private final Hours fallback;
    private final Map<String, Hours> byInstrument = new HashMap<>();

    public SessionCalendar(ZoneId zone, LocalTime close) {
        this.fallback = new Hours(zone, close);
    }

    /** 16:00 America/New_York (the CME equity index futures' regular close) for every instrument not on ref.instruments. */
    public static SessionCalendar futuresDefault() {
        return new SessionCalendar(ZoneId.of("America/New_York"), LocalTime.of(16, 0));
    }

    /** A ref.instruments record: its time zone and session close from now on. */
    public void put(Instrument instrument) {
        byInstrument.put(instrument.getSymbol(), new Hours(ZoneId.of(instrument.getTimeZone()), instrument.getSessionClose()));
    }

    public Hours of(String instrument) {
        return byInstrument.getOrDefault(instrument, fallback);
    }

    /** The session a bar of {@code instrument} ending at {@code end} belongs to: the date of the first close at or after it. */
    public LocalDate session(String instrument, Instant end) {
        Hours h = of(instrument);
        ZonedDateTime t = end.atZone(h.zone());
        ZonedDateTime c = ZonedDateTime.of(t.toLocalDate(), h.close(), h.zone());
        return t.isAfter(c) ? t.toLocalDate().plusDays(1) : t.toLocalDate();
    }

    /** The close of {@code instrument}'s session {@code session}. */
    public Instant closeOf(String instrument, LocalDate session) {
        Hours h = of(instrument);
        return ZonedDateTime.of(session, h.close(), h.zone()).toInstant();
    }

    /** The last close strictly before {@code t} of {@code instrument}: where its session containing {@code t} began. */
    public Instant previousClose(String instrument, Instant t) {
        return closeOf(instrument, session(instrument, t).minusDays(1));
    }

    /**
     * Where a re-read must start to see the whole session containing {@code t} of every instrument known
     * (and of the fallback, for instruments not on ref.instruments): the earliest previous close.
     */
    public Instant earliestSessionStart(Instant t) {
        Instant earliest = closeOf("", session("", t).minusDays(1)); // the fallback (no instrument is named "")
        for (String instrument : byInstrument.keySet()) {
            Instant start = previousClose(instrument, t);
            if (start.isBefore(earliest)) {
                earliest = start;
            }
        }
        return earliest;
    }
}
