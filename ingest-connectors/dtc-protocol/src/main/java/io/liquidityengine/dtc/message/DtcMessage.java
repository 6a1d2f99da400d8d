package io.liquidityengine.dtc.message;

/**
 * A DTC protocol message. Each implementation is a record for one message of the official header
 * (protocol version 8), with camelCase names of the header's members; {@link UnknownMessage} holds
 * the bytes of any type this module does not model.
 *
 * <p>Records hold values only: the wire {@code Size} is not a member (the encoder writes the struct
 * size of protocol version 8) and reserved members ({@code Reserve_*}, {@code Unused1},
 * {@code Unused_1}) are not either (written as zero).
 */
public sealed interface DtcMessage permits
        EncodingRequest,
        MatchThroughRequest,
        MatchThroughResponse,
        EncodingResponse,
        LogonRequest,
        LogonResponse,
        Heartbeat,
        Logoff,
        MarketDataRequest,
        MarketDataReject,
        MarketDataSnapshot,
        MarketDataUpdateTrade,
        MarketDataUpdateTradeCompact,
        MarketDataUpdateTradeWithUnbundledIndicator,
        MarketDataUpdateTradeWithUnbundledIndicator2,
        MarketDataUpdateBidAsk,
        MarketDataUpdateBidAskCompact,
        MarketDataUpdateSessionHigh,
        SecurityDefinitionForSymbolRequest,
        SecurityDefinitionResponse,
        HistoricalPriceDataRequest,
        HistoricalPriceDataResponseHeader,
        HistoricalPriceDataReject,
        HistoricalPriceDataRecordResponse,
        HistoricalPriceDataTickRecordResponse,
        SubmitNewSingleOrder,
        SubmitNewOCOOrder,
        CancelOrder,
        CancelReplaceOrder,
        OpenOrdersRequest,
        OpenOrdersReject,
        OrderUpdate,
        HistoricalOrderFillsRequest,
        HistoricalOrderFillResponse,
        HistoricalOrderFillsReject,
        CurrentPositionsRequest,
        CurrentPositionsReject,
        PositionUpdate,
        TradeAccountsRequest,
        TradeAccountResponse,
        AccountBalanceRequest,
        AccountBalanceUpdate,
        UnknownMessage {

    /** The message type number ({@link MessageType}). */
    int type();
}
