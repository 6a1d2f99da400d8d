package io.liquidityengine.notifier.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Side;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The event-time merge of the chart inputs: order, ties, and holding back while a partition may still have earlier records. */
class MergedInputsTest {

    private static final TopicPartition INSTRUMENTS = new TopicPartition(Topics.REF_INSTRUMENTS.name(), 0);
    private static final TopicPartition BARS = new TopicPartition(Topics.SIG_BARS.name(), 0);
    private static final TopicPartition BIAS = new TopicPartition(Topics.SIG_BIAS.name(), 0);
    private static final TopicPartition LEVELS = new TopicPartition(Topics.SIG_LEVELS.name(), 0);
    private static final TopicPartition REPORTS = new TopicPartition(Topics.EXEC_REPORTS.name(), 0);

    private final MergedInputs merged = new MergedInputs(List.of(INSTRUMENTS, BARS, BIAS, LEVELS, REPORTS));
    private final Set<TopicPartition> atEnd = new HashSet<>(Set.of(INSTRUMENTS, BARS, BIAS, LEVELS, REPORTS));
    private long offset;

    private void add(TopicPartition tp, Object value) {
        merged.add(MergedInputs.input(tp, offset++, value));
    }

    private List<String> drain() {
        List<String> out = new ArrayList<>();
        MergedInputs.Input in;
        while ((in = merged.next(atEnd::contains)) != null) {
            out.add(in.partition().topic() + "@" + (in.time().equals(java.time.Instant.MIN) ? "-" : in.time().toString().substring(11, 19)));
        }
        return out;
    }

    @Test
    void eventTimeOrderAcrossTopicsWithTiesByTopic() {
        add(BARS, Session.bar(0)); // ends 14:31
        add(BARS, Session.bar(1)); // 14:32
        add(BIAS, Session.bias(0)); // 14:31
        add(BIAS, Session.bias(1)); // 14:32
        add(REPORTS, Session.fill("f", 90, 6000.0, Side.BUY, OrderRole.ENTRY)); // 14:31:30
        add(LEVELS, Session.level("L", 6001.0, LevelEvent.FILLED, 0, 1)); // filled 14:31
        add(INSTRUMENTS, Session.instrument("ES", "America/New_York", LocalTime.of(16, 0)));

        assertThat(drain()).containsExactly("ref.instruments@-", "sig.levels@14:31:00", "sig.bias@14:31:00", "sig.bars@14:31:00",
                "exec.reports@14:31:30", "sig.bias@14:32:00", "sig.bars@14:32:00");
        assertThat(merged.isEmpty()).isTrue();
    }

    @Test
    void anEmptyPartitionNotConsumedToItsEndHoldsTheMergeBack() {
        add(BIAS, Session.bias(0));
        add(BARS, Session.bar(0));
        atEnd.remove(REPORTS); // exec.reports has records committed but not fetched yet

        assertThat(drain()).isEmpty();

        add(REPORTS, Session.fill("f", 30, 6000.0, Side.BUY, OrderRole.ENTRY)); // 14:30:30, before the bias
        assertThat(drain()).as("the fill first, then the queue is empty and not at its end again").containsExactly("exec.reports@14:30:30");
        atEnd.add(REPORTS);
        assertThat(drain()).containsExactly("sig.bias@14:31:00", "sig.bars@14:31:00");
    }

    @Test
    void theEarliestHeadGoesFirstThenItsEmptiedPartitionHoldsTheRestBack() {
        add(REPORTS, Session.fill("f", 30, 6000.0, Side.BUY, OrderRole.ENTRY));
        add(BARS, Session.bar(0));
        add(BIAS, Session.bias(0));
        add(LEVELS, Session.level("L", 6001.0, LevelEvent.CREATED, 0, null));
        atEnd.clear();
        atEnd.add(INSTRUMENTS);

        // sig.levels' next record may be earlier than the fill at 14:30:30
        assertThat(drain()).containsExactly("sig.levels@14:30:00");
        atEnd.add(LEVELS);
        assertThat(drain()).containsExactly("exec.reports@14:30:30");
        atEnd.addAll(List.of(REPORTS, BIAS, BARS));
        assertThat(drain()).containsExactly("sig.bias@14:31:00", "sig.bars@14:31:00");
    }
}
