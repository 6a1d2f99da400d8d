package io.liquidityengine.dtc.message;

/** {@code BuySellEnum}. Values are kept as {@code int} in the records; unknown values pass through. */
public final class BuySell {

    private BuySell() {
    }

    public static final int UNSET = 0;
    public static final int BUY = 1;
    public static final int SELL = 2;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case BUY -> "BUY";
            case SELL -> "SELL";
            default -> String.valueOf(value);
        };
    }
}
