package io.liquidityengine.dtc.message;

/** {@code OrderTypeEnum}. Values are kept as {@code int} in the records; unknown values pass through. */
public final class OrderType {

    private OrderType() {
    }

    public static final int UNSET = 0;
    public static final int MARKET = 1;
    public static final int LIMIT = 2;
    public static final int STOP = 3;
    public static final int STOP_LIMIT = 4;
    public static final int MARKET_IF_TOUCHED = 5;
    public static final int LIMIT_IF_TOUCHED = 6;
    public static final int MARKET_LIMIT = 7;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case MARKET -> "MARKET";
            case LIMIT -> "LIMIT";
            case STOP -> "STOP";
            case STOP_LIMIT -> "STOP_LIMIT";
            case MARKET_IF_TOUCHED -> "MARKET_IF_TOUCHED";
            case LIMIT_IF_TOUCHED -> "LIMIT_IF_TOUCHED";
            case MARKET_LIMIT -> "MARKET_LIMIT";
            default -> String.valueOf(value);
        };
    }
}
