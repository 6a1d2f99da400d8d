package io.liquidityengine.exchangesim;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording of one websocket session: the text frames the exchange sent, in order, each with the
 * time it was received (UTC microseconds), as in the {@code <name>.jsonl} and {@code <name>.recv_ts}
 * files (one frame per line; line N of the one is the receive time of line N of the other).
 */
public record RecordedFrames(List<Frame> frames) {

    /** One frame as recorded: its text byte for byte and its receive time. */
    public record Frame(String text, long receivedMicros) {
    }

    public RecordedFrames {
        frames = List.copyOf(frames);
    }

    public int size() {
        return frames.size();
    }

    /** Reads {@code <name>.jsonl} and, when present, {@code <name>.recv_ts} next to it (else all times 0). */
    public static RecordedFrames read(Path jsonl) throws IOException {
        Path times = jsonl.resolveSibling(jsonl.getFileName().toString().replaceFirst("\\.jsonl$", ".recv_ts"));
        return of(Files.readAllLines(jsonl, StandardCharsets.UTF_8),
                Files.isRegularFile(times) ? Files.readAllLines(times, StandardCharsets.UTF_8) : null);
    }

    /** Reads a recording from the class path ({@code /exchanges/binance_spot_2021-04-04} for example, without extension). */
    public static RecordedFrames resource(String base) throws IOException {
        return of(lines(base + ".jsonl"), RecordedFrames.class.getResource(base + ".recv_ts") == null ? null : lines(base + ".recv_ts"));
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = RecordedFrames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Frames from lines of text and their receive times (epoch seconds with a fraction; null = unknown, all 0). */
    public static RecordedFrames of(List<String> lines, List<String> receiveTimes) {
        List<String> texts = lines.stream().filter(l -> !l.isBlank()).toList();
        if (receiveTimes != null && receiveTimes.size() != texts.size()) {
            throw new IllegalArgumentException(texts.size() + " frames but " + receiveTimes.size() + " receive times");
        }
        List<Frame> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            long micros = receiveTimes == null ? 0
                    : new BigDecimal(receiveTimes.get(i).trim()).movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
            out.add(new Frame(texts.get(i), micros));
        }
        return new RecordedFrames(out);
    }
}
