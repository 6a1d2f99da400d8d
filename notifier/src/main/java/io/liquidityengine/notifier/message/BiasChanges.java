package io.liquidityengine.notifier.message;

import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which sig.bias records are real bias changes, per instrument. The topology flags every base bar of a minute
 * whose bias differs from the previous minute's ({@code flip}), so one change is flagged on each bar until the
 * minute ends (the sample day: 232 flagged records for 46 changes). A change is a flagged record whose bias
 * differs from the instrument's previous record's (HOLD before its first), as the demo's summary counts them.
 *
 * <p>The decision depends only on the instrument's previous record, so it is the same on every run: after a
 * restart (or a rewind) the caller primes an instrument with the bias of its record before the first one it
 * consumes ({@link #needsPriming}), read back from the topic, and a re-read record gives the same message steps
 * again for the delivery log to skip.
 */
public final class BiasChanges {

    private record Last(BiasValue bias, long offset) {
    }

    private final Map<String, Last> last = new HashMap<>();

    /** True when the instrument's previous record is not known for a record at {@code offset} (not seen yet, or a rewind). */
    public boolean needsPriming(String instrument, long offset) {
        Last l = last.get(instrument);
        return l == null || offset <= l.offset();
    }

    /** The instrument's record before {@code offset} had {@code bias} (null: none, the instrument starts at HOLD). */
    public void prime(String instrument, long offset, BiasValue bias) {
        last.put(instrument, new Last(bias == null ? BiasValue.HOLD : bias, offset - 1));
    }

    /** The flip message when the record at {@code offset} is a real change; remembers its bias either way. */
    public Optional<Notification> onBias(Bias b, long offset) {
        Last previous = last.put(b.getInstrument(), new Last(b.getBias(), offset));
        BiasValue before = previous == null ? BiasValue.HOLD : previous.bias();
        return b.getBias() == before ? Optional.empty() : Messages.biasFlip(b);
    }
}
