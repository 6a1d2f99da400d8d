package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.SecurityDefinitionForSymbolRequest;
import io.liquidityengine.dtc.message.SecurityDefinitionResponse;

/**
 * Binary-encoding layouts: Security definitions.
 *
 * <p>Offsets are little-endian C struct offsets under the header's {@code #pragma pack(8)} (or
 * {@code pack(1)} where noted on the record). The second argument of each read is what a member
 * reads as when a shorter frame does not hold it (the value the official getter returns then).
 */
final class SecurityDefinitionLayouts {

    private SecurityDefinitionLayouts() {
    }

    static final Layout<SecurityDefinitionForSymbolRequest> SECURITY_DEFINITION_FOR_SYMBOL_REQUEST = new Layout<>(SecurityDefinitionForSymbolRequest.TYPE, 88, SecurityDefinitionForSymbolRequest.class) {
        @Override
        SecurityDefinitionForSymbolRequest read(FieldReader r) {
            return new SecurityDefinitionForSymbolRequest(
                    r.i32(4, 0),     // RequestID
                    r.text(8, 64),   // Symbol
                    r.text(72, 16)); // Exchange
        }

        @Override
        void write(SecurityDefinitionForSymbolRequest m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.text(8, 64, m.symbol());
            w.text(72, 16, m.exchange());
        }
    };

    static final Layout<SecurityDefinitionResponse> SECURITY_DEFINITION_RESPONSE = new Layout<>(SecurityDefinitionResponse.TYPE, 432, SecurityDefinitionResponse.class) {
        @Override
        SecurityDefinitionResponse read(FieldReader r) {
            return new SecurityDefinitionResponse(
                    r.i32(4, 0),       // RequestID
                    r.text(8, 64),     // Symbol
                    r.text(72, 16),    // Exchange
                    r.i32(88, 0),      // SecurityType
                    r.text(92, 64),    // Description
                    r.f32(156, 0.0f),  // MinPriceIncrement
                    r.i32(160, -1),    // PriceDisplayFormat
                    r.f32(164, 0.0f),  // CurrencyValuePerIncrement
                    r.u8(168, 0),      // IsFinalMessage
                    r.f32(172, 1.0f),  // FloatToIntPriceMultiplier
                    r.f32(176, 1.0f),  // IntToFloatPriceDivisor
                    r.text(180, 32),   // UnderlyingSymbol
                    r.u8(212, 0),      // UpdatesBidAskOnly
                    r.f32(216, 0.0f),  // StrikePrice
                    r.u8(220, 0),      // PutOrCall
                    r.u32(224, 0L),    // ShortInterest
                    r.u32(228, 0L),    // SecurityExpirationDate
                    r.f32(232, 0.0f),  // BuyRolloverInterest
                    r.f32(236, 0.0f),  // SellRolloverInterest
                    r.f32(240, 0.0f),  // EarningsPerShare
                    r.u32(244, 0L),    // SharesOutstanding
                    r.f32(248, 0.0f),  // IntToFloatQuantityDivisor
                    r.u8(252, 1),      // HasMarketDepthData
                    r.f32(256, 1.0f),  // DisplayPriceMultiplier
                    r.text(260, 64),   // ExchangeSymbol
                    r.f32(324, 0.0f),  // InitialMarginRequirement
                    r.f32(328, 0.0f),  // MaintenanceMarginRequirement
                    r.text(332, 8),    // Currency
                    r.f32(340, 0.0f),  // ContractSize
                    r.u32(344, 0L),    // OpenInterest
                    r.u32(348, 0L),    // RolloverDate
                    r.u8(352, 0),      // IsDelayed
                    r.i64(360, 0L),    // SecurityIdentifier
                    r.text(368, 64));  // ProductIdentifier
        }

        @Override
        void write(SecurityDefinitionResponse m, FieldWriter w) {
            w.i32(4, m.requestId());
            w.text(8, 64, m.symbol());
            w.text(72, 16, m.exchange());
            w.i32(88, m.securityType());
            w.text(92, 64, m.description());
            w.f32(156, m.minPriceIncrement());
            w.i32(160, m.priceDisplayFormat());
            w.f32(164, m.currencyValuePerIncrement());
            w.u8(168, m.isFinalMessage());
            w.f32(172, m.floatToIntPriceMultiplier());
            w.f32(176, m.intToFloatPriceDivisor());
            w.text(180, 32, m.underlyingSymbol());
            w.u8(212, m.updatesBidAskOnly());
            w.f32(216, m.strikePrice());
            w.u8(220, m.putOrCall());
            w.u32(224, m.shortInterest());
            w.u32(228, m.securityExpirationDate());
            w.f32(232, m.buyRolloverInterest());
            w.f32(236, m.sellRolloverInterest());
            w.f32(240, m.earningsPerShare());
            w.u32(244, m.sharesOutstanding());
            w.f32(248, m.intToFloatQuantityDivisor());
            w.u8(252, m.hasMarketDepthData());
            w.f32(256, m.displayPriceMultiplier());
            w.text(260, 64, m.exchangeSymbol());
            w.f32(324, m.initialMarginRequirement());
            w.f32(328, m.maintenanceMarginRequirement());
            w.text(332, 8, m.currency());
            w.f32(340, m.contractSize());
            w.u32(344, m.openInterest());
            w.u32(348, m.rolloverDate());
            w.u8(352, m.isDelayed());
            w.i64(360, m.securityIdentifier());
            w.text(368, 64, m.productIdentifier());
        }
    };

    static final Layout<?>[] ALL = {SECURITY_DEFINITION_FOR_SYMBOL_REQUEST, SECURITY_DEFINITION_RESPONSE};
}
