package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.CancelOrder;
import io.liquidityengine.dtc.message.CancelReplaceOrder;
import io.liquidityengine.dtc.message.Dtc;
import io.liquidityengine.dtc.message.HistoricalOrderFillResponse;
import io.liquidityengine.dtc.message.HistoricalOrderFillsReject;
import io.liquidityengine.dtc.message.HistoricalOrderFillsRequest;
import io.liquidityengine.dtc.message.OpenOrdersReject;
import io.liquidityengine.dtc.message.OpenOrdersRequest;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.SubmitNewOCOOrder;
import io.liquidityengine.dtc.message.SubmitNewSingleOrder;

/**
 * Binary-encoding layouts: Order entry, order updates and historical fills.
 *
 * <p>Offsets are little-endian C struct offsets under the header's {@code #pragma pack(8)} (or
 * {@code pack(1)} where noted on the record). The second argument of each read is what a member
 * reads as when a shorter frame does not hold it (the value the official getter returns then).
 */
final class OrderLayouts {

    private OrderLayouts() {
    }

    static final Layout<SubmitNewSingleOrder> SUBMIT_NEW_SINGLE_ORDER = new Layout<>(SubmitNewSingleOrder.TYPE, 296, SubmitNewSingleOrder.class) {
        @Override
        SubmitNewSingleOrder read(FieldReader r) {
            return new SubmitNewSingleOrder(
                    r.text(4, 64),    // Symbol
                    r.text(68, 16),   // Exchange
                    r.text(84, 32),   // TradeAccount
                    r.text(116, 32),  // ClientOrderID
                    r.i32(148, 0),    // OrderType
                    r.i32(152, 0),    // BuySell
                    r.f64(160, 0.0),  // Price1
                    r.f64(168, 0.0),  // Price2
                    r.f64(176, 0.0),  // Quantity
                    r.i32(184, 0),    // TimeInForce
                    r.i64(192, 0L),   // GoodTillDateTime
                    r.u8(200, 0),     // IsAutomatedOrder
                    r.u8(201, 0),     // IsParentOrder
                    r.text(202, 48),  // FreeFormText
                    r.i32(252, 0),    // OpenOrClose
                    r.f64(256, 0.0),  // MaxShowQuantity
                    r.text(264, 16),  // Price1AsString
                    r.text(280, 16)); // Price2AsString
        }

        @Override
        void write(SubmitNewSingleOrder m, FieldWriter w) {
            w.text(4, 64, m.symbol());
            w.text(68, 16, m.exchange());
            w.text(84, 32, m.tradeAccount());
            w.text(116, 32, m.clientOrderId());
            w.i32(148, m.orderType());
            w.i32(152, m.buySell());
            w.f64(160, m.price1());
            w.f64(168, m.price2());
            w.f64(176, m.quantity());
            w.i32(184, m.timeInForce());
            w.i64(192, m.goodTillDateTime());
            w.u8(200, m.isAutomatedOrder());
            w.u8(201, m.isParentOrder());
            w.text(202, 48, m.freeFormText());
            w.i32(252, m.openOrClose());
            w.f64(256, m.maxShowQuantity());
            w.text(264, 16, m.price1AsString());
            w.text(280, 16, m.price2AsString());
        }
    };

    static final Layout<SubmitNewOCOOrder> SUBMIT_NEW_OCO_ORDER = new Layout<>(SubmitNewOCOOrder.TYPE, 448, SubmitNewOCOOrder.class) {
        @Override
        SubmitNewOCOOrder read(FieldReader r) {
            return new SubmitNewOCOOrder(
                    r.text(4, 64),    // Symbol
                    r.text(68, 16),   // Exchange
                    r.text(84, 32),   // ClientOrderID_1
                    r.i32(116, 0),    // OrderType_1
                    r.i32(120, 0),    // BuySell_1
                    r.f64(128, 0.0),  // Price1_1
                    r.f64(136, 0.0),  // Price2_1
                    r.f64(144, 0.0),  // Quantity_1
                    r.text(152, 32),  // ClientOrderID_2
                    r.i32(184, 0),    // OrderType_2
                    r.i32(188, 0),    // BuySell_2
                    r.f64(192, 0.0),  // Price1_2
                    r.f64(200, 0.0),  // Price2_2
                    r.f64(208, 0.0),  // Quantity_2
                    r.i32(216, 0),    // TimeInForce
                    r.i64(224, 0L),   // GoodTillDateTime
                    r.text(232, 32),  // TradeAccount
                    r.u8(264, 0),     // IsAutomatedOrder
                    r.text(265, 32),  // ParentTriggerClientOrderID
                    r.text(297, 48),  // FreeFormText
                    r.i32(348, 0),    // OpenOrClose
                    r.i8(352, 0),     // PartialFillHandling
                    r.u8(353, 0),     // UseOffsets
                    r.f64(360, 0.0),  // OffsetFromParent1
                    r.f64(368, 0.0),  // OffsetFromParent2
                    r.u8(376, 0),     // MaintainSamePricesOnParentFill
                    r.text(377, 16),  // Price1_1AsString
                    r.text(393, 16),  // Price2_1AsString
                    r.text(409, 16),  // Price1_2AsString
                    r.text(425, 16)); // Price2_2AsString
        }

        @Override
        void write(SubmitNewOCOOrder m, FieldWriter w) {
            w.text(4, 64, m.symbol());
            w.text(68, 16, m.exchange());
            w.text(84, 32, m.clientOrderId_1());
            w.i32(116, m.orderType_1());
            w.i32(120, m.buySell_1());
            w.f64(128, m.price1_1());
            w.f64(136, m.price2_1());
            w.f64(144, m.quantity_1());
            w.text(152, 32, m.clientOrderId_2());
            w.i32(184, m.orderType_2());
            w.i32(188, m.buySell_2());
            w.f64(192, m.price1_2());
            w.f64(200, m.price2_2());
            w.f64(208, m.quantity_2());
            w.i32(216, m.timeInForce());
            w.i64(224, m.goodTillDateTime());
            w.text(232, 32, m.tradeAccount());
            w.u8(264, m.isAutomatedOrder());
            w.text(265, 32, m.parentTriggerClientOrderId());
            w.text(297, 48, m.freeFormText());
            w.i32(348, m.openOrClose());
            w.u8(352, m.partialFillHandling());
            w.u8(353, m.useOffsets());
            w.f64(360, m.offsetFromParent1());
            w.f64(368, m.offsetFromParent2());
            w.u8(376, m.maintainSamePricesOnParentFill());
            w.text(377, 16, m.price1_1AsString());
            w.text(393, 16, m.price2_1AsString());
            w.text(409, 16, m.price1_2AsString());
            w.text(425, 16, m.price2_2AsString());
        }
    };

    static final Layout<CancelOrder> CANCEL_ORDER = new Layout<>(CancelOrder.TYPE, 100, CancelOrder.class) {
        @Override
        CancelOrder read(FieldReader r) {
            return new CancelOrder(
                    r.text(4, 32),   // ServerOrderID
                    r.text(36, 32),  // ClientOrderID
                    r.text(68, 32)); // TradeAccount
        }

        @Override
        void write(CancelOrder m, FieldWriter w) {
            w.text(4, 32, m.serverOrderId());
            w.text(36, 32, m.clientOrderId());
            w.text(68, 32, m.tradeAccount());
        }
    };

    static final Layout<CancelReplaceOrder> CANCEL_REPLACE_ORDER = new Layout<>(CancelReplaceOrder.TYPE, 192, CancelReplaceOrder.class) {
        @Override
        CancelReplaceOrder read(FieldReader r) {
            return new CancelReplaceOrder(
                    r.text(4, 32),    // ServerOrderID
                    r.text(36, 32),   // ClientOrderID
                    r.f64(72, 0.0),   // Price1
                    r.f64(80, 0.0),   // Price2
                    r.f64(88, 0.0),   // Quantity
                    r.u8(96, 1),      // Price1IsSet
                    r.u8(97, 1),      // Price2IsSet
                    r.i32(100, 0),    // Unused
                    r.i32(104, 0),    // TimeInForce
                    r.i64(112, 0L),   // GoodTillDateTime
                    r.u8(120, 0),     // UpdatePrice1OffsetToParent
                    r.text(121, 32),  // TradeAccount
                    r.text(153, 16),  // Price1AsString
                    r.text(169, 16)); // Price2AsString
        }

        @Override
        void write(CancelReplaceOrder m, FieldWriter w) {
            w.text(4, 32, m.serverOrderId());
            w.text(36, 32, m.clientOrderId());
            w.f64(72, m.price1());
            w.f64(80, m.price2());
            w.f64(88, m.quantity());
            w.u8(96, m.price1IsSet());
            w.u8(97, m.price2IsSet());
            w.i32(100, m.unused());
            w.i32(104, m.timeInForce());
            w.i64(112, m.goodTillDateTime());
            w.u8(120, m.updatePrice1OffsetToParent());
            w.text(121, 32, m.tradeAccount());
            w.text(153, 16, m.price1AsString());
            w.text(169, 16, m.price2AsString());
        }
    };

    static final Layout<OpenOrdersRequest> OPEN_ORDERS_REQUEST = new Layout<>(OpenOrdersRequest.TYPE, 76, OpenOrdersRequest.class) {
        @Override
        OpenOrdersRequest read(FieldReader r) {
            return new OpenOrdersRequest(
                    r.i32(4, 0),     // RequestID
                    r.i32(8, 0),     // RequestAllOrders
                    r.text(12, 32),  // ServerOrderID
                    r.text(44, 32)); // TradeAccount
        }

        @Override
        void write(OpenOrdersRequest m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.i32(8, m.requestAllOrders());
            w.text(12, 32, m.serverOrderId());
            w.text(44, 32, m.tradeAccount());
        }
    };

    static final Layout<OpenOrdersReject> OPEN_ORDERS_REJECT = new Layout<>(OpenOrdersReject.TYPE, 104, OpenOrdersReject.class) {
        @Override
        OpenOrdersReject read(FieldReader r) {
            return new OpenOrdersReject(
                    r.i32(4, 0),    // RequestID
                    r.text(8, 96)); // RejectText
        }

        @Override
        void write(OpenOrdersReject m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.text(8, 96, m.rejectText());
        }
    };

    static final Layout<OrderUpdate> ORDER_UPDATE = new Layout<>(OrderUpdate.TYPE, 720, OrderUpdate.class) {
        @Override
        OrderUpdate read(FieldReader r) {
            return new OrderUpdate(
                    r.i32(4, 0),                   // RequestID
                    r.i32(8, 0),                   // TotalNumMessages
                    r.i32(12, 0),                  // MessageNumber
                    r.text(16, 64),                // Symbol
                    r.text(80, 16),                // Exchange
                    r.text(96, 32),                // PreviousServerOrderID
                    r.text(128, 32),               // ServerOrderID
                    r.text(160, 32),               // ClientOrderID
                    r.text(192, 32),               // ExchangeOrderID
                    r.i32(224, 0),                 // OrderStatus
                    r.i32(228, 0),                 // OrderUpdateReason
                    r.i32(232, 0),                 // OrderType
                    r.i32(236, 0),                 // BuySell
                    r.f64(240, Dtc.UNSET_DOUBLE),  // Price1
                    r.f64(248, Dtc.UNSET_DOUBLE),  // Price2
                    r.i32(256, 0),                 // TimeInForce
                    r.i64(264, 0L),                // GoodTillDateTime
                    r.f64(272, Dtc.UNSET_DOUBLE),  // OrderQuantity
                    r.f64(280, Dtc.UNSET_DOUBLE),  // FilledQuantity
                    r.f64(288, Dtc.UNSET_DOUBLE),  // RemainingQuantity
                    r.f64(296, Dtc.UNSET_DOUBLE),  // AverageFillPrice
                    r.f64(304, Dtc.UNSET_DOUBLE),  // LastFillPrice
                    r.i64(312, 0L),                // LastFillDateTime
                    r.f64(320, Dtc.UNSET_DOUBLE),  // LastFillQuantity
                    r.text(328, 64),               // LastFillExecutionID
                    r.text(392, 32),               // TradeAccount
                    r.text(424, 96),               // InfoText
                    r.u8(520, 0),                  // NoOrders
                    r.text(521, 32),               // ParentServerOrderID
                    r.text(553, 32),               // OCOLinkedOrderServerOrderID
                    r.i32(588, 0),                 // OpenOrClose
                    r.text(592, 32),               // PreviousClientOrderID
                    r.text(624, 48),               // FreeFormText
                    r.i64(672, 0L),                // OrderReceivedDateTime
                    r.f64(680, 0.0),               // LatestTransactionDateTime
                    r.text(688, 32));              // Username
        }

        @Override
        void write(OrderUpdate m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.i32(8, m.totalNumMessages());
            w.i32(12, m.messageNumber());
            w.text(16, 64, m.symbol());
            w.text(80, 16, m.exchange());
            w.text(96, 32, m.previousServerOrderId());
            w.text(128, 32, m.serverOrderId());
            w.text(160, 32, m.clientOrderId());
            w.text(192, 32, m.exchangeOrderId());
            w.i32(224, m.orderStatus());
            w.i32(228, m.orderUpdateReason());
            w.i32(232, m.orderType());
            w.i32(236, m.buySell());
            w.f64(240, m.price1());
            w.f64(248, m.price2());
            w.i32(256, m.timeInForce());
            w.i64(264, m.goodTillDateTime());
            w.f64(272, m.orderQuantity());
            w.f64(280, m.filledQuantity());
            w.f64(288, m.remainingQuantity());
            w.f64(296, m.averageFillPrice());
            w.f64(304, m.lastFillPrice());
            w.i64(312, m.lastFillDateTime());
            w.f64(320, m.lastFillQuantity());
            w.text(328, 64, m.lastFillExecutionId());
            w.text(392, 32, m.tradeAccount());
            w.text(424, 96, m.infoText());
            w.u8(520, m.noOrders());
            w.text(521, 32, m.parentServerOrderId());
            w.text(553, 32, m.ocoLinkedOrderServerOrderId());
            w.i32(588, m.openOrClose());
            w.text(592, 32, m.previousClientOrderId());
            w.text(624, 48, m.freeFormText());
            w.i64(672, m.orderReceivedDateTime());
            w.f64(680, m.latestTransactionDateTime());
            w.text(688, 32, m.username());
        }
    };

    static final Layout<HistoricalOrderFillsRequest> HISTORICAL_ORDER_FILLS_REQUEST = new Layout<>(HistoricalOrderFillsRequest.TYPE, 88, HistoricalOrderFillsRequest.class) {
        @Override
        HistoricalOrderFillsRequest read(FieldReader r) {
            return new HistoricalOrderFillsRequest(
                    r.i32(4, 0),     // RequestID
                    r.text(8, 32),   // ServerOrderID
                    r.i32(40, 0),    // NumberOfDays
                    r.text(44, 32),  // TradeAccount
                    r.i64(80, 0L));  // StartDateTime
        }

        @Override
        void write(HistoricalOrderFillsRequest m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.text(8, 32, m.serverOrderId());
            w.i32(40, m.numberOfDays());
            w.text(44, 32, m.tradeAccount());
            w.i64(80, m.startDateTime());
        }
    };

    static final Layout<HistoricalOrderFillResponse> HISTORICAL_ORDER_FILL_RESPONSE = new Layout<>(HistoricalOrderFillResponse.TYPE, 384, HistoricalOrderFillResponse.class) {
        @Override
        HistoricalOrderFillResponse read(FieldReader r) {
            return new HistoricalOrderFillResponse(
                    r.i32(4, 0),                   // RequestID
                    r.i32(8, 0),                   // TotalNumberMessages
                    r.i32(12, 0),                  // MessageNumber
                    r.text(16, 64),                // Symbol
                    r.text(80, 16),                // Exchange
                    r.text(96, 32),                // ServerOrderID
                    r.i32(128, 0),                 // BuySell
                    r.f64(136, 0.0),               // Price
                    r.i64(144, 0L),                // DateTime
                    r.f64(152, 0.0),               // Quantity
                    r.text(160, 64),               // UniqueExecutionID
                    r.text(224, 32),               // TradeAccount
                    r.i32(256, 0),                 // OpenClose
                    r.u8(260, 0),                  // NoOrderFills
                    r.text(261, 96),               // InfoText
                    r.f64(360, 0.0),               // HighPriceDuringPosition
                    r.f64(368, 0.0),               // LowPriceDuringPosition
                    r.f64(376, Dtc.UNSET_DOUBLE)); // PositionQuantity
        }

        @Override
        void write(HistoricalOrderFillResponse m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.i32(8, m.totalNumberMessages());
            w.i32(12, m.messageNumber());
            w.text(16, 64, m.symbol());
            w.text(80, 16, m.exchange());
            w.text(96, 32, m.serverOrderId());
            w.i32(128, m.buySell());
            w.f64(136, m.price());
            w.i64(144, m.dateTime());
            w.f64(152, m.quantity());
            w.text(160, 64, m.uniqueExecutionId());
            w.text(224, 32, m.tradeAccount());
            w.i32(256, m.openClose());
            w.u8(260, m.noOrderFills());
            w.text(261, 96, m.infoText());
            w.f64(360, m.highPriceDuringPosition());
            w.f64(368, m.lowPriceDuringPosition());
            w.f64(376, m.positionQuantity());
        }
    };

    static final Layout<HistoricalOrderFillsReject> HISTORICAL_ORDER_FILLS_REJECT = new Layout<>(HistoricalOrderFillsReject.TYPE, 104, HistoricalOrderFillsReject.class) {
        @Override
        HistoricalOrderFillsReject read(FieldReader r) {
            return new HistoricalOrderFillsReject(
                    r.i32(4, 0),    // RequestID
                    r.text(8, 96)); // RejectText
        }

        @Override
        void write(HistoricalOrderFillsReject m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.text(8, 96, m.rejectText());
        }
    };

    static final Layout<?>[] ALL = {SUBMIT_NEW_SINGLE_ORDER, SUBMIT_NEW_OCO_ORDER, CANCEL_ORDER, CANCEL_REPLACE_ORDER, OPEN_ORDERS_REQUEST, OPEN_ORDERS_REJECT, ORDER_UPDATE, HISTORICAL_ORDER_FILLS_REQUEST, HISTORICAL_ORDER_FILL_RESPONSE, HISTORICAL_ORDER_FILLS_REJECT};
}
