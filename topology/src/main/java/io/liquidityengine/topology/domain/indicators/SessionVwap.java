package io.liquidityengine.topology.domain.indicators;

import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bars.FootprintLevel;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Volume-weighted average price since the session start; resets when a bar starts a new session.
 * A bar contributes its footprint (price x volume at each level) when the footprint accounts for
 * all of its volume, else its typical price (high + low + close) / 3 x volume. The session of a bar
 * is the local date of {@code barStart - sessionStart} in the session time zone: the session that
 * starts at {@code sessionStart} on local date D runs until the next start and has key D.
 */
public final class SessionVwap {

    private final ZoneId zone;
    private final LocalTime sessionStart;
    private long sessionKey = Long.MIN_VALUE;
    private double priceVolume;
    private double volume;

    public SessionVwap(ZoneId zone, LocalTime sessionStart) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.sessionStart = Objects.requireNonNull(sessionStart, "sessionStart");
    }

    /** Adds a bar and returns the session VWAP (NaN while the session has no volume). */
    public double onBar(BarValue bar) {
        long key = sessionKeyOf(bar.startMicros());
        if (key != sessionKey) {
            sessionKey = key;
            priceVolume = 0;
            volume = 0;
        }
        double footprintVolume = 0;
        double footprintPriceVolume = 0;
        for (FootprintLevel level : bar.footprint()) {
            double v = level.bidVolume() + level.askVolume();
            footprintVolume += v;
            footprintPriceVolume += level.price() * v;
        }
        if (footprintVolume > 0 && Math.abs(footprintVolume - bar.volume()) <= 1e-9 * Math.max(1, bar.volume())) {
            priceVolume += footprintPriceVolume;
            volume += footprintVolume;
        } else {
            double typical = (bar.high() + bar.low() + bar.close()) / 3.0;
            priceVolume += typical * bar.volume();
            volume += bar.volume();
        }
        return value();
    }

    public double value() {
        return volume > 0 ? priceVolume / volume : Double.NaN;
    }

    public boolean isReady() {
        return volume > 0;
    }

    /** Epoch day of the session a time belongs to. */
    public long sessionKeyOf(long timeMicros) {
        ZonedDateTime local = Instant.ofEpochSecond(Math.floorDiv(timeMicros, 1_000_000L)).atZone(zone);
        return local.minusHours(sessionStart.getHour()).minusMinutes(sessionStart.getMinute())
                .minusSeconds(sessionStart.getSecond()).toLocalDate().toEpochDay();
    }

    public void reset() {
        sessionKey = Long.MIN_VALUE;
        priceVolume = 0;
        volume = 0;
    }
}
