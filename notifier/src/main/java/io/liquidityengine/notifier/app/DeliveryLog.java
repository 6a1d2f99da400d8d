package io.liquidityengine.notifier.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * What has been posted, per topic-partition: the next (offset, step) to do, where a step is one
 * webhook post of one record (one message part to one webhook). Written to {@code file} (temp file,
 * fsync, atomic rename) after every post, so after a SIGKILL the service skips what was posted even
 * when the consumer's offsets were not committed yet. Only the post in flight at the kill can be
 * posted again. Without a file it only remembers in memory.
 */
public final class DeliveryLog {

    /** Where a record came from. */
    public record RecordPosition(String topic, int partition, long offset) {
        String key() {
            return topic + " " + partition;
        }
    }

    private record Next(long offset, int step) {
    }

    private final Path file;
    private final Map<String, Next> next = new TreeMap<>();

    private DeliveryLog(Path file) {
        this.file = file;
    }

    public static DeliveryLog inMemory() {
        return new DeliveryLog(null);
    }

    /** Loads {@code file} if it exists. */
    public static DeliveryLog open(Path file) {
        DeliveryLog log = new DeliveryLog(file);
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.trim().split(" ");
                    if (f.length == 4) {
                        log.next.put(f[0] + " " + f[1], new Next(Long.parseLong(f[2]), Integer.parseInt(f[3])));
                    }
                }
            } else {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the delivery log " + file, e);
        }
        return log;
    }

    /** True when step {@code step} of the record at {@code pos} was posted before. */
    public synchronized boolean done(RecordPosition pos, int step) {
        Next n = next.get(pos.key());
        return n != null && (pos.offset() < n.offset() || pos.offset() == n.offset() && step < n.step());
    }

    /** True when every step of the record at {@code pos} was done (the log is past its offset). */
    public synchronized boolean isFinished(RecordPosition pos) {
        Next n = next.get(pos.key());
        return n != null && pos.offset() < n.offset();
    }

    /** Step {@code step} of the record at {@code pos} has been posted (or dead-lettered). */
    public synchronized void posted(RecordPosition pos, int step) {
        advance(pos, new Next(pos.offset(), step + 1));
    }

    /** Every step of the record at {@code pos} is done. */
    public synchronized void finished(RecordPosition pos) {
        advance(pos, new Next(pos.offset() + 1, 0));
    }

    private void advance(RecordPosition pos, Next to) {
        Next before = next.get(pos.key());
        if (before != null && (before.offset() > to.offset() || before.offset() == to.offset() && before.step() >= to.step())) {
            return;
        }
        next.put(pos.key(), to);
        write();
    }

    private void write() {
        if (file == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        next.forEach((k, n) -> sb.append(k).append(' ').append(n.offset()).append(' ').append(n.step()).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the delivery log " + tmp, e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the delivery log " + file, e);
        }
    }
}
