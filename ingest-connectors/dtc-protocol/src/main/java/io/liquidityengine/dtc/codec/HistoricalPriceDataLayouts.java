package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.HistoricalPriceDataRecordResponse;
import io.liquidityengine.dtc.message.HistoricalPriceDataReject;
import io.liquidityengine.dtc.message.HistoricalPriceDataRequest;
import io.liquidityengine.dtc.message.HistoricalPriceDataResponseHeader;
import io.liquidityengine.dtc.message.HistoricalPriceDataTickRecordResponse;

/**
 * Binary-encoding layouts: Historical price data (uncompressed records only).
 *
 * <p>Offsets are little-endian C struct offsets under the header's {@code #pragma pack(8)} (or
 * {@code pack(1)} where noted on the record). The second argument of each read is what a member
 * reads as when a shorter frame does not hold it (the value the official getter returns then).
 */
final class HistoricalPriceDataLayouts {

    private HistoricalPriceDataLayouts() {
    }

    static final Layout<HistoricalPriceDataRequest> HISTORICAL_PRICE_DATA_REQUEST = new Layout<>(HistoricalPriceDataRequest.TYPE, 120, HistoricalPriceDataRequest.class) {
        @Override
        HistoricalPriceDataRequest read(FieldReader r) {
            return new HistoricalPriceDataRequest(
                    r.i32(4, 0),     // RequestID
                    r.text(8, 64),   // Symbol
                    r.text(72, 16),  // Exchange
                    r.i32(88, 0),    // RecordInterval
                    r.i64(96, 0L),   // StartDateTime
                    r.i64(104, 0L),  // EndDateTime
                    r.u32(112, 0L),  // MaxDaysToReturn
                    r.u8(116, 0),    // UseZLibCompression
                    r.u8(117, 0),    // RequestDividendAdjustedStockData
                    r.u16(118, 0));  // Integer_1
        }

        @Override
        void write(HistoricalPriceDataRequest m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.text(8, 64, m.symbol());
            w.text(72, 16, m.exchange());
            w.i32(88, m.recordInterval());
            w.i64(96, m.startDateTime());
            w.i64(104, m.endDateTime());
            w.u32(112, m.maxDaysToReturn());
            w.u8(116, m.useZLibCompression());
            w.u8(117, m.requestDividendAdjustedStockData());
            w.u16(118, m.integer_1());
        }
    };

    static final Layout<HistoricalPriceDataResponseHeader> HISTORICAL_PRICE_DATA_RESPONSE_HEADER = new Layout<>(HistoricalPriceDataResponseHeader.TYPE, 20, HistoricalPriceDataResponseHeader.class) {
        @Override
        HistoricalPriceDataResponseHeader read(FieldReader r) {
            return new HistoricalPriceDataResponseHeader(
                    r.i32(4, 0),      // RequestID
                    r.i32(8, 0),      // RecordInterval
                    r.u8(12, 0),      // UseZLibCompression
                    r.u8(13, 0),      // NoRecordsToReturn
                    r.f32(16, 1.0f)); // IntToFloatPriceDivisor
        }

        @Override
        void write(HistoricalPriceDataResponseHeader m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.i32(8, m.recordInterval());
            w.u8(12, m.useZLibCompression());
            w.u8(13, m.noRecordsToReturn());
            w.f32(16, m.intToFloatPriceDivisor());
        }
    };

    static final Layout<HistoricalPriceDataReject> HISTORICAL_PRICE_DATA_REJECT = new Layout<>(HistoricalPriceDataReject.TYPE, 108, HistoricalPriceDataReject.class) {
        @Override
        HistoricalPriceDataReject read(FieldReader r) {
            return new HistoricalPriceDataReject(
                    r.i32(4, 0),    // RequestID
                    r.text(8, 96),  // RejectText
                    r.i16(104, 0),  // RejectReasonCode
                    r.u16(106, 0)); // RetryTimeInSeconds
        }

        @Override
        void write(HistoricalPriceDataReject m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.text(8, 96, m.rejectText());
            w.u16(104, m.rejectReasonCode());
            w.u16(106, m.retryTimeInSeconds());
        }
    };

    static final Layout<HistoricalPriceDataRecordResponse> HISTORICAL_PRICE_DATA_RECORD_RESPONSE = new Layout<>(HistoricalPriceDataRecordResponse.TYPE, 88, HistoricalPriceDataRecordResponse.class) {
        @Override
        HistoricalPriceDataRecordResponse read(FieldReader r) {
            return new HistoricalPriceDataRecordResponse(
                    r.i32(4, 0),     // RequestID
                    r.i64(8, 0L),    // StartDateTime
                    r.f64(16, 0.0),  // OpenPrice
                    r.f64(24, 0.0),  // HighPrice
                    r.f64(32, 0.0),  // LowPrice
                    r.f64(40, 0.0),  // LastPrice
                    r.f64(48, 0.0),  // Volume
                    r.u32(56, 0L),   // NumTrades
                    r.f64(64, 0.0),  // BidVolume
                    r.f64(72, 0.0),  // AskVolume
                    r.u8(80, 0));    // IsFinalRecord
        }

        @Override
        void write(HistoricalPriceDataRecordResponse m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.i64(8, m.startDateTime());
            w.f64(16, m.openPrice());
            w.f64(24, m.highPrice());
            w.f64(32, m.lowPrice());
            w.f64(40, m.lastPrice());
            w.f64(48, m.volume());
            w.u32(56, m.numTrades());
            w.f64(64, m.bidVolume());
            w.f64(72, m.askVolume());
            w.u8(80, m.isFinalRecord());
        }
    };

    static final Layout<HistoricalPriceDataTickRecordResponse> HISTORICAL_PRICE_DATA_TICK_RECORD_RESPONSE = new Layout<>(HistoricalPriceDataTickRecordResponse.TYPE, 48, HistoricalPriceDataTickRecordResponse.class) {
        @Override
        HistoricalPriceDataTickRecordResponse read(FieldReader r) {
            return new HistoricalPriceDataTickRecordResponse(
                    r.i32(4, 0),     // RequestID
                    r.f64(8, 0.0),   // DateTime
                    r.u16(16, 0),    // AtBidOrAsk
                    r.f64(24, 0.0),  // Price
                    r.f64(32, 0.0),  // Volume
                    r.u8(40, 0));    // IsFinalRecord
        }

        @Override
        void write(HistoricalPriceDataTickRecordResponse m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.f64(8, m.dateTime());
            w.u16(16, m.atBidOrAsk());
            w.f64(24, m.price());
            w.f64(32, m.volume());
            w.u8(40, m.isFinalRecord());
        }
    };

    static final Layout<?>[] ALL = {HISTORICAL_PRICE_DATA_REQUEST, HISTORICAL_PRICE_DATA_RESPONSE_HEADER, HISTORICAL_PRICE_DATA_REJECT, HISTORICAL_PRICE_DATA_RECORD_RESPONSE, HISTORICAL_PRICE_DATA_TICK_RECORD_RESPONSE};
}
