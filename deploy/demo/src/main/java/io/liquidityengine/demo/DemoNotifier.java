package io.liquidityengine.demo;

import io.liquidityengine.schemas.catalog.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The notifier in the demo: the service on the demo's stack, console only (no webhook), its hourly
 * and session-close charts in {@code <work>/charts}; this reads what it writes to its log and prints its bias flips,
 * fills and closed positions as they happen (the minutely statuses, plans and rejections stay in the log).
 */
final class DemoNotifier implements AutoCloseable {

    /** The notifier's consumer groups are {@code <this>-<channel>}. */
    private static final String GROUP = "demo-notifier";

    /** The notifier's console logger, as its log format abbreviates it. */
    private static final String CONSOLE = "[i.l.n.console] ";

    private final ServiceProcess process;
    private final Path log;
    private final Path charts;
    private long offset;
    private String partial = "";
    private long printed;
    private final long started = System.currentTimeMillis();

    private DemoNotifier(ServiceProcess process, Path charts) {
        this.process = process;
        this.log = process.log();
        this.charts = charts;
    }

    /** Starts the notifier service with the demo's common settings, its log and charts under {@code work}. */
    static DemoNotifier start(Path jar, Map<String, String> common, Path work) throws IOException {
        Path charts = work.resolve("charts");
        Map<String, String> props = new LinkedHashMap<>(common);
        props.put("notifier.charts-dir", charts.toString());
        props.put("notifier.console", "true");
        props.put("notifier.group-id", GROUP);
        // the sink runs in lockstep: charts wait for its market clock (fills come after the signals);
        // the day's ticks end at 16:00, 60 minutes before ES's session close on ref.instruments (17:00):
        // once the inputs stay idle, that is the session's end and its session-close chart is drawn
        props.put("notifier.charts.wait-for-market-clock", "true");
        props.put("notifier.charts.idle-close", "3s");
        props.put("notifier.charts.idle-close-window", "2h");
        return new DemoNotifier(ServiceProcess.start("notifier", jar, props, work), charts);
    }

    ServiceProcess process() {
        return process;
    }

    /**
     * Whether the notifier has consumed everything on the topics whose lines the demo shows. caughtUp,
     * not lag 0: the notifier commits the offset after its last record, which is before a trailing
     * transaction marker.
     */
    boolean caughtUp(Admin admin, TopicReader reader) throws Exception {
        return reader.caughtUp(admin, GROUP + "-sig-bias", Topics.SIG_BIAS)
                && reader.caughtUp(admin, GROUP + "-exec-reports", Topics.EXEC_REPORTS)
                && reader.caughtUp(admin, GROUP + "-exec-positions", Topics.EXEC_POSITIONS)
                && closeChartWritten();
    }

    /** The session-close chart of this run is in the charts directory (the charts' own consumer has no group to check). */
    private boolean closeChartWritten() {
        try (var files = Files.list(charts)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith("-close.png") && f.toFile().lastModified() >= started);
        } catch (IOException e) {
            return false;
        }
    }

    /** One line for the end of the demo. */
    String describe() {
        return String.format("notifier: %d bias flips, fills and closed positions shown (statuses and plans in %s), charts in %s",
                printed, log, charts);
    }

    /** Prints the new lines worth showing to standard output; returns how many notification lines were new (shown or not). */
    int printNew() {
        return printNew(System.out);
    }

    /** Prints the new lines worth showing; returns how many notification lines were new (shown or not). */
    int printNew(PrintStream out) {
        if (!Files.exists(log)) {
            return 0;
        }
        String text;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            if (file.length() <= offset) {
                return 0;
            }
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE, file.length() - offset)];
            file.seek(offset);
            file.readFully(bytes);
            offset += bytes.length;
            text = partial + new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return 0;
        }
        int end = text.lastIndexOf('\n');
        partial = text.substring(end + 1);
        int fresh = 0;
        for (String line : text.substring(0, Math.max(0, end)).split("\n")) {
            int at = line.indexOf(CONSOLE);
            if (at < 0) {
                continue;
            }
            fresh++;
            String message = line.substring(at + CONSOLE.length());
            if (shown(message)) {
                out.println("  notify: " + message);
                printed++;
            }
        }
        return fresh;
    }

    static boolean shown(String message) {
        return message.contains(" bias flip ") || message.contains(" fill ") || message.contains(" closed: ");
    }

    long printed() {
        return printed;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
