package io.liquidityengine.dtc.message;

/** {@code OrderStatusEnum}. Values are kept as {@code int} in the records; unknown values pass through. */
public final class OrderStatus {

    private OrderStatus() {
    }

    public static final int UNSPECIFIED = 0;
    public static final int ORDER_SENT = 1;
    public static final int PENDING_OPEN = 2;
    public static final int PENDING_CHILD = 3;
    public static final int OPEN = 4;
    public static final int PENDING_CANCEL_REPLACE = 5;
    public static final int PENDING_CANCEL = 6;
    public static final int FILLED = 7;
    public static final int CANCELED = 8;
    public static final int REJECTED = 9;
    public static final int PARTIALLY_FILLED = 10;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSPECIFIED -> "UNSPECIFIED";
            case ORDER_SENT -> "ORDER_SENT";
            case PENDING_OPEN -> "PENDING_OPEN";
            case PENDING_CHILD -> "PENDING_CHILD";
            case OPEN -> "OPEN";
            case PENDING_CANCEL_REPLACE -> "PENDING_CANCEL_REPLACE";
            case PENDING_CANCEL -> "PENDING_CANCEL";
            case FILLED -> "FILLED";
            case CANCELED -> "CANCELED";
            case REJECTED -> "REJECTED";
            case PARTIALLY_FILLED -> "PARTIALLY_FILLED";
            default -> String.valueOf(value);
        };
    }
}
