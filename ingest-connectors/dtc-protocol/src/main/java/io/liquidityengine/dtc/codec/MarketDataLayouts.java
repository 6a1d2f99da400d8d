package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.MarketDataReject;
import io.liquidityengine.dtc.message.MarketDataRequest;
import io.liquidityengine.dtc.message.MarketDataSnapshot;
import io.liquidityengine.dtc.message.MarketDataUpdateBidAsk;
import io.liquidityengine.dtc.message.MarketDataUpdateBidAskCompact;
import io.liquidityengine.dtc.message.MarketDataUpdateSessionHigh;
import io.liquidityengine.dtc.message.MarketDataUpdateTrade;
import io.liquidityengine.dtc.message.MarketDataUpdateTradeCompact;
import io.liquidityengine.dtc.message.MarketDataUpdateTradeWithUnbundledIndicator;
import io.liquidityengine.dtc.message.MarketDataUpdateTradeWithUnbundledIndicator2;

/**
 * Binary-encoding layouts: Market data subscription, snapshot and updates.
 *
 * <p>Offsets are little-endian C struct offsets under the header's {@code #pragma pack(8)} (or
 * {@code pack(1)} where noted on the record). The second argument of each read is what a member
 * reads as when a shorter frame does not hold it (the value the official getter returns then).
 */
final class MarketDataLayouts {

    private MarketDataLayouts() {
    }

    static final Layout<MarketDataRequest> MARKET_DATA_REQUEST = new Layout<>(MarketDataRequest.TYPE, 96, MarketDataRequest.class) {
        @Override
        MarketDataRequest read(FieldReader r) {
            return new MarketDataRequest(
                    r.i32(4, 0),     // RequestAction
                    r.i32(8, 0),     // SymbolID
                    r.text(12, 64),  // Symbol
                    r.text(76, 16),  // Exchange
                    r.u32(92, 0L));  // IntervalForSnapshotUpdatesInMilliseconds
        }

        @Override
        void write(MarketDataRequest m, FieldWriter w) {
            w.i32(4, m.requestAction());
            w.i32(8, m.symbolId());
            w.text(12, 64, m.symbol());
            w.text(76, 16, m.exchange());
            w.u32(92, m.intervalForSnapshotUpdatesInMilliseconds());
        }
    };

    static final Layout<MarketDataReject> MARKET_DATA_REJECT = new Layout<>(MarketDataReject.TYPE, 104, MarketDataReject.class) {
        @Override
        MarketDataReject read(FieldReader r) {
            return new MarketDataReject(
                    r.i32(4, 0),    // SymbolID
                    r.text(8, 96)); // RejectText
        }

        @Override
        void write(MarketDataReject m, FieldWriter w) {
            w.i32(4, m.symbolId());
            w.text(8, 96, m.rejectText());
        }
    };

    static final Layout<MarketDataSnapshot> MARKET_DATA_SNAPSHOT = new Layout<>(MarketDataSnapshot.TYPE, 144, MarketDataSnapshot.class) {
        @Override
        MarketDataSnapshot read(FieldReader r) {
            return new MarketDataSnapshot(
                    r.i32(4, 0),      // SymbolID
                    r.f64(8, 0.0),    // SessionSettlementPrice
                    r.f64(16, 0.0),   // SessionOpenPrice
                    r.f64(24, 0.0),   // SessionHighPrice
                    r.f64(32, 0.0),   // SessionLowPrice
                    r.f64(40, 0.0),   // SessionVolume
                    r.u32(48, 0L),    // SessionNumTrades
                    r.u32(52, 0L),    // OpenInterest
                    r.f64(56, 0.0),   // BidPrice
                    r.f64(64, 0.0),   // AskPrice
                    r.f64(72, 0.0),   // AskQuantity
                    r.f64(80, 0.0),   // BidQuantity
                    r.f64(88, 0.0),   // LastTradePrice
                    r.f64(96, 0.0),   // LastTradeVolume
                    r.f64(104, 0.0),  // LastTradeDateTime
                    r.f64(112, 0.0),  // BidAskDateTime
                    r.u32(120, 0L),   // SessionSettlementDateTime
                    r.u32(124, 0L),   // TradingSessionDate
                    r.i8(128, 0),     // TradingStatus
                    r.f64(136, 0.0)); // MarketDepthUpdateDateTime
        }

        @Override
        void write(MarketDataSnapshot m, FieldWriter w) {
            w.i32(4, m.symbolId());
            w.f64(8, m.sessionSettlementPrice());
            w.f64(16, m.sessionOpenPrice());
            w.f64(24, m.sessionHighPrice());
            w.f64(32, m.sessionLowPrice());
            w.f64(40, m.sessionVolume());
            w.u32(48, m.sessionNumTrades());
            w.u32(52, m.openInterest());
            w.f64(56, m.bidPrice());
            w.f64(64, m.askPrice());
            w.f64(72, m.askQuantity());
            w.f64(80, m.bidQuantity());
            w.f64(88, m.lastTradePrice());
            w.f64(96, m.lastTradeVolume());
            w.f64(104, m.lastTradeDateTime());
            w.f64(112, m.bidAskDateTime());
            w.u32(120, m.sessionSettlementDateTime());
            w.u32(124, m.tradingSessionDate());
            w.u8(128, m.tradingStatus());
            w.f64(136, m.marketDepthUpdateDateTime());
        }
    };

    static final Layout<MarketDataUpdateTrade> MARKET_DATA_UPDATE_TRADE = new Layout<>(MarketDataUpdateTrade.TYPE, 40, MarketDataUpdateTrade.class) {
        @Override
        MarketDataUpdateTrade read(FieldReader r) {
            return new MarketDataUpdateTrade(
                    r.i32(4, 0),     // SymbolID
                    r.u16(8, 0),     // AtBidOrAsk
                    r.f64(16, 0.0),  // Price
                    r.f64(24, 0.0),  // Volume
                    r.f64(32, 0.0)); // DateTime
        }

        @Override
        void write(MarketDataUpdateTrade m, FieldWriter w) {
            w.i32(4, m.symbolId());
            w.u16(8, m.atBidOrAsk());
            w.f64(16, m.price());
            w.f64(24, m.volume());
            w.f64(32, m.dateTime());
        }
    };

    static final Layout<MarketDataUpdateTradeCompact> MARKET_DATA_UPDATE_TRADE_COMPACT = new Layout<>(MarketDataUpdateTradeCompact.TYPE, 24, MarketDataUpdateTradeCompact.class) {
        @Override
        MarketDataUpdateTradeCompact read(FieldReader r) {
            return new MarketDataUpdateTradeCompact(
                    r.f32(4, 0.0f),  // Price
                    r.f32(8, 0.0f),  // Volume
                    r.u32(12, 0L),   // DateTime
                    r.i32(16, 0),    // SymbolID
                    r.u16(20, 0));   // AtBidOrAsk
        }

        @Override
        void write(MarketDataUpdateTradeCompact m, FieldWriter w) {
            w.f32(4, m.price());
            w.f32(8, m.volume());
            w.u32(12, m.dateTime());
            w.i32(16, m.symbolId());
            w.u16(20, m.atBidOrAsk());
        }
    };

    static final Layout<MarketDataUpdateTradeWithUnbundledIndicator> MARKET_DATA_UPDATE_TRADE_WITH_UNBUNDLED_INDICATOR = new Layout<>(MarketDataUpdateTradeWithUnbundledIndicator.TYPE, 40, MarketDataUpdateTradeWithUnbundledIndicator.class) {
        @Override
        MarketDataUpdateTradeWithUnbundledIndicator read(FieldReader r) {
            return new MarketDataUpdateTradeWithUnbundledIndicator(
                    r.i32(4, 0),     // SymbolID
                    r.u8(8, 0),      // AtBidOrAsk
                    r.i8(9, 0),      // UnbundledTradeIndicator
                    r.u8(10, 0),     // TradeCondition
                    r.f64(16, 0.0),  // Price
                    r.u32(24, 0L),   // Volume
                    r.f64(32, 0.0)); // DateTime
        }

        @Override
        void write(MarketDataUpdateTradeWithUnbundledIndicator m, FieldWriter w) {
            w.i32(4, m.symbolId());
            w.u8(8, m.atBidOrAsk());
            w.u8(9, m.unbundledTradeIndicator());
            w.u8(10, m.tradeCondition());
            w.f64(16, m.price());
            w.u32(24, m.volume());
            w.f64(32, m.dateTime());
        }
    };

    static final Layout<MarketDataUpdateTradeWithUnbundledIndicator2> MARKET_DATA_UPDATE_TRADE_WITH_UNBUNDLED_INDICATOR_2 = new Layout<>(MarketDataUpdateTradeWithUnbundledIndicator2.TYPE, 27, MarketDataUpdateTradeWithUnbundledIndicator2.class) {
        @Override
        MarketDataUpdateTradeWithUnbundledIndicator2 read(FieldReader r) {
            return new MarketDataUpdateTradeWithUnbundledIndicator2(
                    r.i32(4, 0),     // SymbolID
                    r.f32(8, 0.0f),  // Price
                    r.u32(12, 0L),   // Volume
                    r.i64(16, 0L),   // DateTime
                    r.u8(24, 0),     // AtBidOrAsk
                    r.i8(25, 0),     // UnbundledTradeIndicator
                    r.i8(26, 0));    // TradeCondition
        }

        @Override
        void write(MarketDataUpdateTradeWithUnbundledIndicator2 m, FieldWriter w) {
            w.i32(4, m.symbolId());
            w.f32(8, m.price());
            w.u32(12, m.volume());
            w.i64(16, m.dateTime());
            w.u8(24, m.atBidOrAsk());
            w.u8(25, m.unbundledTradeIndicator());
            w.u8(26, m.tradeCondition());
        }
    };

    static final Layout<MarketDataUpdateBidAsk> MARKET_DATA_UPDATE_BID_ASK = new Layout<>(MarketDataUpdateBidAsk.TYPE, 40, MarketDataUpdateBidAsk.class) {
        @Override
        MarketDataUpdateBidAsk read(FieldReader r) {
            return new MarketDataUpdateBidAsk(
                    r.i32(4, 0),      // SymbolID
                    r.f64(8, 0.0),    // BidPrice
                    r.f32(16, 0.0f),  // BidQuantity
                    r.f64(24, 0.0),   // AskPrice
                    r.f32(32, 0.0f),  // AskQuantity
                    r.u32(36, 0L));   // DateTime
        }

        @Override
        void write(MarketDataUpdateBidAsk m, FieldWriter w) {
            w.i32(4, m.symbolId());
            w.f64(8, m.bidPrice());
            w.f32(16, m.bidQuantity());
            w.f64(24, m.askPrice());
            w.f32(32, m.askQuantity());
            w.u32(36, m.dateTime());
        }
    };

    static final Layout<MarketDataUpdateBidAskCompact> MARKET_DATA_UPDATE_BID_ASK_COMPACT = new Layout<>(MarketDataUpdateBidAskCompact.TYPE, 28, MarketDataUpdateBidAskCompact.class) {
        @Override
        MarketDataUpdateBidAskCompact read(FieldReader r) {
            return new MarketDataUpdateBidAskCompact(
                    r.f32(4, 0.0f),   // BidPrice
                    r.f32(8, 0.0f),   // BidQuantity
                    r.f32(12, 0.0f),  // AskPrice
                    r.f32(16, 0.0f),  // AskQuantity
                    r.u32(20, 0L),    // DateTime
                    r.i32(24, 0));    // SymbolID
        }

        @Override
        void write(MarketDataUpdateBidAskCompact m, FieldWriter w) {
            w.f32(4, m.bidPrice());
            w.f32(8, m.bidQuantity());
            w.f32(12, m.askPrice());
            w.f32(16, m.askQuantity());
            w.u32(20, m.dateTime());
            w.i32(24, m.symbolId());
        }
    };

    static final Layout<MarketDataUpdateSessionHigh> MARKET_DATA_UPDATE_SESSION_HIGH = new Layout<>(MarketDataUpdateSessionHigh.TYPE, 24, MarketDataUpdateSessionHigh.class) {
        @Override
        MarketDataUpdateSessionHigh read(FieldReader r) {
            return new MarketDataUpdateSessionHigh(
                    r.i32(4, 0),    // SymbolID
                    r.f64(8, 0.0),  // Price
                    r.u32(16, 0L)); // TradingSessionDate
        }

        @Override
        void write(MarketDataUpdateSessionHigh m, FieldWriter w) {
            w.i32(4, m.symbolId());
            w.f64(8, m.price());
            w.u32(16, m.tradingSessionDate());
        }
    };

    static final Layout<?>[] ALL = {MARKET_DATA_REQUEST, MARKET_DATA_REJECT, MARKET_DATA_SNAPSHOT, MARKET_DATA_UPDATE_TRADE, MARKET_DATA_UPDATE_TRADE_COMPACT, MARKET_DATA_UPDATE_TRADE_WITH_UNBUNDLED_INDICATOR, MARKET_DATA_UPDATE_TRADE_WITH_UNBUNDLED_INDICATOR_2, MARKET_DATA_UPDATE_BID_ASK, MARKET_DATA_UPDATE_BID_ASK_COMPACT, MARKET_DATA_UPDATE_SESSION_HIGH};
}
