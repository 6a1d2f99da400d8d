package io.liquidityengine.topology.domain.delta;

/**
 * @param rocLagMinutes   ROC lag (15): ROC = (v[t] - v[t-lag]) / |v[t-lag]|
 * @param slopeLagMinutes slope lag (8): slope = ROC[t] - ROC[t-lag]
 * @param historyMinutes  minutes of values kept (64); must cover both lags
 */
public record DeltaConfig(int rocLagMinutes, int slopeLagMinutes, int historyMinutes) {

    public static final DeltaConfig DEFAULTS = new DeltaConfig(15, 8, 64);

    public DeltaConfig {
        if (rocLagMinutes < 1 || slopeLagMinutes < 1) {
            throw new IllegalArgumentException("lags must be >= 1");
        }
        if (historyMinutes <= rocLagMinutes + slopeLagMinutes) {
            throw new IllegalArgumentException("history of " + historyMinutes + " minutes does not cover the lags");
        }
    }
}
