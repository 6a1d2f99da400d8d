package io.liquidityengine.dtc.message;

/** {@code HistoricalPriceDataRejectReasonCodeEnum} (int16). Values are kept as {@code int} in the records; unknown values pass through. */
public final class HistoricalPriceDataRejectReason {

    private HistoricalPriceDataRejectReason() {
    }

    public static final int UNSET = 0;
    public static final int UNABLE_TO_SERVE_DATA_RETRY_IN_SPECIFIED_SECONDS = 1;
    public static final int UNABLE_TO_SERVE_DATA_DO_NOT_RETRY = 2;
    public static final int DATA_REQUEST_OUTSIDE_BOUNDS_OF_AVAILABLE_DATA = 3;
    public static final int GENERAL_REJECT_ERROR = 4;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case UNABLE_TO_SERVE_DATA_RETRY_IN_SPECIFIED_SECONDS -> "UNABLE_TO_SERVE_DATA_RETRY_IN_SPECIFIED_SECONDS";
            case UNABLE_TO_SERVE_DATA_DO_NOT_RETRY -> "UNABLE_TO_SERVE_DATA_DO_NOT_RETRY";
            case DATA_REQUEST_OUTSIDE_BOUNDS_OF_AVAILABLE_DATA -> "DATA_REQUEST_OUTSIDE_BOUNDS_OF_AVAILABLE_DATA";
            case GENERAL_REJECT_ERROR -> "GENERAL_REJECT_ERROR";
            default -> String.valueOf(value);
        };
    }
}
