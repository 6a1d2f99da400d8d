package io.liquidityengine.dtc.message;

/** {@code OpenCloseTradeEnum}: whether an order opens or closes a position. Values are kept as {@code int} in the records; unknown values pass through. */
public final class OpenClose {

    private OpenClose() {
    }

    public static final int UNSET = 0;
    public static final int OPEN = 1;
    public static final int CLOSE = 2;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case OPEN -> "OPEN";
            case CLOSE -> "CLOSE";
            default -> String.valueOf(value);
        };
    }
}
