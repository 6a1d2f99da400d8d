package io.liquidityengine.dtc.message;

/** {@code LogonStatusEnum}: {@link LogonResponse#result()}. Values are kept as {@code int} in the records; unknown values pass through. */
public final class LogonStatus {

    private LogonStatus() {
    }

    public static final int UNSET = 0;
    public static final int SUCCESS = 1;
    public static final int ERROR = 2;
    public static final int ERROR_NO_RECONNECT = 3;
    public static final int RECONNECT_NEW_ADDRESS = 4;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case SUCCESS -> "SUCCESS";
            case ERROR -> "ERROR";
            case ERROR_NO_RECONNECT -> "ERROR_NO_RECONNECT";
            case RECONNECT_NEW_ADDRESS -> "RECONNECT_NEW_ADDRESS";
            default -> String.valueOf(value);
        };
    }
}
