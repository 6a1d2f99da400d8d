package io.liquidityengine.dtc.message;

/** {@code PriceDisplayFormatEnum}: 0 to 9 are decimal places; the header also defines fractional formats (100 + denominator, e.g. 132 for 32nds). Values are kept as {@code int} in the records; unknown values pass through. */
public final class PriceDisplayFormat {

    private PriceDisplayFormat() {
    }

    public static final int UNSET = -1;
    public static final int DECIMAL_0 = 0;
    public static final int DECIMAL_1 = 1;
    public static final int DECIMAL_2 = 2;
    public static final int DECIMAL_3 = 3;
    public static final int DECIMAL_4 = 4;
    public static final int DECIMAL_5 = 5;
    public static final int DECIMAL_6 = 6;
    public static final int DECIMAL_7 = 7;
    public static final int DECIMAL_8 = 8;
    public static final int DECIMAL_9 = 9;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case DECIMAL_0 -> "DECIMAL_0";
            case DECIMAL_1 -> "DECIMAL_1";
            case DECIMAL_2 -> "DECIMAL_2";
            case DECIMAL_3 -> "DECIMAL_3";
            case DECIMAL_4 -> "DECIMAL_4";
            case DECIMAL_5 -> "DECIMAL_5";
            case DECIMAL_6 -> "DECIMAL_6";
            case DECIMAL_7 -> "DECIMAL_7";
            case DECIMAL_8 -> "DECIMAL_8";
            case DECIMAL_9 -> "DECIMAL_9";
            default -> String.valueOf(value);
        };
    }
}
