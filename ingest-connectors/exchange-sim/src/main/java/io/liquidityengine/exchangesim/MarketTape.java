package io.liquidityengine.exchangesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The market of a simulator: the recorded frames in order, how many are released, the REST trade
 * history of every released trade (by history key, by id), and the trades to keep off the websocket.
 * Used on the simulator's market thread only.
 */
final class MarketTape {

    /** A trade in a frame: the symbol, its id and the form the REST history answers with. */
    public record TradeRef(String symbol, long id, ObjectNode restForm) {
    }

    /** How the venue reads a recorded frame: the stream it belongs to (null: not replayed) and its trade, if any. */
    public record Classified(String stream, String historyKey, TradeRef trade) {
    }

    /** A frame of the tape, classified once. */
    public record TapeFrame(String text, long receivedMicros, JsonNode json, Classified kind) {
    }

    private final List<TapeFrame> frames;
    private final Map<String, NavigableMap<Long, ObjectNode>> history = new HashMap<>();
    private final Map<String, Integer> skips = new HashMap<>();
    private int released;
    private long skippedTrades;

    MarketTape(List<TapeFrame> frames) {
        this.frames = List.copyOf(frames);
    }

    /** The recorded frames, each parsed and classified once by the venue's {@code classify}. */
    static MarketTape of(RecordedFrames recorded, java.util.function.Function<JsonNode, Classified> classify) {
        List<TapeFrame> classified = new java.util.ArrayList<>();
        for (RecordedFrames.Frame f : recorded.frames()) {
            JsonNode json;
            try {
                json = SimJson.JSON.readTree(f.text());
            } catch (Exception e) {
                throw new IllegalArgumentException("recorded frame is not JSON: " + f.text(), e);
            }
            classified.add(new TapeFrame(f.text(), f.receivedMicros(), json, classify.apply(json)));
        }
        return new MarketTape(classified);
    }

    List<TapeFrame> frames() {
        return frames;
    }

    int size() {
        return frames.size();
    }

    int released() {
        return released;
    }

    boolean hasNext() {
        return released < frames.size();
    }

    /** Receive time of the next frame to release, UTC microseconds. */
    long nextReceivedMicros() {
        return frames.get(released).receivedMicros();
    }

    /** Releases the next frame: its trade, if any, enters the history. Returns whether the frame goes out on the websocket. */
    boolean releaseNext() {
        TapeFrame frame = frames.get(released++);
        TradeRef trade = frame.kind().trade();
        if (trade != null) {
            history.computeIfAbsent(frame.kind().historyKey(), k -> new TreeMap<>()).put(trade.id(), trade.restForm());
            Integer skip = skips.get(trade.symbol());
            if (skip != null && skip > 0) {
                skips.put(trade.symbol(), skip - 1);
                skippedTrades++;
                return false;
            }
        }
        return frame.kind().stream() != null;
    }

    /** The frame released last. */
    TapeFrame last() {
        return frames.get(released - 1);
    }

    void skip(String symbol, int n) {
        skips.merge(symbol, n, Integer::sum);
    }

    long skippedTrades() {
        return skippedTrades;
    }

    /** The released trades of a history key by id, or null when none was released. */
    NavigableMap<Long, ObjectNode> history(String historyKey) {
        return history.get(historyKey);
    }
}
