package io.liquidityengine.dtc.message;

/** {@code HistoricalDataIntervalEnum}: record interval in seconds, 0 for ticks. Values are kept as {@code int} in the records; unknown values pass through. */
public final class HistoricalDataInterval {

    private HistoricalDataInterval() {
    }

    public static final int TICK = 0;
    public static final int SECOND_1 = 1;
    public static final int SECONDS_2 = 2;
    public static final int SECONDS_4 = 4;
    public static final int SECONDS_5 = 5;
    public static final int SECONDS_10 = 10;
    public static final int SECONDS_30 = 30;
    public static final int MINUTE_1 = 60;
    public static final int MINUTES_5 = 300;
    public static final int MINUTES_10 = 600;
    public static final int MINUTES_15 = 900;
    public static final int MINUTES_30 = 1800;
    public static final int HOUR_1 = 3600;
    public static final int HOURS_2 = 7200;
    public static final int DAY_1 = 86400;
    public static final int WEEK_1 = 604800;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case TICK -> "TICK";
            case SECOND_1 -> "SECOND_1";
            case SECONDS_2 -> "SECONDS_2";
            case SECONDS_4 -> "SECONDS_4";
            case SECONDS_5 -> "SECONDS_5";
            case SECONDS_10 -> "SECONDS_10";
            case SECONDS_30 -> "SECONDS_30";
            case MINUTE_1 -> "MINUTE_1";
            case MINUTES_5 -> "MINUTES_5";
            case MINUTES_10 -> "MINUTES_10";
            case MINUTES_15 -> "MINUTES_15";
            case MINUTES_30 -> "MINUTES_30";
            case HOUR_1 -> "HOUR_1";
            case HOURS_2 -> "HOURS_2";
            case DAY_1 -> "DAY_1";
            case WEEK_1 -> "WEEK_1";
            default -> String.valueOf(value);
        };
    }
}
