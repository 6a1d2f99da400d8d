package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import static io.liquidityengine.topology.stream.TopologyFixture.T0;
import static io.liquidityengine.topology.stream.TopologyFixture.importedBar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.StrategyKind;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.signals.PlanLeg;
import io.liquidityengine.schemas.signals.PlanSide;
import io.liquidityengine.schemas.signals.PlanStatus;
import io.liquidityengine.schemas.signals.TradePlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class RuleStrategyStageTest {

    private static final long T0_MICROS = Micros.of(T0);
    private static final String HAMMER = """
            {"timeframe": "1m", "long": {"pattern": "hammer"},
             "plan": {"stopPoints": 2.0, "targetsR": [1, 2, 3], "weights": [1, 2, 1], "validBars": 1}}""";

    /** 12 base bars of 5 s making up the minute starting {@code minute} minutes after T0, with the given 1-minute OHLC. */
    private static void pipeMinute(TopologyFixture f, int minute, double open, double high, double low, double close) {
        long s = minute * 60L;
        f.pipe(importedBar(s, open, open, open, open));
        f.pipe(importedBar(s + 5, open, high, open, high));
        f.pipe(importedBar(s + 10, high, high, low, low));
        for (int i = 3; i < 11; i++) {
            f.pipe(importedBar(s + 5L * i, low, low, low, low));
        }
        f.pipe(importedBar(s + 55, low, close, low, close));
    }

    @Test
    void shouldRollBaseBarsUpToTheTimeframeAndPlanOnAHammerThenLetItExpire() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.pipeStrategy("hammer", 1, StrategyKind.RULES, true, HAMMER, T0);
            // minute 0: open 5000.00, high 5000.25, low 4998.00, close 5000.25 -> body 0.25, lower shadow 2.00 >= 0.50,
            // upper shadow 0 <= 0.25: a hammer
            pipeMinute(f, 0, 5000.00, 5000.25, 4998.00, 5000.25);
            List<TradePlan> first = f.output(Topics.SIG_PLANS).readValuesToList();
            assertThat(first).hasSize(1);
            TradePlan plan = first.get(0);
            assertThat(plan.getPlanId()).isEqualTo("hammer:ES:" + T0_MICROS);
            assertThat(plan.getStrategyId()).isEqualTo("hammer");
            assertThat(plan.getStatus()).isEqualTo(PlanStatus.NEW);
            assertThat(plan.getSide()).isEqualTo(PlanSide.BUY);
            assertThat(plan.getEventTime()).isEqualTo(T0.plusSeconds(60));
            assertThat(plan.getEntryPrice()).isEqualTo(5000.25);
            assertThat(plan.getStopPrice()).isEqualTo(4998.25);
            assertThat(plan.getLegs()).containsExactly(new PlanLeg(1, 1, 5002.25), new PlanLeg(2, 2, 5004.25), new PlanLeg(3, 1, 5006.25));
            assertThat(plan.getRewardRisk()).isEqualTo(1.0);

            // minute 1: open 5000.25, high 5001.00, low 5000.25, close 5001.00 -> upper shadow 0, lower 0, body 0.75: no hammer
            pipeMinute(f, 1, 5000.25, 5001.00, 5000.25, 5001.00);
            assertThat(f.output(Topics.SIG_PLANS).readValuesToList()).extracting(TradePlan::getPlanId, TradePlan::getRevision,
                    TradePlan::getStatus, TradePlan::getReason, TradePlan::getEventTime).containsExactly(
                    tuple("hammer:ES:" + T0_MICROS, 1, PlanStatus.CANCELLED, "expired: rule no longer fires", T0.plusSeconds(120)));
        }
    }

    @Test
    void shouldApplyADefinitionChangeWithoutARestartAndCancelTheLivePlanWhenDisabled() {
        try (TopologyFixture f = new TopologyFixture()) {
            pipeMinute(f, 0, 5000.00, 5000.25, 4998.00, 5000.25);               // a hammer, but no strategy yet
            assertThat(f.output(Topics.SIG_PLANS).isEmpty()).isTrue();

            f.pipeStrategy("hammer", 1, StrategyKind.RULES, true, HAMMER, T0.plusSeconds(60));
            pipeMinute(f, 1, 5000.00, 5000.25, 4998.00, 5000.25);               // applied from the next bar
            assertThat(f.output(Topics.SIG_PLANS).readValuesToList()).extracting(TradePlan::getStatus).containsExactly(PlanStatus.NEW);

            f.pipeStrategy("hammer", 2, StrategyKind.RULES, false, HAMMER, T0.plusSeconds(120));
            f.pipe(importedBar(120, 5000.25, 5000.25, 5000.25, 5000.25));
            assertThat(f.output(Topics.SIG_PLANS).readValuesToList()).extracting(TradePlan::getRevision, TradePlan::getStatus,
                    TradePlan::getReason, TradePlan::getEventTime).containsExactly(
                    tuple(1, PlanStatus.CANCELLED, "strategy disabled or removed", T0.plusSeconds(125)));
            assertThat(f.driver.<String, byte[]>getKeyValueStore(SignalProcessor.STRATEGY_STORE).get("ES|hammer")).isNull();
        }
    }

    @Test
    void shouldDeadLetterAnInvalidDefinitionOnceAndKeepRunning() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.pipeStrategy("broken", 1, StrategyKind.RULES, true, "{\"timeframe\": \"1m\", \"long\": {\"pattern\": \"doji\"}}", T0);
            f.pipe(importedBar(0, 5000.00, 5000.00, 5000.00, 5000.00));
            f.pipe(importedBar(5, 5000.00, 5000.00, 5000.00, 5000.00));
            List<DeadLetter> letters = f.output(Topics.DLQ_TOPOLOGY).readValuesToList();
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).getSource()).isEqualTo("topology.strategies");
            assertThat(letters.get(0).getReason()).isEqualTo(DeadLetterReason.INVALID_VALUE);
            assertThat(letters.get(0).getDetail()).contains("unknown pattern 'doji'");
            assertThat(f.output(Topics.SIG_BIAS).readValuesToList()).hasSize(2);
        }
    }

    /**
     * The shipped example over the real ES 1-minute bars (15,176 bars, two weeks of sessions). The
     * expected plan events are computed independently here: EMA and RSI by ta4j, the patterns and
     * the plan lifecycle re-derived from their definitions over plain arrays.
     */
    @Test
    void shouldRunTheShippedExampleOverTheRealEsMinuteBarsExactlyAsAnIndependentComputation() throws IOException {
        String json;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/strategies/ema-cross-patterns.json"))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Bar> bars = esMinuteBars();
        assertThat(bars).hasSize(15_176);

        List<TradePlan> actual;
        try (TopologyFixture f = new TopologyFixture()) {
            f.pipeStrategy("ema-cross-patterns", 1, StrategyKind.RULES, true, json, Instant.EPOCH);
            bars.forEach(f::pipe);
            actual = f.output(Topics.SIG_PLANS).readValuesToList().stream()
                    .filter(p -> p.getStrategyId().equals("ema-cross-patterns")).toList();
            assertThat(f.output(Topics.DLQ_TOPOLOGY).isEmpty()).isTrue();
        }

        List<String> expected = independentPlanEvents(bars);
        List<String> got = actual.stream().map(p -> p.getStatus() + " " + p.getSide() + " " + p.getPlanId() + " r" + p.getRevision()
                + " entry " + p.getEntryPrice() + " stop " + p.getStopPrice() + " t " + p.getLegs().stream().map(PlanLeg::getTargetPrice).toList()
                + " at " + p.getEventTime()).toList();
        for (int i = 0; i < Math.min(got.size(), expected.size()); i++) {
            assertThat(got.get(i)).as("plan event %d (of %d expected, %d produced)", i, expected.size(), got.size()).isEqualTo(expected.get(i));
        }
        assertThat(got).containsExactlyElementsOf(expected);
        long news = got.stream().filter(s -> s.startsWith("NEW")).count();
        long amended = got.stream().filter(s -> s.startsWith("AMENDED")).count();
        long cancelled = got.stream().filter(s -> s.startsWith("CANCELLED")).count();
        // pinned counts: both computations agree on them, and the example exercises every lifecycle event
        assertThat(List.of(news, amended, cancelled)).containsExactly(1553L, 719L, 1552L);
    }

    /** The plan events of ema-cross-patterns.json computed without the engine's code. */
    private static List<String> independentPlanEvents(List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName("ES").build();
        for (Bar b : bars) {
            series.addBar(b.getEndTime().atZone(ZoneOffset.UTC), b.getOpen(), b.getHigh(), b.getLow(), b.getClose(), b.getVolume());
        }
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        EMAIndicator ema9 = new EMAIndicator(close, 9);
        EMAIndicator ema21 = new EMAIndicator(close, 21);
        EMAIndicator ema50 = new EMAIndicator(close, 50);
        RSIIndicator rsi14 = new RSIIndicator(close, 14);
        int n = bars.size();
        double[] e9 = new double[n];
        double[] e21 = new double[n];
        double[] e50 = new double[n];
        double[] r14 = new double[n];
        for (int i = 0; i < n; i++) {
            // warm-up as documented: EMA(n) from its n-th value, RSI(n) from its (n+1)-th
            e9[i] = i >= 8 ? ema9.getValue(i).doubleValue() : Double.NaN;
            e21[i] = i >= 20 ? ema21.getValue(i).doubleValue() : Double.NaN;
            e50[i] = i >= 49 ? ema50.getValue(i).doubleValue() : Double.NaN;
            r14[i] = i >= 14 ? rsi14.getValue(i).doubleValue() : Double.NaN;
        }
        List<String> events = new ArrayList<>();
        String livePlan = null;
        String liveSide = null;
        double liveEntry = 0;
        double liveStop = 0;
        List<Double> liveTargets = null;
        int revision = 0;
        int sinceFire = 0;
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            double o = b.getOpen();
            double h = b.getHigh();
            double l = b.getLow();
            double c = b.getClose();
            double body = Math.abs(c - o);
            double lower = Math.min(o, c) - l;
            double upper = h - Math.max(o, c);
            boolean hammer = h > l && lower >= 2 * body && upper <= body;
            boolean star = h > l && upper >= 2 * body && lower <= body;
            boolean bullEngulf = false;
            boolean bearEngulf = false;
            boolean crossUp = false;
            boolean crossDown = false;
            if (i > 0) {
                Bar p = bars.get(i - 1);
                bullEngulf = p.getClose() < p.getOpen() && c > o && o <= p.getClose() && c >= p.getOpen() && body > p.getOpen() - p.getClose();
                bearEngulf = p.getClose() > p.getOpen() && c < o && o >= p.getClose() && c <= p.getOpen() && body > p.getClose() - p.getOpen();
                boolean defined = !Double.isNaN(e9[i - 1]) && !Double.isNaN(e21[i - 1]);
                crossUp = defined && e9[i - 1] <= e21[i - 1] && e9[i] > e21[i];
                crossDown = defined && e9[i - 1] >= e21[i - 1] && e9[i] < e21[i];
            }
            // comparisons with a value still warming up (NaN) are false
            boolean longFires = (crossUp || bullEngulf || hammer) && r14[i] < 70 && c >= e50[i] && !star;
            boolean shortFires = (crossDown || bearEngulf || star) && r14[i] > 30 && c <= e50[i] && !hammer;
            String fired = longFires == shortFires ? null : longFires ? "BUY" : "SELL";
            Instant at = b.getEndTime();
            if (livePlan != null) {
                if (fired == null) {
                    if (++sinceFire >= 3) {
                        events.add(event("CANCELLED", liveSide, livePlan, ++revision, liveEntry, liveStop, liveTargets, at));
                        livePlan = null;
                    }
                } else if (!fired.equals(liveSide)) {
                    events.add(event("CANCELLED", liveSide, livePlan, ++revision, liveEntry, liveStop, liveTargets, at));
                    livePlan = null;
                } else {
                    sinceFire = 0;
                    if (c != liveEntry) {
                        liveEntry = c;
                        liveStop = fired.equals("BUY") ? c - 4 : c + 4;
                        liveTargets = targets(fired, c);
                        events.add(event("AMENDED", liveSide, livePlan, ++revision, liveEntry, liveStop, liveTargets, at));
                    }
                }
            }
            if (livePlan == null && fired != null) {
                livePlan = "ema-cross-patterns:ES:" + Micros.of(b.getStartTime());
                liveSide = fired;
                liveEntry = c;
                liveStop = fired.equals("BUY") ? c - 4 : c + 4;
                liveTargets = targets(fired, c);
                revision = 0;
                sinceFire = 0;
                events.add(event("NEW", liveSide, livePlan, revision, liveEntry, liveStop, liveTargets, at));
            }
        }
        return events;
    }

    private static List<Double> targets(String side, double entry) {
        double sign = side.equals("BUY") ? 1 : -1;
        return List.of(entry + sign * 4, entry + sign * 8, entry + sign * 12);
    }

    private static String event(String status, String side, String id, int revision, double entry, double stop, List<Double> targets, Instant at) {
        return status + " " + side + " " + id + " r" + revision + " entry " + entry + " stop " + stop + " t " + targets + " at " + at;
    }

    /** The real ES 1-minute bars (timestamp,open,high,low,close,volume; times taken as UTC). */
    static List<Bar> esMinuteBars() {
        List<Bar> bars = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(RuleStrategyStageTest.class.getResourceAsStream("/es-1min-sample.csv"))) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] c = line.split(",");
                Instant start = LocalDateTime.parse(c[0].replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                Bar bar = importedBar(start, 60, Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3]),
                        Double.parseDouble(c[4]), List.of());
                bar.setVolume(Double.parseDouble(c[5]));
                bars.add(bar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bars;
    }
}
