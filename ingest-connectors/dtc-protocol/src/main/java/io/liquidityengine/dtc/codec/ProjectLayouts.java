package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.MatchThroughRequest;
import io.liquidityengine.dtc.message.MatchThroughResponse;

/**
 * Binary-encoding layouts of the project's own messages (types from 20000, outside DTC's standard range):
 * the matching clock of a replay. Laid out like DTC's structs ({@code pack(8)}, little-endian).
 */
final class ProjectLayouts {

    private ProjectLayouts() {
    }

    static final Layout<MatchThroughRequest> MATCH_THROUGH_REQUEST = new Layout<>(MatchThroughRequest.TYPE, 128, MatchThroughRequest.class) {
        @Override
        MatchThroughRequest read(FieldReader r) {
            return new MatchThroughRequest(
                    r.i32(4, 0),      // RequestID
                    r.text(8, 64),    // Symbol
                    r.text(72, 16),   // Exchange
                    r.text(88, 32),   // TradeAccount
                    r.i64(120, 0L));  // ThroughDateTime (microseconds)
        }

        @Override
        void write(MatchThroughRequest m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.text(8, 64, m.symbol());
            w.text(72, 16, m.exchange());
            w.text(88, 32, m.tradeAccount());
            w.i64(120, m.throughDateTimeMicros());
        }
    };

    static final Layout<MatchThroughResponse> MATCH_THROUGH_RESPONSE = new Layout<>(MatchThroughResponse.TYPE, 128, MatchThroughResponse.class) {
        @Override
        MatchThroughResponse read(FieldReader r) {
            return new MatchThroughResponse(
                    r.i32(4, 0),      // RequestID
                    r.i64(8, 0L),     // MatchedThroughDateTime (microseconds)
                    r.i32(16, 0),     // TradesMatched
                    r.u8(20, 0),      // Rejected
                    r.text(21, 96));  // RejectText
        }

        @Override
        void write(MatchThroughResponse m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.i64(8, m.matchedThroughMicros());
            w.i32(16, m.tradesMatched());
            w.u8(20, m.rejected());
            w.text(21, 96, m.rejectText());
        }
    };

    static final Layout<?>[] ALL = {MATCH_THROUGH_REQUEST, MATCH_THROUGH_RESPONSE};
}
