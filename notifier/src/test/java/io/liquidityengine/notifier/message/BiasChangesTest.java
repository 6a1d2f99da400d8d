package io.liquidityengine.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One flip message per real change of an instrument's bias, the same after a restart primed from the topic. */
class BiasChangesTest {

    private static final Instant T = Instant.parse("2024-12-05T14:31:00Z");

    /** ES's records at offsets 0..8 (5 s bars), NQ's interleaved at 9..10: bias, the previous minute's bias, the flag. */
    private static final List<Bias> RECORDS = List.of(
            bias("ES", 0, BiasValue.HOLD, BiasValue.HOLD, false),
            bias("ES", 5, BiasValue.LONG, BiasValue.HOLD, true),    // a change
            bias("ES", 10, BiasValue.LONG, BiasValue.HOLD, true),   // flagged again in the same minute: not a change
            bias("ES", 15, BiasValue.LONG, BiasValue.HOLD, true),
            bias("ES", 60, BiasValue.LONG, BiasValue.LONG, false),  // the next minute
            bias("ES", 65, BiasValue.HOLD, BiasValue.LONG, true),   // a change
            bias("ES", 70, BiasValue.LONG, BiasValue.LONG, false),  // back, not flagged (the minute before was LONG)
            bias("ES", 75, BiasValue.HOLD, BiasValue.LONG, true),   // a change again
            bias("ES", 80, BiasValue.HOLD, BiasValue.LONG, true),
            bias("NQ", 80, BiasValue.SHORT, BiasValue.HOLD, true),  // another instrument: its own first change
            bias("NQ", 85, BiasValue.SHORT, BiasValue.HOLD, true));

    @Test
    void shouldPostOneFlipPerRealChangePerInstrument() {
        BiasChanges changes = new BiasChanges();
        assertThat(messages(changes, 0)).containsExactly(
                "**ES** bias flip HOLD → LONG at 6000 (2024-12-05 14:31:05 UTC)",
                "**ES** bias flip LONG → HOLD at 6000 (2024-12-05 14:32:05 UTC)",
                "**ES** bias flip LONG → HOLD at 6000 (2024-12-05 14:32:15 UTC)",
                "**NQ** bias flip HOLD → SHORT at 6000 (2024-12-05 14:32:20 UTC)");
    }

    @Test
    void shouldGiveTheSameMessagesAfterARestartPrimedWithThePreviousRecordsBias() {
        BiasChanges restarted = new BiasChanges();
        // resumed at offset 3: ES's record before it (offset 2) was LONG; NQ has none before its first record
        assertThat(restarted.needsPriming("ES", 3)).isTrue();
        restarted.prime("ES", 3, BiasValue.LONG);
        assertThat(restarted.needsPriming("ES", 3)).isFalse();
        restarted.prime("NQ", 9, null);
        assertThat(messages(restarted, 3)).containsExactly(
                "**ES** bias flip LONG → HOLD at 6000 (2024-12-05 14:32:05 UTC)",
                "**ES** bias flip LONG → HOLD at 6000 (2024-12-05 14:32:15 UTC)",
                "**NQ** bias flip HOLD → SHORT at 6000 (2024-12-05 14:32:20 UTC)");
        // unprimed, the flagged LONG at offset 3 would have been taken for a change from HOLD
        assertThat(new BiasChanges().onBias(RECORDS.get(3), 3)).isPresent();
    }

    @Test
    void shouldAskForPrimingAgainWhenRecordsAreReadAgain() {
        BiasChanges changes = new BiasChanges();
        messages(changes, 0);
        assertThat(changes.needsPriming("ES", 9)).isFalse();
        assertThat(changes.needsPriming("ES", 8)).isTrue(); // a rewind: the state is past this record
        assertThat(changes.needsPriming("CL", 0)).isTrue();
    }

    private static List<String> messages(BiasChanges changes, int fromOffset) {
        List<String> out = new ArrayList<>();
        for (int offset = fromOffset; offset < RECORDS.size(); offset++) {
            changes.onBias(RECORDS.get(offset), offset).ifPresent(n -> out.add(n.content()));
        }
        return out;
    }

    private static Bias bias(String instrument, int seconds, BiasValue bias, BiasValue previous, boolean flip) {
        return Records.bias().setInstrument(instrument).setEventTime(T.plusSeconds(seconds)).setBias(bias).setPreviousBias(previous)
                .setFlip(flip).setClose(6000).build();
    }
}
