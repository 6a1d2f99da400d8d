package io.liquidityengine.notifier.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.OHLCDataset;
import org.junit.jupiter.api.Test;

/** The PNG: its size, its candles, bands, strips, level lines and markers; the same data gives the same bytes. */
class ChartRendererTest {

    static ChartData elevenOClock() {
        ChartBook book = ChartBook.futuresDefault();
        book.onLevel(Session.level("L1", 6014.0, LevelEvent.CREATED, 5, null));
        book.onLevel(Session.level("L2", 5996.0, LevelEvent.CREATED, 10, null));
        book.onLevel(Session.level("far", 6100.0, LevelEvent.CREATED, 10, null)); // outside the price range: not drawn
        book.onReport(Session.fill("f1", 15 * 60 + 20, 6007.75, Side.BUY, OrderRole.ENTRY));
        book.onReport(Session.fill("f2", 25 * 60 + 40, 6012.25, Side.SELL, OrderRole.TARGET));
        List<ChartData> out = new ArrayList<>();
        for (int i = 0; i < 91; i++) { // the bias of 11:00-11:01 takes the inputs past 11:00
            out.addAll(book.onBias(Session.bias(i)));
            out.addAll(book.onBar(Session.bar(i)));
        }
        return out.get(1);
    }

    private final ChartRenderer renderer = new ChartRenderer();

    @Test
    void pngOfTheExpectedSizeWithEveryCandle() throws Exception {
        ChartData d = elevenOClock();

        byte[] png = renderer.png(d);
        Path dir = Path.of("target", "charts-test");
        Files.createDirectories(dir);
        Files.write(dir.resolve(ChartMessages.filename(d)), png);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);

        JFreeChart chart = renderer.chart(d);
        XYPlot plot = chart.getXYPlot();
        OHLCDataset candles = (OHLCDataset) plot.getDataset();
        assertThat(candles.getItemCount(0)).isEqualTo(90);
        assertThat(candles.getOpenValue(0, 0)).isEqualTo(6000.0);
        assertThat(candles.getHighValue(0, 0)).isEqualTo(6001.75);
        assertThat(candles.getLowValue(0, 0)).isEqualTo(5999.0);
        assertThat(candles.getCloseValue(0, 0)).isEqualTo(6000.5);
        assertThat(candles.getCloseValue(0, 89)).isEqualTo(5993.0);
        // bias: one LONG band (09:30-10:00) and one SHORT band (10:00-10:30); HOLD has none
        assertThat(plot.getDomainMarkers(Layer.BACKGROUND)).hasSize(2);
        // unfilled levels in range: 6014 and 5996 (6100 is off the chart)
        assertThat(plot.getRangeMarkers(Layer.FOREGROUND)).hasSize(2);
        // one extended strip (10:10-10:15)
        assertThat(plot.getAnnotations()).hasSize(1);
        // the fills: a second dataset of triangles, drawn after the candles (entry buy, entry sell, exit buy, exit sell)
        org.jfree.data.xy.XYDataset fills = plot.getDataset(1);
        assertThat(fills.getSeriesCount()).isEqualTo(4);
        assertThat(fills.getItemCount(0)).isEqualTo(1);
        assertThat(fills.getXValue(0, 0)).isEqualTo(java.time.Instant.parse("2024-12-05T14:45:20Z").toEpochMilli());
        assertThat(fills.getYValue(0, 0)).isEqualTo(6007.75);
        assertThat(fills.getItemCount(1)).isZero();
        assertThat(fills.getItemCount(2)).isZero();
        assertThat(fills.getItemCount(3)).isEqualTo(1);
        assertThat(fills.getYValue(3, 0)).isEqualTo(6012.25);
        assertThat(plot.getDatasetRenderingOrder()).isEqualTo(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        assertThat(chart.getTitle().getText()).isEqualTo("ES 2024-12-05 11:00 EST, hourly");
        assertThat(ChartMessages.summary(d, renderer)).isEqualTo(
                "**ES** chart 2024-12-05 11:00 EST, hourly: 90 1m candles, O 6000 H 6016.25 L 5991.5 C 5993, 3 unfilled levels, 2 fills");
        assertThat(renderer.png(d)).isEqualTo(png);

        // in the pixels: 90 runs of columns holding a candle body's exact green or red
        assertThat(candleColumns(image)).isEqualTo(90);
        // the bias bands under the candles (48/255 alpha, times the marker alpha 0.8, over white): at 09:44 (LONG)
        // and 10:20 (SHORT), 1 point above the axis' low end; none at 10:50 (HOLD)
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage drawn = chart.createBufferedImage(ChartRenderer.WIDTH, ChartRenderer.HEIGHT, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        int y = (int) plot.getRangeAxis().valueToJava2D(plot.getRangeAxis().getLowerBound() + 1, area, RectangleEdge.LEFT);
        assertThat(new Color(drawn.getRGB(x(plot, area, "2024-12-05T14:44:00Z"), y))).isEqualTo(new Color(225, 242, 229));
        assertThat(new Color(drawn.getRGB(x(plot, area, "2024-12-05T15:20:00Z"), y))).isEqualTo(new Color(252, 227, 225));
        assertThat(new Color(drawn.getRGB(x(plot, area, "2024-12-05T15:50:00Z"), y))).isEqualTo(Color.WHITE);
        // the fill triangles over the candles: the entry's blue at its time and price, the exit's black
        assertThat(new Color(drawn.getRGB(x(plot, area, "2024-12-05T14:45:20Z"), price(plot, area, 6007.75))))
                .isEqualTo(ChartRenderer.ENTRY);
        assertThat(new Color(drawn.getRGB(x(plot, area, "2024-12-05T14:55:40Z"), price(plot, area, 6012.25))))
                .isEqualTo(ChartRenderer.EXIT);
        // a triangle is 14 pixels across: 5 pixels left of the entry's centre is still blue, 9 is not
        int ex = x(plot, area, "2024-12-05T14:45:20Z");
        int ey = price(plot, area, 6007.75) + 4; // the lower, wider half of the up triangle
        assertThat(new Color(drawn.getRGB(ex - 4, ey))).isEqualTo(ChartRenderer.ENTRY);
        assertThat(new Color(drawn.getRGB(ex - 9, ey))).isNotEqualTo(ChartRenderer.ENTRY);
    }

    private static int price(XYPlot plot, Rectangle2D area, double price) {
        return (int) plot.getRangeAxis().valueToJava2D(price, area, RectangleEdge.LEFT);
    }

    private static int x(XYPlot plot, Rectangle2D area, String time) {
        return (int) plot.getDomainAxis().valueToJava2D(java.time.Instant.parse(time).toEpochMilli(), area, RectangleEdge.BOTTOM);
    }

    /** Runs of adjacent pixel columns that contain the up or down body colour. */
    static int candleColumns(BufferedImage image) {
        int runs = 0;
        boolean previous = false;
        for (int x = 0; x < image.getWidth(); x++) {
            boolean body = false;
            for (int y = 0; y < image.getHeight() && !body; y++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                body = rgb == (ChartRenderer.UP.getRGB() & 0xFFFFFF) || rgb == (ChartRenderer.DOWN.getRGB() & 0xFFFFFF);
            }
            if (body && !previous) {
                runs++;
            }
            previous = body;
        }
        return runs;
    }
}
