package io.liquidityengine.topology.domain.bias;

import io.liquidityengine.topology.domain.bars.BarWindows;

/**
 * Keeps the bias per minute and reports flips: a bar's bias flips when it differs from the bias
 * one minute earlier, i.e. the bias at the end of the most recent earlier minute with a bar (HOLD
 * before any). Every bar of a minute whose bias differs from that value is marked as a flip.
 * The minute of a bar is the UTC minute containing its start.
 */
public final class BiasTracker {

    private long currentMinute = Long.MIN_VALUE;
    private Bias currentMinuteBias = Bias.HOLD;
    private Bias previousMinuteBias = Bias.HOLD;

    /** The result of one bar. */
    public record Result(Bias bias, Bias previous, boolean flip) {
    }

    public Result onBar(long barStartMicros, Bias bias) {
        long minute = BarWindows.minuteOf(barStartMicros);
        if (currentMinute == Long.MIN_VALUE) {
            currentMinute = minute;
        } else if (minute > currentMinute) {
            previousMinuteBias = currentMinuteBias;
            currentMinute = minute;
        }
        currentMinuteBias = bias;
        return new Result(bias, previousMinuteBias, bias != previousMinuteBias);
    }

    public long currentMinute() {
        return currentMinute;
    }

    public Bias currentMinuteBias() {
        return currentMinuteBias;
    }

    public Bias previousMinuteBias() {
        return previousMinuteBias;
    }

    public void restore(long currentMinute, Bias currentMinuteBias, Bias previousMinuteBias) {
        this.currentMinute = currentMinute;
        this.currentMinuteBias = currentMinuteBias;
        this.previousMinuteBias = previousMinuteBias;
    }

    public void reset() {
        currentMinute = Long.MIN_VALUE;
        currentMinuteBias = Bias.HOLD;
        previousMinuteBias = Bias.HOLD;
    }
}
