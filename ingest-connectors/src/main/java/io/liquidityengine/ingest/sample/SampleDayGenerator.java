package io.liquidityengine.ingest.sample;

import io.liquidityengine.ingest.sierra.scid.Aggressor;
import io.liquidityengine.ingest.sierra.scid.ScidWriter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Generates a SYNTHETIC ES regular trading session (09:30-16:00 America/New_York by default): this
 * is made-up data for demos and tests, not a recording of any market.
 *
 * <p>Model: trades arrive as a Poisson process whose rate is U-shaped over the session (heavier at
 * the open and the close) and jumps during short bursts. The market is a one-tick-wide book on the
 * 0.25 grid; each trade lifts the ask (BUY) or hits the bid (SELL), and sometimes moves the book one
 * tick in the aggressor's direction. A hidden regime (trend up, trend down, range, calm) switches
 * every tens of minutes and tilts the buy probability (trends), pulls price back to an anchor
 * (range) or holds it within a few ticks of it (calm: slow, balanced trading, in which RSI on 5 s
 * bars stays between 40 and 60). Outside calm stretches, a sweep every few minutes takes 3-6 price
 * levels at once with one aggressive order, which leaves the stacked imbalances in the footprint
 * that become liquidity levels (67-93 per session on seeds 1-5, 7 and 42, against 20 without sweeps;
 * the real Sierra Chart ES bar/study export in the test resources counts 158 zones on its chart,
 * 73 of them filled, from its footprint study). Sizes are
 * mostly small with occasional blocks. The option-delta series (one row per minute, a few seconds
 * after the minute starts) follows a 10-minute exponential average of price with little noise, as
 * a net option delta moves slowly with the market, so a delta-based bias holds for minutes at a
 * time and sometimes says long and sometimes short. Typical output: 150k-250k ticks.
 *
 * <p>Deterministic: the same configuration and seed give byte-identical files on any JVM
 * ({@link Random} and {@link StrictMath} only).
 */
public final class SampleDayGenerator {

    /**
     * Generator settings.
     *
     * @param date           session date
     * @param seed           random seed
     * @param startPrice     first bid (rounded to the grid)
     * @param tickSize       price grid
     * @param zone           exchange time zone
     * @param open           session open (local)
     * @param close          session close (local, exclusive)
     * @param baseTicksPerSecond trade rate in the quiet middle of the day, outside bursts
     */
    public record Config(LocalDate date, long seed, double startPrice, double tickSize, ZoneId zone,
                         LocalTime open, LocalTime close, double baseTicksPerSecond) {

        public Config {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
            if (!open.isBefore(close)) {
                throw new IllegalArgumentException("open must be before close");
            }
            if (!(tickSize > 0) || !(startPrice > 0) || !(baseTicksPerSecond > 0)) {
                throw new IllegalArgumentException("tickSize, startPrice and baseTicksPerSecond must be > 0");
            }
        }

        /** ES RTH on {@code date}: start 6000.00, tick 0.25, 09:30-16:00 America/New_York, 4.5 ticks/s base rate. */
        public static Config es(LocalDate date, long seed) {
            return new Config(date, seed, 6000.00, 0.25, ZoneId.of("America/New_York"),
                    LocalTime.of(9, 30), LocalTime.of(16, 0), 4.5);
        }
    }

    private enum Regime { TREND_UP, TREND_DOWN, RANGE, CALM }

    /** Share of the switches out of a range (or into one from a trend) that go to a calm stretch instead. */
    private static final double CALM_SHARE = 0.7;
    /** Mean length of a calm stretch, minutes. */
    private static final double CALM_MINUTES = 25;
    /** How hard a calm market leans back to its anchor, per tick away (buy probability). */
    private static final double CALM_PULL = 0.1;
    /** Probability that a calm trade moves the book (0.06 otherwise). */
    private static final double CALM_MOVE = 0.03;
    /** Mean seconds between sweeps outside calm stretches. */
    private static final double SWEEP_EVERY_SECONDS = 240;
    /** Span of the price average the option delta follows, minutes. */
    private static final double DELTA_EMA_MINUTES = 10;

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Config config;

    public SampleDayGenerator(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** ES defaults for the date. */
    public SampleDayGenerator(long seed, LocalDate date) {
        this(Config.es(date, seed));
    }

    public Config config() {
        return config;
    }

    /** Name of the tick file for the configured date. */
    public String scidFileName() {
        return "ES-SYNTHETIC-" + config.date() + ".scid";
    }

    /** Name of the option-delta file for the configured date (the date in it is what the parser reads). */
    public String optionDeltaFileName() {
        return "optiondelta-" + config.date() + ".txt";
    }

    /** Generates the day in memory. */
    public SampleDay generate() {
        List<SampleTick> ticks = generateTicks();
        List<SampleDeltaRow> delta = generateDelta(ticks);
        return new SampleDay(ticks, delta, summarize(ticks, delta.size()));
    }

    /**
     * Generates the day and writes {@link #scidFileName()} (tick records via {@link ScidWriter}) and
     * {@link #optionDeltaFileName()} (header {@code time,delta} then {@code HH:MM:SS,value}) into {@code dir}.
     */
    public SampleDayFiles writeTo(Path dir) throws IOException {
        SampleDay day = generate();
        Files.createDirectories(dir);
        Path scid = dir.resolve(scidFileName());
        try (ScidWriter w = ScidWriter.create(scid)) {
            for (SampleTick t : day.ticks()) {
                w.writeTick(t.epochMicros(), (float) t.price(), (float) t.bid(), (float) t.ask(), t.volume(), t.aggressor());
            }
        }
        Path delta = dir.resolve(optionDeltaFileName());
        try (Writer w = Files.newBufferedWriter(delta, StandardCharsets.UTF_8)) {
            w.write("time,delta\n");
            for (SampleDeltaRow r : day.deltaRows()) {
                w.write(HMS.format(r.time()) + "," + r.value() + "\n");
            }
        }
        return new SampleDayFiles(scid, delta, day.summary());
    }

    private long epochMicros(LocalTime localTime) {
        ZonedDateTime z = ZonedDateTime.of(config.date(), localTime, config.zone());
        return z.toEpochSecond() * 1_000_000L;
    }

    private List<SampleTick> generateTicks() {
        Random rnd = new Random(config.seed());
        double tick = config.tickSize();
        long start = epochMicros(config.open());
        long end = epochMicros(config.close());
        double sessionSeconds = (end - start) / 1e6;

        List<SampleTick> out = new ArrayList<>(250_000);
        long bid = Math.round(config.startPrice() / tick);
        long t = start;

        Regime regime = Regime.RANGE;
        long regimeEnds = start + minutes(rnd, 20);
        long anchor = bid;

        long burstEnds = Long.MIN_VALUE;
        double burstRate = 1;
        double burstTilt = 0;

        while (true) {
            double s = (t - start) / 1e6;
            boolean inBurst = t < burstEnds;
            double rate = config.baseTicksPerSecond()
                    * (1 + 2.0 * StrictMath.exp(-s / 1200.0) + 1.2 * StrictMath.exp(-(sessionSeconds - s) / 1500.0))
                    * (inBurst ? burstRate : 1);
            double waitSeconds = -StrictMath.log(1 - rnd.nextDouble()) / rate;
            t += Math.max(1L, (long) (waitSeconds * 1e6));
            if (t >= end) {
                break;
            }
            if (t >= regimeEnds) {
                regime = nextRegime(regime, rnd);
                anchor = bid;
                regimeEnds = t + minutes(rnd, regime == Regime.RANGE ? 35 : regime == Regime.CALM ? CALM_MINUTES : 25);
            }
            inBurst = t < burstEnds;
            if (!inBurst && regime != Regime.CALM && rnd.nextDouble() < waitSeconds / 90.0) {
                // a burst every ~90 s on average, lasting ~8 s, mostly in the trend's direction
                burstEnds = t + Math.max(1_000_000L, (long) (-StrictMath.log(1 - rnd.nextDouble()) * 8e6));
                burstRate = 3 + 5 * rnd.nextDouble();
                double side = regime == Regime.TREND_UP ? 0.65 : regime == Regime.TREND_DOWN ? 0.35 : 0.5;
                burstTilt = rnd.nextDouble() < side ? 0.08 : -0.08;
                inBurst = true;
            }

            double pBuy = 0.5;
            switch (regime) {
                case TREND_UP -> pBuy += 0.03;
                case TREND_DOWN -> pBuy -= 0.03;
                case RANGE -> pBuy -= 0.04 * Math.max(-2.5, Math.min(2.5, (bid - anchor) / 24.0));
                case CALM -> pBuy -= CALM_PULL * Math.max(-3, Math.min(3, bid - anchor));
            }
            if (inBurst) {
                pBuy += burstTilt;
            }
            Aggressor side = rnd.nextDouble() < pBuy ? Aggressor.BUY : Aggressor.SELL;

            long size;
            if (rnd.nextDouble() < 0.002) {
                size = 25 + rnd.nextInt(76);
            } else {
                size = 1 + (long) (-StrictMath.log(1 - rnd.nextDouble()) * (inBurst ? 5.0 : 2.5));
            }

            if (regime != Regime.CALM && rnd.nextDouble() < waitSeconds / SWEEP_EVERY_SECONDS) {
                // a sweep: one large aggressive order takes 3-6 price levels at once (a stacked imbalance)
                double up = regime == Regime.TREND_UP ? 0.75 : regime == Regime.TREND_DOWN ? 0.25 : 0.5;
                Aggressor sweepSide = rnd.nextDouble() < up ? Aggressor.BUY : Aggressor.SELL;
                int levels = 3 + rnd.nextInt(4);
                for (int l = 0; l < levels && t < end; l++) {
                    int prints = 2 + rnd.nextInt(3);
                    for (int k = 0; k < prints; k++) {
                        long px = sweepSide == Aggressor.BUY ? bid + 1 : bid;
                        out.add(new SampleTick(t, px * tick, bid * tick, (bid + 1) * tick, 3 + rnd.nextInt(10), sweepSide));
                        t += 1 + rnd.nextInt(2_000);
                    }
                    bid += sweepSide == Aggressor.BUY ? 1 : -1;
                }
                continue;
            }
            long priceTicks = side == Aggressor.BUY ? bid + 1 : bid;
            out.add(new SampleTick(t, priceTicks * tick, bid * tick, (bid + 1) * tick, size, side));

            if (rnd.nextDouble() < (inBurst ? 0.12 : regime == Regime.CALM ? CALM_MOVE : 0.06)) {
                bid += side == Aggressor.BUY ? 1 : -1;
            }
        }
        return out;
    }

    private List<SampleDeltaRow> generateDelta(List<SampleTick> ticks) {
        Random rnd = new Random(config.seed() * 0x9E3779B97F4A7C15L + 1);
        double tick = config.tickSize();
        List<SampleDeltaRow> rows = new ArrayList<>();
        double value = 1_500_000 + rnd.nextInt(200_000);
        double firstPrice = ticks.isEmpty() ? config.startPrice() : ticks.get(0).price();
        double average = Double.NaN;
        double alpha = 2.0 / (DELTA_EMA_MINUTES + 1);
        int i = 0;
        for (LocalTime minute = config.open(); minute.isBefore(config.close()); minute = minute.plusMinutes(1)) {
            LocalTime rowTime = minute.plusSeconds(rnd.nextInt(6));
            long rowMicros = epochMicros(rowTime);
            while (i < ticks.size() && ticks.get(i).epochMicros() <= rowMicros) {
                i++;
            }
            double price = i == 0 ? firstPrice : ticks.get(i - 1).price();
            // the delta follows the average price: 1,500 per tick it moves, plus a little noise
            double previous = average;
            average = Double.isNaN(average) ? price : average + alpha * (price - average);
            value += 1_500 * (Double.isNaN(previous) ? 0 : (average - previous) / tick) + rnd.nextGaussian() * 300;
            rows.add(new SampleDeltaRow(rowTime,
                    BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString()));
        }
        return rows;
    }

    private static SampleDaySummary summarize(List<SampleTick> ticks, int deltaRows) {
        if (ticks.isEmpty()) {
            return new SampleDaySummary(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, deltaRows);
        }
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        long volume = 0;
        long buy = 0;
        for (SampleTick t : ticks) {
            high = Math.max(high, t.price());
            low = Math.min(low, t.price());
            volume += t.volume();
            if (t.aggressor() == Aggressor.BUY) {
                buy += t.volume();
            }
        }
        SampleTick first = ticks.get(0);
        SampleTick last = ticks.get(ticks.size() - 1);
        return new SampleDaySummary(ticks.size(), first.epochMicros(), last.epochMicros(), first.price(), last.price(),
                high, low, volume, buy, volume - buy, deltaRows);
    }

    private static Regime nextRegime(Regime current, Random rnd) {
        double u = rnd.nextDouble();
        if (current == Regime.RANGE || current == Regime.CALM) {
            if (current == Regime.RANGE && u < CALM_SHARE) {
                return Regime.CALM;
            }
            return rnd.nextDouble() < 0.5 ? Regime.TREND_UP : Regime.TREND_DOWN;
        }
        if (u < 0.6) {
            return rnd.nextDouble() < CALM_SHARE ? Regime.CALM : Regime.RANGE;
        }
        return u < 0.8 ? Regime.TREND_UP : Regime.TREND_DOWN;
    }

    /** A duration drawn around {@code mean} minutes (exponential, at least 5 minutes), in microseconds. */
    private static long minutes(Random rnd, double mean) {
        double m = 5 + -StrictMath.log(1 - rnd.nextDouble()) * (mean - 5);
        return (long) (m * 60e6);
    }
}
