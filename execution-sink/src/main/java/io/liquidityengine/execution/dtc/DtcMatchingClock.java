package io.liquidityengine.execution.dtc;

import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.MatchThroughRequest;
import io.liquidityengine.dtc.message.MatchThroughResponse;
import io.liquidityengine.execution.broker.BrokerInbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code matching-clock=sink}: the broker as the matching clock of the project's DTC server in
 * {@code matching=external} mode, so a replay fills exactly as the paper broker does in the sink's lockstep.
 * The server prints its whole tape for the market data but matches an account's orders only through the event
 * time this clock names ({@link MatchThroughRequest}). The broker sends it for every trade the sink runs while
 * the account has a bracket in the symbol, and after every instruction (and before one, when the server's clock
 * is behind the last trade the sink ran, so a new order works from the next trade, as on paper); each time it
 * holds the sink's input until the answer's inbox task has run. The server answers after the order updates the
 * matching produced, so those are booked before the sink runs the next trade or instruction, as a paper fill is
 * booked inside {@code onTrade}. Sink thread only, except the answer callbacks (which only queue inbox tasks).
 */
final class DtcMatchingClock {

    private final String account;
    private final String tradeAccount;
    private final DtcSession session;
    private final BrokerInbox inbox;
    /** By DTC symbol: the event time of the last trade the sink ran. */
    private final Map<String, Long> lastTrade = new HashMap<>();
    /** By DTC symbol: the time the server was last told to match through. */
    private final Map<String, Long> told = new HashMap<>();
    /** The request id of the last clock whose answer has not been booked yet; 0 = none. */
    private int awaiting;
    private long sent;

    DtcMatchingClock(String account, String tradeAccount, DtcSession session, BrokerInbox inbox) {
        this.account = account;
        this.tradeAccount = tradeAccount;
        this.session = session;
        this.inbox = inbox;
    }

    /** The sink ran a trade of {@code symbol} at {@code micros}. */
    void traded(String symbol, long micros) {
        lastTrade.merge(symbol, micros, Math::max);
    }

    /**
     * Before an instruction at {@code micros}: brings the server's clock of the symbol up to the instruction's time (the
     * sink runs every trade up to an instruction's event time before it, ticks first at equal times), or to the last
     * trade it ran if that is later; so the orders work from the next trade, as on paper. The instruction's time covers
     * a broker made by its first instruction (it saw no trade before) and one restarted (the server's clock is where
     * its predecessor left it).
     */
    void catchUp(String symbol, String exchange, long micros) {
        traded(symbol, micros);
        if (told.getOrDefault(symbol, Long.MIN_VALUE) < lastTrade.get(symbol)) {
            tick(symbol, exchange);
        }
    }

    /** Tells the server to match through the last trade the sink ran and holds the input until the answer is booked. */
    void tick(String symbol, String exchange) {
        long through = lastTrade.getOrDefault(symbol, 0L);
        int id = session.nextRequestId();
        awaiting = id;
        told.put(symbol, through);
        sent++;
        session.submit(id, MatchThroughRequest.builder().requestId(id).symbol(symbol).exchange(exchange).tradeAccount(tradeAccount)
                        .throughDateTimeMicros(through).build(),
                answer -> inbox.run(out -> answered(id, answer)),
                failure -> inbox.run(out -> {
                    throw failure;
                }));
    }

    private void answered(int id, List<DtcMessage> answer) {
        if (answer.get(0) instanceof MatchThroughResponse r && r.rejected() != 0) {
            throw new IllegalStateException("DTC broker of account " + account + ": the server refused the matching clock"
                    + " (matching-clock=sink needs the project's DTC server with matching=external): " + r.rejectText());
        }
        if (id == awaiting) {
            awaiting = 0;
        }
    }

    /** True until the answer to the last clock sent has been booked. */
    boolean holdsInput() {
        return awaiting != 0;
    }

    /** Clock messages sent so far. */
    long sent() {
        return sent;
    }
}
