package io.liquidityengine.dtc.message;

/** {@code PartialFillHandlingEnum} (int8). Values are kept as {@code int} in the records; unknown values pass through. */
public final class PartialFillHandling {

    private PartialFillHandling() {
    }

    public static final int UNSET = 0;
    public static final int REDUCE_QUANTITY = 1;
    public static final int IMMEDIATE_CANCEL = 2;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case REDUCE_QUANTITY -> "REDUCE_QUANTITY";
            case IMMEDIATE_CANCEL -> "IMMEDIATE_CANCEL";
            default -> String.valueOf(value);
        };
    }
}
