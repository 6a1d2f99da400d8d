package io.liquidityengine.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code matching-clock=sink}, for the demo and replays against the project's exchange simulator only (its own
 * routes {@code POST /sim/trade} and {@code GET /sim/userEvents}, not Binance's API; see exchange-sim's README):
 * the simulator's orders match the trades the sink runs, in the sink's event-time order, instead of the
 * simulator's own tape. Each trade the sink hands the broker is printed at the simulator, which answers how many
 * user data events it has sent on the listen key (the trade's fills included); the broker then holds the sink's
 * input until it has booked that many, so a fill is booked before the sink runs the next trade, as a paper fill
 * is booked inside its trade. After an instruction (and after every booked event, which may have sent exits) the
 * count is asked for again before the next input. One HTTP round trip per trade on loopback. The counts are the
 * current listen key's: a reconnect of the user data stream (a new listen key) is not expected in a demo.
 * Sink thread only.
 */
final class BinanceMatchingClock {

    private final BinanceRest rest;
    /** User data events the simulator says it has sent on the listen key. */
    private long sent;
    /** User data events booked on the sink's thread. */
    private long booked;
    /** An instruction or a booking may have made the simulator send events: ask before the next input. */
    private boolean ask = true;

    BinanceMatchingClock(BinanceRest rest) {
        this.rest = rest;
    }

    void trade(String symbol, BigDecimal price, long timeMillis, String listenKey) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("price", price.toPlainString());
        p.put("time", Long.toString(timeMillis));
        p.put("listenKey", listenKey);
        sent = count(rest.keyed("POST", "/sim/trade", p));
        ask = false;
    }

    void venueMayHaveSent() {
        ask = true;
    }

    void booked() {
        booked++;
        ask = true;
    }

    boolean holds(String listenKey) {
        if (ask) {
            sent = count(rest.keyed("GET", "/sim/userEvents", Map.of("listenKey", listenKey)));
            ask = false;
        }
        return booked < sent;
    }

    private static long count(JsonNode answer) {
        JsonNode n = answer.get("userEventsSent");
        if (n == null) {
            throw new IllegalStateException("matching-clock=sink needs the project's exchange simulator (no /sim routes at this venue)");
        }
        return n.asLong();
    }
}
