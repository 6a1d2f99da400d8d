package io.liquidityengine.backtest.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the HTML report: no library, no fonts to embed, no external URL, and the same
 * bytes for the same data. Doubles are used for pixel positions only; every figure printed comes from
 * the exact BigDecimal values.
 */
final class SvgCharts {

    static final int WIDTH = 1200;
    static final int HEIGHT = 260;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private SvgCharts() {
    }

    /** A line (optionally filled down to zero) through values at x = 0..n-1, with x labels under the first and last point. */
    static String line(String id, String title, List<BigDecimal> values, String firstLabel, String lastLabel, String stroke,
                       String fill) {
        StringBuilder svg = open(id, title);
        if (values.isEmpty()) {
            return empty(svg);
        }
        double[] range = range(values);
        int n = values.size();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? LEFT : LEFT + (WIDTH - LEFT - RIGHT) * (double) i / (n - 1);
            points.append(fmt(x)).append(',').append(fmt(y(values.get(i).doubleValue(), range))).append(' ');
        }
        axes(svg, range);
        if (fill != null) {
            double zero = y(0, range);
            svg.append("<polygon fill=\"").append(fill).append("\" stroke=\"none\" points=\"").append(fmt(LEFT)).append(',')
                    .append(fmt(zero)).append(' ').append(points).append(fmt(n == 1 ? LEFT : WIDTH - RIGHT)).append(',')
                    .append(fmt(zero)).append("\"/>\n");
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"2\" points=\"")
                .append(points.toString().trim()).append("\"/>\n");
        xLabel(svg, LEFT, firstLabel, "start");
        xLabel(svg, WIDTH - RIGHT, lastLabel, "end");
        return svg.append("</svg>\n").toString();
    }

    /** Bars around zero, green above and red below, one per label. */
    static String bars(String id, String title, List<String> labels, List<BigDecimal> values) {
        StringBuilder svg = open(id, title);
        if (values.isEmpty()) {
            return empty(svg);
        }
        double[] range = range(values);
        axes(svg, range);
        int n = values.size();
        double slot = (double) (WIDTH - LEFT - RIGHT) / n;
        double width = Math.max(1, slot * 0.7);
        double zero = y(0, range);
        for (int i = 0; i < n; i++) {
            double v = values.get(i).doubleValue();
            double top = Math.min(zero, y(v, range));
            double height = Math.abs(y(v, range) - zero);
            double x = LEFT + slot * i + (slot - width) / 2;
            svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(top)).append("\" width=\"").append(fmt(width))
                    .append("\" height=\"").append(fmt(Math.max(height, 0.5))).append("\" fill=\"")
                    .append(values.get(i).signum() >= 0 ? "#2e7d32" : "#c62828").append("\"><title>")
                    .append(HtmlReport.escape(labels.get(i))).append(": ").append(Money.plain(values.get(i))).append("</title></rect>\n");
            if (n <= 31) {
                xLabel(svg, x + width / 2, labels.get(i), "middle");
            }
        }
        if (n > 31) {
            xLabel(svg, LEFT, labels.get(0), "start");
            xLabel(svg, WIDTH - RIGHT, labels.get(n - 1), "end");
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String id, String title) {
        return new StringBuilder("<svg id=\"").append(id).append("\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(HtmlReport.escape(title)).append("\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<text x=\"").append(LEFT)
                .append("\" y=\"20\" font-size=\"15\" font-weight=\"bold\" fill=\"#222\">").append(HtmlReport.escape(title))
                .append("</text>\n");
    }

    private static String empty(StringBuilder svg) {
        return svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT / 2)
                .append("\" font-size=\"14\" fill=\"#666\">no trades</text>\n</svg>\n").toString();
    }

    /** min and max of the values and zero, widened when flat. */
    private static double[] range(List<BigDecimal> values) {
        BigDecimal min = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            min = v.min(min);
            max = v.max(max);
        }
        double lo = min.doubleValue();
        double hi = max.doubleValue();
        if (hi - lo < 1e-9) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }

    private static double y(double v, double[] range) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (range[1] - v) / (range[1] - range[0]);
    }

    private static void axes(StringBuilder svg, double[] range) {
        double zero = y(0, range);
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"")
                .append(HEIGHT - BOTTOM).append("\" stroke=\"#999\"/>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(zero)).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(fmt(zero)).append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n");
        yLabel(svg, range[1], TOP);
        yLabel(svg, range[0], HEIGHT - BOTTOM);
        if (zero > TOP + 12 && zero < HEIGHT - BOTTOM - 12) {
            yLabel(svg, 0, zero);
        }
    }

    private static void yLabel(StringBuilder svg, double value, double y) {
        svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                .append("\" font-size=\"12\" text-anchor=\"end\" fill=\"#444\">")
                .append(Money.plain(BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_EVEN))).append("</text>\n");
    }

    private static void xLabel(StringBuilder svg, double x, String label, String anchor) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
                .append("\" font-size=\"12\" text-anchor=\"").append(anchor).append("\" fill=\"#444\">")
                .append(HtmlReport.escape(label)).append("</text>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
