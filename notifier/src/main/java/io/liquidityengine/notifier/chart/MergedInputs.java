package io.liquidityengine.notifier.chart;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.signals.Bias;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * The chart inputs merged in event-time order: one queue per topic-partition (each already in its own
 * order); {@link #next} hands out the head with the earliest event time, but only while no partition
 * that may still hold earlier records (its queue empty and not consumed to its end) could interleave.
 * Ties go by topic (instruments, levels, reports, bias, bars, market clock), then partition, so the
 * same records come out in the same order whatever the fetches were. Pure: the caller says which
 * partitions are consumed to their end.
 */
public final class MergedInputs {

    /** One decoded record: its event time and topic rank decide the order. */
    public record Input(TopicPartition partition, long offset, Instant time, int rank, Object value) {
    }

    private static final List<String> RANKS = List.of(Topics.REF_INSTRUMENTS.name(), Topics.SIG_LEVELS.name(),
            Topics.EXEC_REPORTS.name(), Topics.SIG_BIAS.name(), Topics.SIG_BARS.name(), Topics.EXEC_MARKET_CLOCK.name());

    private static final Comparator<Input> ORDER = Comparator.comparing(Input::time).thenComparingInt(Input::rank)
            .thenComparing(i -> i.partition().topic()).thenComparingInt(i -> i.partition().partition()).thenComparingLong(Input::offset);

    private final Map<TopicPartition, ArrayDeque<Input>> queues = new LinkedHashMap<>();

    /** The partitions read; each gets a queue. */
    public MergedInputs(Iterable<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            queues.put(tp, new ArrayDeque<>());
        }
    }

    /** The input of a record value of one of the chart topics; null for a value of another type. */
    public static Input input(TopicPartition tp, long offset, Object value) {
        Instant time;
        if (value instanceof Instrument) {
            time = Instant.MIN; // reference data: before anything else
        } else if (value instanceof Bar b) {
            time = b.getEndTime();
        } else if (value instanceof Bias b) {
            time = b.getEventTime();
        } else if (value instanceof LiquidityLevel l) {
            time = ChartBook.eventTime(l);
        } else if (value instanceof ExecutionReport r) {
            time = r.getEventTime();
        } else if (value instanceof MarketClock c) {
            time = c.getEventTime();
        } else {
            return null;
        }
        int rank = RANKS.indexOf(tp.topic());
        return new Input(tp, offset, time, rank < 0 ? RANKS.size() : rank, value);
    }

    public void add(Input in) {
        queues.get(in.partition()).add(in);
    }

    /**
     * The next input in event-time order, removed; null when none may be handed out yet: every queue is
     * empty, or an empty queue's partition is not consumed to its end ({@code caughtUp} false), so a record
     * still to fetch there might come first.
     */
    public Input next(Predicate<TopicPartition> caughtUp) {
        ArrayDeque<Input> best = null;
        for (Map.Entry<TopicPartition, ArrayDeque<Input>> e : queues.entrySet()) {
            ArrayDeque<Input> q = e.getValue();
            if (q.isEmpty()) {
                if (!caughtUp.test(e.getKey())) {
                    return null;
                }
            } else if (best == null || ORDER.compare(q.peek(), best.peek()) < 0) {
                best = q;
            }
        }
        return best == null ? null : best.poll();
    }

    /** True when no record is queued. */
    public boolean isEmpty() {
        return queues.values().stream().allMatch(ArrayDeque::isEmpty);
    }
}
