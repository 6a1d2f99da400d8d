package io.liquidityengine.dtc.message;

/** {@code TimeInForceEnum}. Values are kept as {@code int} in the records; unknown values pass through. */
public final class TimeInForce {

    private TimeInForce() {
    }

    public static final int UNSET = 0;
    public static final int DAY = 1;
    public static final int GOOD_TILL_CANCELED = 2;
    public static final int GOOD_TILL_DATE_TIME = 3;
    public static final int IMMEDIATE_OR_CANCEL = 4;
    public static final int ALL_OR_NONE = 5;
    public static final int FILL_OR_KILL = 6;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case DAY -> "DAY";
            case GOOD_TILL_CANCELED -> "GOOD_TILL_CANCELED";
            case GOOD_TILL_DATE_TIME -> "GOOD_TILL_DATE_TIME";
            case IMMEDIATE_OR_CANCEL -> "IMMEDIATE_OR_CANCEL";
            case ALL_OR_NONE -> "ALL_OR_NONE";
            case FILL_OR_KILL -> "FILL_OR_KILL";
            default -> String.valueOf(value);
        };
    }
}
