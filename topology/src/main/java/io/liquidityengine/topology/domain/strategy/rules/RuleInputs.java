package io.liquidityengine.topology.domain.strategy.rules;

import java.util.Map;

/**
 * What a rule tree sees on one bar of its timeframe: the bar and the previous one as
 * {open, high, low, close, volume}, and the indicator values now and one bar earlier (NaN while
 * warming up or absent).
 */
public record RuleInputs(double[] bar, double[] previousBar, Map<String, Double> values,
                         Map<String, Double> previousValues) {

    double value(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }

    double previousValue(String key) {
        Double v = previousValues.get(key);
        return v == null ? Double.NaN : v;
    }
}
