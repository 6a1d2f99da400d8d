package io.liquidityengine.execution.dtc;

import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.MatchThroughRequest;
import io.liquidityengine.dtc.message.MatchThroughResponse;
import io.liquidityengine.execution.broker.BrokerInbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code matching-clock=sink}: the broker as the matching clock of the project's DTC server in
 * {@code matching=external} mode, so a replay fills exactly as the paper broker does in the sink's lockstep.
 * The server prints its whole tape for the market data but matches an account's orders only through the event
 * time this clock names ({@link MatchThroughRequest}). The broker sends it for every trade the sink runs while
 * the account has a bracket in the symbol, and after every instruction (and before one, when the server's clock
 * is behind the last trade the sink ran, so a new order works from the next trade, as on paper); each time it
 * holds the sink's input until the answer's inbox task has run. The server answers after the order updates the
 * matching produced, so those are booked before the sink runs the next trade or instruction, as a paper fill is
 * booked inside {@code onTrade}. A clock the session lost (not sent, or no answer because the link dropped) keeps
 * the input held, and is told again once the session has logged on again ({@link #resend}); the server answers a
 * time it already matched through at once, so telling twice changes nothing. Sink thread only, except the answer
 * callbacks (which only queue inbox tasks).
 */
final class DtcMatchingClock {

    private static final Logger LOG = LoggerFactory.getLogger(DtcBroker.class); // the broker's log category

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
    /** The symbol and exchange of the last clock sent, to tell it again after a re-logon. */
    private String lastSymbol;
    private String lastExchange;
    /** The last clock was lost with the session: the input stays held until {@link #resend} after the re-logon. */
    private boolean lost;
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
        lastSymbol = symbol;
        lastExchange = exchange;
        lost = false;
        told.put(symbol, through);
        sent++;
        long connection = session.connections();
        session.submit(id, MatchThroughRequest.builder().requestId(id).symbol(symbol).exchange(exchange).tradeAccount(tradeAccount)
                        .throughDateTimeMicros(through).build(),
                answer -> inbox.run(out -> answered(id, answer)),
                failure -> inbox.run(out -> failed(id, connection, failure)));
    }

    /** After a re-logon: tells the server again the clock it may not have received (the input is held until answered). */
    void resend() {
        if (lost || awaiting != 0) {
            LOG.info("DTC broker of account {}: telling the matching clock of {} again after the re-logon", account, lastSymbol);
            tick(lastSymbol, lastExchange);
        }
    }

    /** A clock that failed on the connection it was sent on, or because the session was down, is lost, not an error. */
    private void failed(int id, long connection, IllegalStateException failure) {
        if (id != awaiting) {
            return; // a clock told again since (after a re-logon): this one's fate no longer matters
        }
        if (session.lostSince(connection)) {
            LOG.warn("DTC broker of account {}: the matching clock of {} was lost with the session ({}); input held until it is"
                    + " logged on again", account, lastSymbol, failure.getMessage());
            lost = true;
            return;
        }
        throw failure;
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
        return awaiting != 0 || lost;
    }

    /** Clock messages sent so far. */
    long sent() {
        return sent;
    }
}
