package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.EncodingRequest;
import io.liquidityengine.dtc.message.EncodingResponse;
import io.liquidityengine.dtc.message.Heartbeat;
import io.liquidityengine.dtc.message.Logoff;
import io.liquidityengine.dtc.message.LogonRequest;
import io.liquidityengine.dtc.message.LogonResponse;

/**
 * Binary-encoding layouts: Encoding negotiation, logon, heartbeat and logoff.
 *
 * <p>Offsets are little-endian C struct offsets under the header's {@code #pragma pack(8)} (or
 * {@code pack(1)} where noted on the record). The second argument of each read is what a member
 * reads as when a shorter frame does not hold it (the value the official getter returns then).
 */
final class SessionLayouts {

    private SessionLayouts() {
    }

    static final Layout<EncodingRequest> ENCODING_REQUEST = new Layout<>(EncodingRequest.TYPE, 16, EncodingRequest.class) {
        @Override
        EncodingRequest read(FieldReader r) {
            return new EncodingRequest(
                    r.i32(4, 0),    // ProtocolVersion
                    r.i32(8, 0),    // Encoding
                    r.text(12, 4)); // ProtocolType
        }

        @Override
        void write(EncodingRequest m, FieldWriter w) {
            w.i32(4, m.protocolVersion());
            w.i32(8, m.encoding());
            w.text(12, 4, m.protocolType());
        }
    };

    static final Layout<EncodingResponse> ENCODING_RESPONSE = new Layout<>(EncodingResponse.TYPE, 16, EncodingResponse.class) {
        @Override
        EncodingResponse read(FieldReader r) {
            return new EncodingResponse(
                    r.i32(4, 0),    // ProtocolVersion
                    r.i32(8, 0),    // Encoding
                    r.text(12, 4)); // ProtocolType
        }

        @Override
        void write(EncodingResponse m, FieldWriter w) {
            w.i32(4, m.protocolVersion());
            w.i32(8, m.encoding());
            w.text(12, 4, m.protocolType());
        }
    };

    static final Layout<LogonRequest> LOGON_REQUEST = new Layout<>(LogonRequest.TYPE, 284, LogonRequest.class) {
        @Override
        LogonRequest read(FieldReader r) {
            return new LogonRequest(
                    r.i32(4, 0),      // ProtocolVersion
                    r.text(8, 32),    // Username
                    r.text(40, 32),   // Password
                    r.text(72, 64),   // GeneralTextData
                    r.i32(136, 0),    // Integer_1
                    r.i32(140, 0),    // Integer_2
                    r.i32(144, 0),    // HeartbeatIntervalInSeconds
                    r.text(152, 32),  // TradeAccount
                    r.text(184, 64),  // HardwareIdentifier
                    r.text(248, 32),  // ClientName
                    r.i32(280, 0));   // MarketDataTransmissionInterval
        }

        @Override
        void write(LogonRequest m, FieldWriter w) {
            w.i32(4, m.protocolVersion());
            w.text(8, 32, m.username());
            w.text(40, 32, m.password());
            w.text(72, 64, m.generalTextData());
            w.i32(136, m.integer_1());
            w.i32(140, m.integer_2());
            w.i32(144, m.heartbeatIntervalInSeconds());
            w.text(152, 32, m.tradeAccount());
            w.text(184, 64, m.hardwareIdentifier());
            w.text(248, 32, m.clientName());
            w.i32(280, m.marketDataTransmissionInterval());
        }
    };

    static final Layout<LogonResponse> LOGON_RESPONSE = new Layout<>(LogonResponse.TYPE, 256, LogonResponse.class) {
        @Override
        LogonResponse read(FieldReader r) {
            return new LogonResponse(
                    r.i32(4, 0),      // ProtocolVersion
                    r.i32(8, 0),      // Result
                    r.text(12, 96),   // ResultText
                    r.text(108, 64),  // ReconnectAddress
                    r.i32(172, 0),    // Integer_1
                    r.text(176, 60),  // ServerName
                    r.u8(236, 0),     // MarketDepthUpdatesBestBidAndAsk
                    r.u8(237, 0),     // TradingIsSupported
                    r.u8(238, 0),     // OCOOrdersSupported
                    r.u8(239, 0),     // OrderCancelReplaceSupported
                    r.text(240, 4),   // SymbolExchangeDelimiter
                    r.u8(244, 0),     // SecurityDefinitionsSupported
                    r.u8(245, 0),     // HistoricalPriceDataSupported
                    r.u8(246, 0),     // ResubscribeWhenMarketDataFeedAvailable
                    r.u8(247, 0),     // MarketDepthIsSupported
                    r.u8(248, 0),     // OneHistoricalPriceDataRequestPerConnection
                    r.u8(249, 0),     // BracketOrdersSupported
                    r.u8(251, 0),     // UsesMultiplePositionsPerSymbolAndTradeAccount
                    r.u8(252, 0));    // MarketDataSupported
        }

        @Override
        void write(LogonResponse m, FieldWriter w) {
            w.i32(4, m.protocolVersion());
            w.i32(8, m.result());
            w.text(12, 96, m.resultText());
            w.text(108, 64, m.reconnectAddress());
            w.i32(172, m.integer_1());
            w.text(176, 60, m.serverName());
            w.u8(236, m.marketDepthUpdatesBestBidAndAsk());
            w.u8(237, m.tradingIsSupported());
            w.u8(238, m.ocoOrdersSupported());
            w.u8(239, m.orderCancelReplaceSupported());
            w.text(240, 4, m.symbolExchangeDelimiter());
            w.u8(244, m.securityDefinitionsSupported());
            w.u8(245, m.historicalPriceDataSupported());
            w.u8(246, m.resubscribeWhenMarketDataFeedAvailable());
            w.u8(247, m.marketDepthIsSupported());
            w.u8(248, m.oneHistoricalPriceDataRequestPerConnection());
            w.u8(249, m.bracketOrdersSupported());
            w.u8(251, m.usesMultiplePositionsPerSymbolAndTradeAccount());
            w.u8(252, m.marketDataSupported());
        }
    };

    static final Layout<Heartbeat> HEARTBEAT = new Layout<>(Heartbeat.TYPE, 16, Heartbeat.class) {
        @Override
        Heartbeat read(FieldReader r) {
            return new Heartbeat(
                    r.u32(4, 0L),  // NumDroppedMessages
                    r.i64(8, 0L)); // CurrentDateTime
        }

        @Override
        void write(Heartbeat m, FieldWriter w) {
            w.u32(4, m.numDroppedMessages());
            w.i64(8, m.currentDateTime());
        }
    };

    static final Layout<Logoff> LOGOFF = new Layout<>(Logoff.TYPE, 102, Logoff.class) {
        @Override
        Logoff read(FieldReader r) {
            return new Logoff(
                    r.text(4, 96),  // Reason
                    r.u8(100, 0));  // DoNotReconnect
        }

        @Override
        void write(Logoff m, FieldWriter w) {
            w.text(4, 96, m.reason());
            w.u8(100, m.doNotReconnect());
        }
    };

    static final Layout<?>[] ALL = {ENCODING_REQUEST, ENCODING_RESPONSE, LOGON_REQUEST, LOGON_RESPONSE, HEARTBEAT, LOGOFF};
}
