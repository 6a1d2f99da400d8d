package io.liquidityengine.dtc.message;

/** {@code TradeConditionEnum} (int8). Values are kept as {@code int} in the records; unknown values pass through. */
public final class TradeCondition {

    private TradeCondition() {
    }

    public static final int NONE = 0;
    public static final int NON_LAST_UPDATE_EQUITY_TRADE = 1;
    public static final int ODD_LOT_EQUITY_TRADE = 2;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case NONE -> "NONE";
            case NON_LAST_UPDATE_EQUITY_TRADE -> "NON_LAST_UPDATE_EQUITY_TRADE";
            case ODD_LOT_EQUITY_TRADE -> "ODD_LOT_EQUITY_TRADE";
            default -> String.valueOf(value);
        };
    }
}
