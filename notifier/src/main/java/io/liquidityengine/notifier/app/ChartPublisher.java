package io.liquidityengine.notifier.app;

import io.liquidityengine.notifier.chart.ChartData;
import io.liquidityengine.notifier.chart.ChartFeed;
import io.liquidityengine.notifier.chart.ChartMessages;
import io.liquidityengine.notifier.chart.ChartRenderer;
import io.liquidityengine.notifier.message.Notification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/**
 * Renders a released chart, writes it to the charts directory when one is set, and dispatches it. Each
 * chart is a record of its own in the delivery log: topic {@code charts.<instrument>}, partition 0,
 * offset = its end in epoch seconds, so a chart rebuilt after a restart that was posted before is skipped.
 */
final class ChartPublisher implements ChartFeed.ChartSink {

    private static final Logger LOG = Logger.getLogger(ChartPublisher.class.getName());

    private final ChartRenderer renderer = new ChartRenderer();
    private final Dispatcher dispatcher;
    private final Path dir;

    /** {@code dir} may be null (charts are not written). */
    ChartPublisher(Dispatcher dispatcher, Path dir) {
        this.dispatcher = dispatcher;
        this.dir = dir;
    }

    /** The delivery-log position of a chart. */
    static DeliveryLog.RecordPosition position(ChartData d) {
        return new DeliveryLog.RecordPosition("charts." + d.instrument().replaceAll("\\s", "_"), 0, d.end().getEpochSecond());
    }

    /** The notification, written to {@code dir} first when set (the console line then names the file). */
    Notification notification(ChartData d) {
        Notification n = ChartMessages.chart(d, renderer);
        if (dir != null) {
            Path file = dir.resolve(n.attachment().filename());
            try {
                Files.createDirectories(dir);
                Files.write(file, n.attachment().bytes());
                n = new Notification(n.kind(), n.content() + " -> " + file.toAbsolutePath(), n.embeds(), n.attachment());
            } catch (IOException e) {
                LOG.warning("cannot write chart " + file + ": " + e);
            }
        }
        return n;
    }

    @Override
    public void chart(ChartData d) throws InterruptedException {
        DeliveryLog.RecordPosition pos = position(d);
        if (dispatcher.isFinished(pos)) {
            return; // posted before a restart: not even rendered again
        }
        dispatcher.dispatch(pos, d.end(), List.of(notification(d)));
    }
}
