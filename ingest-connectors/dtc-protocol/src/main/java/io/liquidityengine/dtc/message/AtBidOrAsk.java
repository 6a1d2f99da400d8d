package io.liquidityengine.dtc.message;

/** {@code AtBidOrAskEnum} (uint16) and {@code AtBidOrAskEnum8} (uint8): the side a trade was at. Values are kept as {@code int} in the records; unknown values pass through. */
public final class AtBidOrAsk {

    private AtBidOrAsk() {
    }

    public static final int UNSET = 0;
    public static final int BID = 1;
    public static final int ASK = 2;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case BID -> "BID";
            case ASK -> "ASK";
            default -> String.valueOf(value);
        };
    }
}
