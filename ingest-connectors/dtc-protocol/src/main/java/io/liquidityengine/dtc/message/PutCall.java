package io.liquidityengine.dtc.message;

/** {@code PutCallEnum} (uint8). Values are kept as {@code int} in the records; unknown values pass through. */
public final class PutCall {

    private PutCall() {
    }

    public static final int UNSET = 0;
    public static final int CALL = 1;
    public static final int PUT = 2;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case CALL -> "CALL";
            case PUT -> "PUT";
            default -> String.valueOf(value);
        };
    }
}
