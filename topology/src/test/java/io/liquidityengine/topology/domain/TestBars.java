package io.liquidityengine.topology.domain;

import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bars.FootprintLevel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixtures: times and bars. */
public final class TestBars {

    /** 2024-12-06T14:30:00Z in microseconds. */
    public static final long T0 = 1_733_495_400_000_000L;
    public static final long SECOND = 1_000_000L;
    public static final long MINUTE = 60 * SECOND;
    public static final String ES = "ES";
    public static final TickGrid ES_GRID = new TickGrid(0.25);

    private TestBars() {
    }

    /** A 5 s bar without footprint starting {@code seconds} after T0. */
    public static BarValue bar(long seconds, double open, double high, double low, double close) {
        return BarValue.ohlcv(ES, 5, T0 + seconds * SECOND, open, high, low, close, 100);
    }

    /** A 5 s bar with a footprint given as (price, bid, ask) triples. */
    public static BarValue footprintBar(long seconds, double open, double high, double low, double close,
                                        double... priceBidAsk) {
        List<FootprintLevel> fp = new ArrayList<>();
        double bid = 0;
        double ask = 0;
        for (int i = 0; i < priceBidAsk.length; i += 3) {
            fp.add(new FootprintLevel(priceBidAsk[i], priceBidAsk[i + 1], priceBidAsk[i + 2]));
            bid += priceBidAsk[i + 1];
            ask += priceBidAsk[i + 2];
        }
        long start = T0 + seconds * SECOND;
        return new BarValue(ES, 5, start, start + 5 * SECOND, open, high, low, close, bid + ask, fp.size(), bid, ask,
                fp, Map.of());
    }

    /** The 1-minute ES bars of the test resource (timestamp,open,high,low,close,volume; times as UTC). */
    public static List<BarValue> esMinuteBars() {
        List<BarValue> bars = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TestBars.class.getResourceAsStream("/es-1min-300.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                long start = LocalDateTime.parse(f[0].replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC) * SECOND;
                bars.add(BarValue.ohlcv(ES, 60, start, Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bars;
    }
}
