package io.liquidityengine.dtc.message;

/** {@code OrderUpdateReasonEnum}: why an {@link OrderUpdate} was sent. Values are kept as {@code int} in the records; unknown values pass through. */
public final class OrderUpdateReason {

    private OrderUpdateReason() {
    }

    public static final int UNSET = 0;
    public static final int OPEN_ORDERS_REQUEST_RESPONSE = 1;
    public static final int NEW_ORDER_ACCEPTED = 2;
    public static final int GENERAL_ORDER_UPDATE = 3;
    public static final int ORDER_FILLED = 4;
    public static final int ORDER_FILLED_PARTIALLY = 5;
    public static final int ORDER_CANCELED = 6;
    public static final int ORDER_CANCEL_REPLACE_COMPLETE = 7;
    public static final int NEW_ORDER_REJECTED = 8;
    public static final int ORDER_CANCEL_REJECTED = 9;
    public static final int ORDER_CANCEL_REPLACE_REJECTED = 10;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case UNSET -> "UNSET";
            case OPEN_ORDERS_REQUEST_RESPONSE -> "OPEN_ORDERS_REQUEST_RESPONSE";
            case NEW_ORDER_ACCEPTED -> "NEW_ORDER_ACCEPTED";
            case GENERAL_ORDER_UPDATE -> "GENERAL_ORDER_UPDATE";
            case ORDER_FILLED -> "ORDER_FILLED";
            case ORDER_FILLED_PARTIALLY -> "ORDER_FILLED_PARTIALLY";
            case ORDER_CANCELED -> "ORDER_CANCELED";
            case ORDER_CANCEL_REPLACE_COMPLETE -> "ORDER_CANCEL_REPLACE_COMPLETE";
            case NEW_ORDER_REJECTED -> "NEW_ORDER_REJECTED";
            case ORDER_CANCEL_REJECTED -> "ORDER_CANCEL_REJECTED";
            case ORDER_CANCEL_REPLACE_REJECTED -> "ORDER_CANCEL_REPLACE_REJECTED";
            default -> String.valueOf(value);
        };
    }
}
