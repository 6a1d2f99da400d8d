package io.liquidityengine.ingest.crypto;

import java.io.IOException;
import java.util.List;

/** A venue's REST trade history, which fills the gaps the websocket left. */
public interface TradeHistory {

    /**
     * The trades of {@code symbol} with ids above {@code afterId}, ascending, up to the newest the venue
     * has (or, when {@code beforeId} is not null, at least up to the one before {@code beforeId}; more may come).
     */
    List<VenueTrade> tradesAfter(String symbol, long afterId, Long beforeId) throws IOException;
}
