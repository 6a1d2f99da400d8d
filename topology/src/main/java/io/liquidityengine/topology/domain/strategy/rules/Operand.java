package io.liquidityengine.topology.domain.strategy.rules;

import java.util.Locale;
import java.util.Objects;

/** A value a rule compares: a bar field, a constant, or an indicator on the strategy's timeframe. */
public sealed interface Operand {

    /** The value on the current bar (NaN while an indicator warms up). */
    double current(RuleInputs in);

    /** The value on the previous bar of the timeframe, NaN when there is none. */
    double previous(RuleInputs in);

    /** A field of the timeframe bar. */
    record Price(Field field) implements Operand {
        public Price {
            Objects.requireNonNull(field, "field");
        }

        @Override
        public double current(RuleInputs in) {
            return field.of(in.bar());
        }

        @Override
        public double previous(RuleInputs in) {
            return in.previousBar() == null ? Double.NaN : field.of(in.previousBar());
        }
    }

    /** A number. */
    record Constant(double value) implements Operand {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("constant must be finite, was " + value);
            }
        }

        @Override
        public double current(RuleInputs in) {
            return value;
        }

        @Override
        public double previous(RuleInputs in) {
            return value;
        }
    }

    /** An indicator over the timeframe's bars: {@code ema} and {@code rsi} on closes, {@code atr} on the bar. */
    record Indicator(Kind kind, int period) implements Operand {
        public Indicator {
            Objects.requireNonNull(kind, "kind");
            if (period < 1 || period > 1000) {
                throw new IllegalArgumentException(kind + " period must be 1..1000, was " + period);
            }
        }

        /** Stable name, the key of the indicator's state ("ema:9"). */
        public String key() {
            return kind.name().toLowerCase(Locale.ROOT) + ":" + period;
        }

        @Override
        public double current(RuleInputs in) {
            return in.value(key());
        }

        @Override
        public double previous(RuleInputs in) {
            return in.previousValue(key());
        }
    }

    enum Kind { EMA, RSI, ATR }

    /** Fields of a bar. */
    enum Field {
        OPEN, HIGH, LOW, CLOSE, VOLUME;

        double of(double[] ohlcv) {
            return ohlcv[ordinal()];
        }
    }
}
