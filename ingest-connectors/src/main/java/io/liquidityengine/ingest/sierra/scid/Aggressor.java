package io.liquidityengine.ingest.sierra.scid;

/** The side that initiated a trade. */
public enum Aggressor {
    /** A buyer lifted the ask (ask volume &gt; 0). */
    BUY,
    /** A seller hit the bid (bid volume &gt; 0). */
    SELL,
    /** Neither (or both) of bid and ask volume are set. */
    UNKNOWN
}
