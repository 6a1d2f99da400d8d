package io.liquidityengine.dtc.message;

/** {@code TradingStatusEnum} (int8). Values are kept as {@code int} in the records; unknown values pass through. */
public final class TradingStatus {

    private TradingStatus() {
    }

    public static final int UNKNOWN = 0;
    public static final int PRE_OPEN = 1;
    public static final int OPEN = 2;
    public static final int CLOSE = 3;
    public static final int TRADING_HALT = 4;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNKNOWN -> "UNKNOWN";
            case PRE_OPEN -> "PRE_OPEN";
            case OPEN -> "OPEN";
            case CLOSE -> "CLOSE";
            case TRADING_HALT -> "TRADING_HALT";
            default -> String.valueOf(value);
        };
    }
}
