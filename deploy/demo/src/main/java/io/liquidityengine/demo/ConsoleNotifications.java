package io.liquidityengine.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The notifier's console lines in the demo: reads what the notifier service has written to its log
 * since the last call and prints its bias flips, fills and closed positions as they happen (the
 * minutely statuses, plans and rejections stay in the log).
 */
final class ConsoleNotifications {

    /** The notifier's console logger, as its log format abbreviates it. */
    private static final String CONSOLE = "[i.l.n.console] ";

    private final Path log;
    private long offset;
    private String partial = "";
    private long printed;

    ConsoleNotifications(Path log) {
        this.log = log;
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
}
