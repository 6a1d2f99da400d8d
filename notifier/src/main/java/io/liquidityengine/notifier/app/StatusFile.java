package io.liquidityengine.notifier.app;

import io.liquidityengine.notifier.message.Notification;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Statuses written to a file instead of (or as well as) a webhook: every minutely status, uncoalesced,
 * as one line {@code <event time> <status line>} (e.g. {@code 2024-12-05T14:31:05Z ES status 6001.25 | Bias
 * LONG | ...}), appended and flushed per line, so a fast replay keeps all of them without flooding a channel.
 */
public final class StatusFile implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;

    private StatusFile(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Opens {@code file} for appending (created with its directories). */
    public static StatusFile open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return new StatusFile(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the status file " + file, e);
        }
    }

    /** The line of a status at {@code eventTime}. */
    static String line(Instant eventTime, Notification status) {
        return eventTime + " " + status.consoleLine();
    }

    public synchronized void append(Instant eventTime, Notification status) {
        try {
            out.write(line(eventTime, status));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the status file " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
