package io.liquidityengine.topology.domain.strategy.rules;

/**
 * Candlestick patterns on bars given as {open, high, low, close, volume}. With body = |close - open|,
 * lower shadow = min(open, close) - low, upper shadow = high - max(open, close):
 * <ul>
 *   <li>BULLISH_ENGULFING: previous bar bearish (close < open), this bar bullish (close > open),
 *       open <= previous close, close >= previous open, body > previous body.</li>
 *   <li>BEARISH_ENGULFING: the mirror.</li>
 *   <li>HAMMER: high > low, lower shadow >= 2 x body, upper shadow <= body.</li>
 *   <li>SHOOTING_STAR: high > low, upper shadow >= 2 x body, lower shadow <= body.</li>
 * </ul>
 */
public enum CandlePattern {
    BULLISH_ENGULFING, BEARISH_ENGULFING, HAMMER, SHOOTING_STAR;

    boolean matches(double[] previous, double[] bar) {
        double o = bar[0];
        double h = bar[1];
        double l = bar[2];
        double c = bar[3];
        double body = Math.abs(c - o);
        double lower = Math.min(o, c) - l;
        double upper = h - Math.max(o, c);
        return switch (this) {
            case BULLISH_ENGULFING -> previous != null && previous[3] < previous[0] && c > o
                    && o <= previous[3] && c >= previous[0] && body > previous[0] - previous[3];
            case BEARISH_ENGULFING -> previous != null && previous[3] > previous[0] && c < o
                    && o >= previous[3] && c <= previous[0] && body > previous[3] - previous[0];
            case HAMMER -> h > l && lower >= 2 * body && upper <= body;
            case SHOOTING_STAR -> h > l && upper >= 2 * body && lower <= body;
        };
    }
}
