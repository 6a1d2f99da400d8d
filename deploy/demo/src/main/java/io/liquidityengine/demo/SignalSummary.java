package io.liquidityengine.demo;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import io.liquidityengine.schemas.signals.TradePlan;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The signal side of the demo's summary, from the topics: ticks, bars, the day's range, levels, bias flips, plans, dead letters. */
final class SignalSummary {

    private SignalSummary() {
    }

    static void print(TopicReader reader, String heading, ZoneId zone) {
        List<ConsumerRecord<String, Bar>> bars = reader.readAll(Topics.SIG_BARS);
        Map<Integer, Integer> byInterval = new TreeMap<>();
        bars.forEach(r -> byInterval.merge(r.value().getIntervalSeconds(), 1, Integer::sum));
        List<Bar> minutes = bars.stream().map(ConsumerRecord::value).filter(b -> b.getIntervalSeconds() == 60)
                .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime())).toList();
        long deadLetters = reader.readAll(Topics.DLQ_TOPOLOGY).size() + reader.readAll(Topics.DLQ_INGEST).size();

        System.out.println();
        System.out.println(heading);
        System.out.printf("  ticks on md.ticks:        %,d%n", reader.readAll(Topics.MD_TICKS).size());
        byInterval.forEach((interval, n) -> System.out.printf("  %-25s %,d%n", label(interval) + " bars on sig.bars:", n));
        if (!minutes.isEmpty()) {
            double high = minutes.stream().mapToDouble(Bar::getHigh).max().orElseThrow();
            double low = minutes.stream().mapToDouble(Bar::getLow).min().orElseThrow();
            double volume = minutes.stream().mapToDouble(Bar::getVolume).sum();
            Bar first = minutes.get(0);
            Bar last = minutes.get(minutes.size() - 1);
            System.out.printf("  day from 1m bars %s-%s: open %.2f high %.2f low %.2f close %.2f volume %,.0f%n",
                    first.getStartTime().atZone(zone).toLocalTime(), last.getEndTime().atZone(zone).toLocalTime(),
                    first.getOpen(), high, low, last.getClose(), volume);
        }
        printSignals(reader, zone);
        System.out.printf("  dead letters:             %,d%n", deadLetters);
        System.out.println();
    }

    /** Levels created and filled, bias flips and plans of the day. */
    private static void printSignals(TopicReader reader, ZoneId zone) {
        List<LiquidityLevel> levels = reader.readAll(Topics.SIG_LEVELS).stream().map(ConsumerRecord::value).toList();
        Map<String, Long> levelCounts = new TreeMap<>();
        levels.forEach(l -> levelCounts.merge(l.getEvent() + " " + l.getOrigin(), 1L, Long::sum));
        long created = levels.stream().filter(l -> l.getEvent() == LevelEvent.CREATED).count();
        long filled = levels.stream().filter(l -> l.getEvent() == LevelEvent.FILLED).count();
        System.out.printf("  levels on sig.levels:     %,d created, %,d filled (%,d still unfilled)%n", created, filled, created - filled);
        levelCounts.forEach((k, n) -> System.out.printf("    %-32s %,d%n", k, n));

        List<Bias> bias = reader.readAll(Topics.SIG_BIAS).stream().map(ConsumerRecord::value)
                .sorted((a, b) -> a.getEventTime().compareTo(b.getEventTime())).toList();
        List<String> flips = new ArrayList<>();
        BiasValue last = BiasValue.HOLD;
        Map<BiasValue, Long> barsBy = new TreeMap<>();
        for (Bias b : bias) {
            barsBy.merge(b.getBias(), 1L, Long::sum);
            if (b.getFlip() && b.getBias() != last) {
                flips.add(String.format("%s %s -> %s (close %.2f, ROC15 %s, slope %s)", b.getEventTime().atZone(zone).toLocalTime(),
                        b.getPreviousBias(), b.getBias(), b.getClose(), pct(b.getRoc15()), pct(b.getSlope())));
            }
            last = b.getBias();
        }
        System.out.printf("  bias on sig.bias:         %,d records (%s), %,d flips%n", bias.size(), barsBy, flips.size());
        flips.stream().limit(12).forEach(f -> System.out.println("    " + f));
        if (flips.size() > 12) {
            System.out.printf("    ... %,d more%n", flips.size() - 12);
        }

        List<TradePlan> plans = reader.readAll(Topics.SIG_PLANS).stream().map(ConsumerRecord::value).toList();
        Map<String, Long> planCounts = new TreeMap<>();
        plans.forEach(p -> planCounts.merge(p.getStrategyId() + " " + p.getStatus(), 1L, Long::sum));
        System.out.printf("  plans on sig.plans:       %,d events %s%n", plans.size(), planCounts);
        plans.stream().limit(12).forEach(p -> System.out.printf("    %s %-9s %s %-4s entry %.2f stop %.2f targets %s R:R %.2f%s%n",
                p.getEventTime().atZone(zone).toLocalTime(), p.getStatus(), p.getPlanId(), p.getSide(), p.getEntryPrice(),
                p.getStopPrice(), p.getLegs().stream().map(l -> String.format("%.2f", l.getTargetPrice())).toList(), p.getRewardRisk(),
                p.getReason() == null ? "" : " (" + p.getReason() + ")"));
        if (plans.size() > 12) {
            System.out.printf("    ... %,d more%n", plans.size() - 12);
        }
    }

    private static String pct(Double ratio) {
        return ratio == null ? "n/a" : String.format("%+.2f%%", ratio * 100);
    }

    private static String label(int seconds) {
        return seconds < 60 ? seconds + "s" : seconds < 3600 ? seconds / 60 + "m" : seconds / 3600 + "h";
    }

}
