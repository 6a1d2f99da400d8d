package io.liquidityengine.dtc.message;

/** {@code RequestActionEnum}: {@link MarketDataRequest#requestAction()}. Values are kept as {@code int} in the records; unknown values pass through. */
public final class RequestAction {

    private RequestAction() {
    }

    public static final int UNSET = 0;
    public static final int SUBSCRIBE = 1;
    public static final int UNSUBSCRIBE = 2;
    public static final int SNAPSHOT = 3;
    public static final int SNAPSHOT_WITH_INTERVAL_UPDATES = 4;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case SUBSCRIBE -> "SUBSCRIBE";
            case UNSUBSCRIBE -> "UNSUBSCRIBE";
            case SNAPSHOT -> "SNAPSHOT";
            case SNAPSHOT_WITH_INTERVAL_UPDATES -> "SNAPSHOT_WITH_INTERVAL_UPDATES";
            default -> String.valueOf(value);
        };
    }
}
