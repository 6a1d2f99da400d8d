package io.liquidityengine.dtc.message;

/** {@code SecurityTypeEnum}. Values are kept as {@code int} in the records; unknown values pass through. */
public final class SecurityType {

    private SecurityType() {
    }

    public static final int UNSET = 0;
    public static final int FUTURES = 1;
    public static final int STOCK = 2;
    public static final int FOREX = 3;
    public static final int INDEX = 4;
    public static final int FUTURES_STRATEGY = 5;
    public static final int STOCK_OPTION = 6;
    public static final int FUTURES_OPTION = 7;
    public static final int INDEX_OPTION = 8;
    public static final int BOND = 9;
    public static final int MUTUAL_FUND = 10;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case FUTURES -> "FUTURES";
            case STOCK -> "STOCK";
            case FOREX -> "FOREX";
            case INDEX -> "INDEX";
            case FUTURES_STRATEGY -> "FUTURES_STRATEGY";
            case STOCK_OPTION -> "STOCK_OPTION";
            case FUTURES_OPTION -> "FUTURES_OPTION";
            case INDEX_OPTION -> "INDEX_OPTION";
            case BOND -> "BOND";
            case MUTUAL_FUND -> "MUTUAL_FUND";
            default -> String.valueOf(value);
        };
    }
}
