package io.liquidityengine.dtc.message;

/** {@code UnbundledTradeIndicatorEnum} (int8). Values are kept as {@code int} in the records; unknown values pass through. */
public final class UnbundledTradeIndicator {

    private UnbundledTradeIndicator() {
    }

    public static final int NONE = 0;
    public static final int FIRST_SUB_TRADE_OF_UNBUNDLED_TRADE = 1;
    public static final int LAST_SUB_TRADE_OF_UNBUNDLED_TRADE = 2;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case NONE -> "NONE";
            case FIRST_SUB_TRADE_OF_UNBUNDLED_TRADE -> "FIRST_SUB_TRADE_OF_UNBUNDLED_TRADE";
            case LAST_SUB_TRADE_OF_UNBUNDLED_TRADE -> "LAST_SUB_TRADE_OF_UNBUNDLED_TRADE";
            default -> String.valueOf(value);
        };
    }
}
