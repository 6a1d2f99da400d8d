package io.liquidityengine.dtc.server;

import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.MarketDataSnapshot;
import io.liquidityengine.dtc.message.MarketDataUpdateBidAsk;
import io.liquidityengine.dtc.message.MarketDataUpdateTrade;
import java.util.ArrayList;
import java.util.List;

/**
 * One market-data subscription of a session: a snapshot of the market at subscription, then every
 * trade the tape prints from then on, each preceded by a bid/ask update when the best bid or ask
 * changed. Runs on its own thread so a slow client holds back only itself.
 */
final class MarketDataStream {

    private static final int BURST = 512;

    private final ServerSession session;
    private final MarketTape tape;
    private final int symbolId;
    private final Thread thread;
    /** The first trade this subscription sends: the tape's printed count when it subscribed. */
    private final int from;
    private volatile boolean stopped;

    MarketDataStream(ServerSession session, MarketTape tape, int symbolId) {
        this.session = session;
        this.tape = tape;
        this.symbolId = symbolId;
        this.from = tape.released();
        this.thread = new Thread(this::run, "dtc-server-stream-" + session.number() + "-" + tape.symbol());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void run() {
        int next = from;
        double bid = 0;
        double ask = 0;
        MarketDataSnapshot.Builder snapshot = MarketDataSnapshot.builder().symbolId(symbolId);
        if (next > 0) {
            TapeTrade last = tape.trade(next - 1);
            bid = last.bid();
            ask = last.ask();
            snapshot.lastTradePrice(last.price()).lastTradeVolume(last.volume()).lastTradeDateTime(last.timeMicros() / 1_000_000d)
                    .bidPrice(bid).askPrice(ask);
        }
        if (!session.send(snapshot.build())) {
            return;
        }
        try {
            while (!stopped && !session.closed()) {
                int printed = tape.awaitBeyond(next, 200);
                if (printed <= next) {
                    if (tape.finished() && session.logoffAtEnd()) {
                        session.replayFinished(tape.symbol());
                        return;
                    }
                    continue;
                }
                int end = Math.min(printed, next + BURST);
                List<DtcMessage> burst = new ArrayList<>(2 * (end - next));
                for (int i = next; i < end; i++) {
                    TapeTrade t = tape.trade(i);
                    if (t.bid() != bid || t.ask() != ask) {
                        bid = t.bid();
                        ask = t.ask();
                        burst.add(MarketDataUpdateBidAsk.builder().symbolId(symbolId).bidPrice(bid).askPrice(ask)
                                .dateTime(t.timeMicros() / 1_000_000L).build());
                    }
                    burst.add(MarketDataUpdateTrade.builder().symbolId(symbolId).atBidOrAsk(t.atBidOrAsk())
                            .price(t.price()).volume(t.volume()).dateTime(t.timeMicros() / 1_000_000d).build());
                }
                if (stopped || !session.sendAll(burst)) {
                    return;
                }
                next = end;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
