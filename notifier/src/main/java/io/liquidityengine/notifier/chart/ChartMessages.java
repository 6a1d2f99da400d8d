package io.liquidityengine.notifier.chart;

import io.liquidityengine.notifier.message.Notification;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The CHART notification: a one-line summary and the PNG as {@code files[0]}. */
public final class ChartMessages {

    private ChartMessages() {
    }

    /** The file name, e.g. {@code ES-20241205-1000-hourly.png} (time in the instrument's zone). */
    public static String filename(ChartData d) {
        return d.instrument().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT).format(d.end().atZone(d.zone()))
                + (d.reason() == ChartData.Reason.HOURLY ? "-hourly" : "-close") + ".png";
    }

    /** E.g. {@code **ES** chart 2024-12-05 10:00 EST, hourly: 30 1m candles, O 6000.25 H 6010 L 5995.5 C 6004.75, 2 unfilled levels, 1 fill}. */
    public static String summary(ChartData d, ChartRenderer renderer) {
        StringBuilder sb = new StringBuilder("**").append(d.instrument()).append("** chart ")
                .append(renderer.title(d).substring(d.instrument().length() + 1)).append(": ")
                .append(d.candles().size()).append(" 1m candles");
        if (!d.candles().isEmpty()) {
            double hi = d.candles().stream().mapToDouble(ChartData.Candle::high).max().orElseThrow();
            double lo = d.candles().stream().mapToDouble(ChartData.Candle::low).min().orElseThrow();
            sb.append(", O ").append(num(d.candles().get(0).open())).append(" H ").append(num(hi)).append(" L ").append(num(lo))
                    .append(" C ").append(num(d.candles().get(d.candles().size() - 1).close()));
        }
        sb.append(", ").append(d.levels().size()).append(d.levels().size() == 1 ? " unfilled level, " : " unfilled levels, ")
                .append(d.fills().size()).append(d.fills().size() == 1 ? " fill" : " fills");
        return sb.toString();
    }

    public static Notification chart(ChartData d, ChartRenderer renderer) {
        return Notification.file(Notification.Kind.CHART, summary(d, renderer),
                new Notification.Attachment(filename(d), "image/png", renderer.png(d)));
    }

    static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
