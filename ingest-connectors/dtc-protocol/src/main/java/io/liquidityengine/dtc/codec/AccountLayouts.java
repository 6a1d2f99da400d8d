package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.AccountBalanceRequest;
import io.liquidityengine.dtc.message.AccountBalanceUpdate;
import io.liquidityengine.dtc.message.CurrentPositionsReject;
import io.liquidityengine.dtc.message.CurrentPositionsRequest;
import io.liquidityengine.dtc.message.PositionUpdate;
import io.liquidityengine.dtc.message.TradeAccountResponse;
import io.liquidityengine.dtc.message.TradeAccountsRequest;

/**
 * Binary-encoding layouts: Positions, trade accounts and account balances.
 *
 * <p>Offsets are little-endian C struct offsets under the header's {@code #pragma pack(8)} (or
 * {@code pack(1)} where noted on the record). The second argument of each read is what a member
 * reads as when a shorter frame does not hold it (the value the official getter returns then).
 */
final class AccountLayouts {

    private AccountLayouts() {
    }

    static final Layout<CurrentPositionsRequest> CURRENT_POSITIONS_REQUEST = new Layout<>(CurrentPositionsRequest.TYPE, 40, CurrentPositionsRequest.class) {
        @Override
        CurrentPositionsRequest read(FieldReader r) {
            return new CurrentPositionsRequest(
                    r.i32(4, 0),    // RequestID
                    r.text(8, 32)); // TradeAccount
        }

        @Override
        void write(CurrentPositionsRequest m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.text(8, 32, m.tradeAccount());
        }
    };

    static final Layout<CurrentPositionsReject> CURRENT_POSITIONS_REJECT = new Layout<>(CurrentPositionsReject.TYPE, 104, CurrentPositionsReject.class) {
        @Override
        CurrentPositionsReject read(FieldReader r) {
            return new CurrentPositionsReject(
                    r.i32(4, 0),    // RequestID
                    r.text(8, 96)); // RejectText
        }

        @Override
        void write(CurrentPositionsReject m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.text(8, 96, m.rejectText());
        }
    };

    static final Layout<PositionUpdate> POSITION_UPDATE = new Layout<>(PositionUpdate.TYPE, 240, PositionUpdate.class) {
        @Override
        PositionUpdate read(FieldReader r) {
            return new PositionUpdate(
                    r.i32(4, 0),      // RequestID
                    r.i32(8, 0),      // TotalNumberMessages
                    r.i32(12, 0),     // MessageNumber
                    r.text(16, 64),   // Symbol
                    r.text(80, 16),   // Exchange
                    r.f64(96, 0.0),   // Quantity
                    r.f64(104, 0.0),  // AveragePrice
                    r.text(112, 32),  // PositionIdentifier
                    r.text(144, 32),  // TradeAccount
                    r.u8(176, 0),     // NoPositions
                    r.u8(177, 0),     // Unsolicited
                    r.f64(184, 0.0),  // MarginRequirement
                    r.u32(192, 0L),   // EntryDateTime
                    r.f64(200, 0.0),  // OpenProfitLoss
                    r.f64(208, 0.0),  // HighPriceDuringPosition
                    r.f64(216, 0.0),  // LowPriceDuringPosition
                    r.f64(224, 0.0),  // QuantityLimit
                    r.f64(232, 0.0)); // MaxPotentialPostionQuantity
        }

        @Override
        void write(PositionUpdate m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.i32(8, m.totalNumberMessages());
            w.i32(12, m.messageNumber());
            w.text(16, 64, m.symbol());
            w.text(80, 16, m.exchange());
            w.f64(96, m.quantity());
            w.f64(104, m.averagePrice());
            w.text(112, 32, m.positionIdentifier());
            w.text(144, 32, m.tradeAccount());
            w.u8(176, m.noPositions());
            w.u8(177, m.unsolicited());
            w.f64(184, m.marginRequirement());
            w.u32(192, m.entryDateTime());
            w.f64(200, m.openProfitLoss());
            w.f64(208, m.highPriceDuringPosition());
            w.f64(216, m.lowPriceDuringPosition());
            w.f64(224, m.quantityLimit());
            w.f64(232, m.maxPotentialPostionQuantity());
        }
    };

    static final Layout<TradeAccountsRequest> TRADE_ACCOUNTS_REQUEST = new Layout<>(TradeAccountsRequest.TYPE, 8, TradeAccountsRequest.class) {
        @Override
        TradeAccountsRequest read(FieldReader r) {
            return new TradeAccountsRequest(
                    r.i32(4, 0)); // RequestID
        }

        @Override
        void write(TradeAccountsRequest m, FieldWriter w) {
            w.i32(4, m.requestId());
        }
    };

    static final Layout<TradeAccountResponse> TRADE_ACCOUNT_RESPONSE = new Layout<>(TradeAccountResponse.TYPE, 48, TradeAccountResponse.class) {
        @Override
        TradeAccountResponse read(FieldReader r) {
            return new TradeAccountResponse(
                    r.i32(4, 0),     // TotalNumberMessages
                    r.i32(8, 0),     // MessageNumber
                    r.text(12, 32),  // TradeAccount
                    r.i32(44, 0));   // RequestID
        }

        @Override
        void write(TradeAccountResponse m, FieldWriter w) {
            w.i32(4, m.totalNumberMessages());
            w.i32(8, m.messageNumber());
            w.text(12, 32, m.tradeAccount());
            w.i32(44, m.requestId());
        }
    };

    static final Layout<AccountBalanceRequest> ACCOUNT_BALANCE_REQUEST = new Layout<>(AccountBalanceRequest.TYPE, 40, AccountBalanceRequest.class) {
        @Override
        AccountBalanceRequest read(FieldReader r) {
            return new AccountBalanceRequest(
                    r.i32(4, 0),    // RequestID
                    r.text(8, 32)); // TradeAccount
        }

        @Override
        void write(AccountBalanceRequest m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.text(8, 32, m.tradeAccount());
        }
    };

    static final Layout<AccountBalanceUpdate> ACCOUNT_BALANCE_UPDATE = new Layout<>(AccountBalanceUpdate.TYPE, 368, AccountBalanceUpdate.class) {
        @Override
        AccountBalanceUpdate read(FieldReader r) {
            return new AccountBalanceUpdate(
                    r.i32(4, 0),      // RequestID
                    r.f64(8, 0.0),    // CashBalance
                    r.f64(16, 0.0),   // BalanceAvailableForNewPositions
                    r.text(24, 8),    // AccountCurrency
                    r.text(32, 32),   // TradeAccount
                    r.f64(64, 0.0),   // SecuritiesValue
                    r.f64(72, 0.0),   // MarginRequirement
                    r.i32(80, 0),     // TotalNumberMessages
                    r.i32(84, 0),     // MessageNumber
                    r.u8(88, 0),      // NoAccountBalances
                    r.u8(89, 0),      // Unsolicited
                    r.f64(96, 0.0),   // OpenPositionsProfitLoss
                    r.f64(104, 0.0),  // DailyProfitLoss
                    r.text(112, 96),  // InfoText
                    r.i64(208, 0L),   // TransactionIdentifier
                    r.f64(216, 0.0),  // DailyNetLossLimit
                    r.f64(224, 0.0),  // TrailingAccountValueToLimitPositions
                    r.u8(232, 0),     // DailyNetLossLimitReached
                    r.u8(233, 0),     // IsUnderRequiredMargin
                    r.u8(234, 0),     // ClosePositionsAtEndOfDay
                    r.u8(235, 0),     // TradingIsDisabled
                    r.text(236, 96),  // Description
                    r.u8(332, 0),     // IsUnderRequiredAccountValue
                    r.i64(336, 0L),   // TransactionDateTime
                    r.f64(344, 0.0),  // MarginRequirementFull
                    r.f64(352, 0.0),  // MarginRequirementFullPositionsOnly
                    r.f64(360, 0.0)); // PeakMarginRequirement
        }

        @Override
        void write(AccountBalanceUpdate m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.f64(8, m.cashBalance());
            w.f64(16, m.balanceAvailableForNewPositions());
            w.text(24, 8, m.accountCurrency());
            w.text(32, 32, m.tradeAccount());
            w.f64(64, m.securitiesValue());
            w.f64(72, m.marginRequirement());
            w.i32(80, m.totalNumberMessages());
            w.i32(84, m.messageNumber());
            w.u8(88, m.noAccountBalances());
            w.u8(89, m.unsolicited());
            w.f64(96, m.openPositionsProfitLoss());
            w.f64(104, m.dailyProfitLoss());
            w.text(112, 96, m.infoText());
            w.i64(208, m.transactionIdentifier());
            w.f64(216, m.dailyNetLossLimit());
            w.f64(224, m.trailingAccountValueToLimitPositions());
            w.u8(232, m.dailyNetLossLimitReached());
            w.u8(233, m.isUnderRequiredMargin());
            w.u8(234, m.closePositionsAtEndOfDay());
            w.u8(235, m.tradingIsDisabled());
            w.text(236, 96, m.description());
            w.u8(332, m.isUnderRequiredAccountValue());
            w.i64(336, m.transactionDateTime());
            w.f64(344, m.marginRequirementFull());
            w.f64(352, m.marginRequirementFullPositionsOnly());
            w.f64(360, m.peakMarginRequirement());
        }
    };

    static final Layout<?>[] ALL = {CURRENT_POSITIONS_REQUEST, CURRENT_POSITIONS_REJECT, POSITION_UPDATE, TRADE_ACCOUNTS_REQUEST, TRADE_ACCOUNT_RESPONSE, ACCOUNT_BALANCE_REQUEST, ACCOUNT_BALANCE_UPDATE};
}
