package io.liquidityengine.ingest.sierra.scid;

/** What a SCID record holds, decided by its open field. */
public enum ScidRecordKind {
    /** A single trade: open == 0. */
    TICK,
    /** First sub-trade of an unbundled trade: open is the sentinel about -1.99900095E37. */
    TICK_FIRST_SUB_TRADE,
    /** Last sub-trade of an unbundled trade: open is the sentinel about -1.99900197E37. */
    TICK_LAST_SUB_TRADE,
    /** A bar (open/high/low/close): open is neither 0 nor a sentinel. */
    BAR;

    /** Sierra Chart's FIRST_SUB_TRADE_OF_UNBUNDLED_TRADE open value. */
    public static final float FIRST_SUB_TRADE_SENTINEL = -1.99900095E37f;
    /** Sierra Chart's LAST_SUB_TRADE_OF_UNBUNDLED_TRADE open value. */
    public static final float LAST_SUB_TRADE_SENTINEL = -1.99900197E37f;

    /** True for every kind except {@link #BAR}: trade price in close, ask in high, bid in low. */
    public boolean isTick() {
        return this != BAR;
    }

    /**
     * Classifies a record by its open field. Sentinels match within about 2 float ulps (they are 8 ulps
     * apart), so values that went through a float/double round trip are still recognised.
     */
    public static ScidRecordKind ofOpen(float open) {
        if (open == 0f) {
            return TICK;
        }
        if (open < -1e36f) {
            if (near(open, FIRST_SUB_TRADE_SENTINEL)) {
                return TICK_FIRST_SUB_TRADE;
            }
            if (near(open, LAST_SUB_TRADE_SENTINEL)) {
                return TICK_LAST_SUB_TRADE;
            }
        }
        return BAR;
    }

    private static boolean near(float value, float sentinel) {
        return Math.abs(value - sentinel) <= Math.abs(sentinel) * 2.5e-7f;
    }
}
