package io.liquidityengine.dtc.message;

/** Protocol-wide constants of the DTC header. */
public final class Dtc {

    private Dtc() {
    }

    /** The header's {@code CURRENT_VERSION}; the default {@code ProtocolVersion} of logon and encoding messages. */
    public static final int CURRENT_PROTOCOL_VERSION = 8;

    /** {@code DBL_MAX}: a double price or quantity that is not set (e.g. fill fields before a fill). */
    public static final double UNSET_DOUBLE = Double.MAX_VALUE;

    /** {@code FLT_MAX}: a float price that is not set ({@link MarketDataUpdateBidAskCompact}). */
    public static final float UNSET_FLOAT = Float.MAX_VALUE;

    /** {@code UINT_MAX}: a uint32 count that is not set ({@link MarketDataSnapshot}). */
    public static final long UNSET_UINT32 = 0xFFFF_FFFFL;
}
