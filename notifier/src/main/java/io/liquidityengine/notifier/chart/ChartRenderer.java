package io.liquidityengine.notifier.chart;

import io.liquidityengine.notifier.chart.ChartData.Candle;
import io.liquidityengine.schemas.signals.BiasValue;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.CandlestickRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultOHLCDataset;
import org.jfree.data.xy.OHLCDataItem;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a {@link ChartData} as a PNG, headless, with JFreeChart: 1-minute candles (green up, red down),
 * the bias as background bands per minute (light green LONG, light red SHORT, none HOLD), extended
 * stretches as an orange strip along the top of the plot, unfilled levels as dashed horizontal lines
 * (blue above, purple below their bar) and fills as triangles (up = buy, down = sell; blue entries,
 * black exits). Times on the axis are in the instrument's zone ({@link ChartData#zone()}). A function of the data only: the same data
 * gives the same image.
 */
public final class ChartRenderer {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    static final Color UP = new Color(0x1E8E3E);
    static final Color DOWN = new Color(0xD93025);
    static final Color LONG_BAND = new Color(0x34, 0xA8, 0x53, 48);
    static final Color SHORT_BAND = new Color(0xEA, 0x43, 0x35, 48);
    static final Color EXTENDED = new Color(0xFB, 0x8C, 0x00, 200);
    static final Color LEVEL_ABOVE = new Color(0x1A73E8);
    static final Color LEVEL_BELOW = new Color(0x8E24AA);
    static final Color ENTRY = new Color(0x1A73E8);
    static final Color EXIT = Color.BLACK;
    /** Half the size of a fill triangle, pixels. */
    static final float FILL_MARKER = 7f;

    public ChartRenderer() {
    }

    /** The chart's title, e.g. {@code ES 2024-12-05 10:00 ET, hourly}. */
    public String title(ChartData d) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);
        return d.instrument() + " " + f.format(d.end().atZone(d.zone())) + (d.reason() == ChartData.Reason.HOURLY ? ", hourly" : ", session close");
    }

    /** The JFreeChart (for tests to inspect the dataset, markers and annotations). */
    public JFreeChart chart(ChartData d) {
        List<Candle> candles = d.candles();
        OHLCDataItem[] items = new OHLCDataItem[candles.size()];
        for (int i = 0; i < items.length; i++) {
            Candle c = candles.get(i);
            items[i] = new OHLCDataItem(Date.from(c.start().plusSeconds(30)), c.open(), c.high(), c.low(), c.close(), 0);
        }
        DefaultOHLCDataset dataset = new DefaultOHLCDataset(d.instrument() + " 1m", items);

        DateAxis time = new DateAxis(null);
        time.setTimeZone(TimeZone.getTimeZone(d.zone()));
        time.setLocale(Locale.ROOT);
        NumberAxis price = new NumberAxis(null);
        price.setAutoRangeIncludesZero(false);
        CandlestickRenderer renderer = new CandlestickRenderer(CandlestickRenderer.WIDTHMETHOD_SMALLEST, false, null);
        renderer.setUpPaint(UP);
        renderer.setDownPaint(DOWN);
        renderer.setUseOutlinePaint(false);
        renderer.setDefaultPaint(Color.DARK_GRAY);
        renderer.setSeriesPaint(0, Color.DARK_GRAY);
        renderer.setDrawVolume(false);
        renderer.setCandleWidth(Math.max(1.0, Math.min(8.0, 0.7 * (WIDTH - 120) / Math.max(1, candles.size()))));
        renderer.setDefaultToolTipGenerator(null);
        XYPlot plot = new XYPlot(dataset, time, price, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xE0E0E0));
        plot.setRangeGridlinePaint(new Color(0xE0E0E0));

        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (Candle c : candles) {
            lo = Math.min(lo, c.low());
            hi = Math.max(hi, c.high());
        }
        if (candles.isEmpty()) {
            lo = 0;
            hi = 1;
        }
        double pad = Math.max((hi - lo) * 0.08, 1.0);
        double top = hi + pad;
        price.setRange(lo - pad, top);

        // bias bands: one per run of minutes with the same LONG/SHORT bias
        int i = 0;
        while (i < candles.size()) {
            BiasValue bias = candles.get(i).bias();
            int j = i;
            while (j + 1 < candles.size() && candles.get(j + 1).bias() == bias
                    && candles.get(j + 1).start().equals(candles.get(j).start().plusSeconds(60))) {
                j++;
            }
            if (bias != BiasValue.HOLD) {
                IntervalMarker band = new IntervalMarker(candles.get(i).start().toEpochMilli(),
                        candles.get(j).start().plusSeconds(60).toEpochMilli(), bias == BiasValue.LONG ? LONG_BAND : SHORT_BAND);
                plot.addDomainMarker(band, Layer.BACKGROUND);
            }
            i = j + 1;
        }
        // extended stretches: an orange strip in the top quarter of the padding, one box per run
        i = 0;
        while (i < candles.size()) {
            if (!candles.get(i).extended()) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < candles.size() && candles.get(j + 1).extended()) {
                j++;
            }
            double x0 = candles.get(i).start().toEpochMilli();
            double x1 = candles.get(j).start().plusSeconds(60).toEpochMilli();
            Shape box = new java.awt.geom.Rectangle2D.Double(x0, top - pad * 0.35, x1 - x0, pad * 0.3);
            plot.addAnnotation(new XYShapeAnnotation(box, new BasicStroke(0f), EXTENDED, EXTENDED), false);
            i = j + 1;
        }
        // unfilled levels inside the price range
        for (ChartData.Level l : d.levels()) {
            if (l.price() < lo - pad || l.price() > top) {
                continue;
            }
            ValueMarker m = new ValueMarker(l.price(), l.above() ? LEVEL_ABOVE : LEVEL_BELOW,
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            m.setLabel(String.valueOf(l.price()));
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m, Layer.FOREGROUND);
        }
        // fills: triangles of a fixed pixel size on top of the candles (a second dataset drawn after the first):
        // up = buy, down = sell; blue entries, black exits, white outline
        XYSeriesCollection fills = new XYSeriesCollection();
        XYSeries[] series = {new XYSeries("entry buy", false), new XYSeries("entry sell", false),
            new XYSeries("exit buy", false), new XYSeries("exit sell", false)};
        for (ChartData.Fill f : d.fills()) {
            series[(f.entry() ? 0 : 2) + (f.buy() ? 0 : 1)].add(f.time().toEpochMilli(), f.price());
        }
        for (XYSeries x : series) {
            fills.addSeries(x);
        }
        XYLineAndShapeRenderer markers = new XYLineAndShapeRenderer(false, true);
        for (int k = 0; k < series.length; k++) {
            markers.setSeriesShape(k, k % 2 == 0 ? ShapeUtils.createUpTriangle(FILL_MARKER) : ShapeUtils.createDownTriangle(FILL_MARKER));
            markers.setSeriesPaint(k, k < 2 ? ENTRY : EXIT);
            markers.setSeriesOutlinePaint(k, Color.WHITE);
            markers.setSeriesOutlineStroke(k, new BasicStroke(1f));
        }
        markers.setUseOutlinePaint(true);
        markers.setDrawOutlines(true);
        markers.setUseFillPaint(false);
        markers.setDefaultToolTipGenerator(null);
        plot.setDataset(1, fills);
        plot.setRenderer(1, markers);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        JFreeChart chart = new JFreeChart(title(d), new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    /** The PNG bytes, {@link #WIDTH} × {@link #HEIGHT}. */
    public byte[] png(ChartData d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeChartAsPNG(out, chart(d), WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
