package io.liquidityengine.ingest.dtc;

import io.liquidityengine.dtc.message.AtBidOrAsk;
import io.liquidityengine.dtc.server.MarketTape;
import io.liquidityengine.dtc.server.TapeTrade;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.sierra.scid.ScidReadOptions;
import io.liquidityengine.ingest.sierra.scid.ScidReader;
import io.liquidityengine.ingest.sierra.scid.ScidRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Sierra Chart {@code .scid} file as the tape the project's DTC server replays: every tick record
 * as a trade with its aggressor as AtBidOrAsk and its bid and ask. Bar records and records the
 * reader rejects are left out (the file source dead-letters those).
 */
public final class ScidTape {

    private ScidTape() {
    }

    /** At most {@code limit} trades of the file, served as {@code symbol} on {@code exchange}. */
    public static MarketTape read(Path scid, double tickSize, String symbol, String exchange, int limit) throws IOException {
        List<TapeTrade> trades = new ArrayList<>();
        try (ScidReader reader = ScidReader.open(scid, ScidReadOptions.defaults().withTickSize(tickSize).complete(true))) {
            ParseResult<ScidRecord> result;
            while (trades.size() < limit && (result = reader.next()) != null) {
                if (result instanceof ParseResult.Parsed<ScidRecord> parsed && parsed.parsedValue().isTick()) {
                    ScidRecord r = parsed.parsedValue();
                    int side = switch (r.aggressor()) {
                        case BUY -> AtBidOrAsk.ASK;
                        case SELL -> AtBidOrAsk.BID;
                        case UNKNOWN -> AtBidOrAsk.UNSET;
                    };
                    trades.add(new TapeTrade(r.epochMicros(), r.price(), r.totalVolume(), side, r.bid(), r.ask()));
                }
            }
        }
        return new MarketTape(symbol, exchange, trades, tickSize);
    }
}
