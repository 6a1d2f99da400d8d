package io.liquidityengine.ingest.reference;

import io.liquidityengine.schemas.reference.AssetClass;
import io.liquidityengine.schemas.reference.Instrument;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;

/** Reference data of one instrument as configured; published to {@code ref.instruments}. */
public record InstrumentSpec(String symbol, String description, AssetClass assetClass, double tickSize, BigDecimal tickValue,
                             String currency, double quantityStep, ZoneId timeZone, LocalTime sessionOpen, LocalTime sessionClose) {

    public InstrumentSpec {
        if (!(tickSize > 0)) {
            throw new IllegalArgumentException("instrument " + symbol + ": tick size must be positive, got " + tickSize);
        }
        if (tickValue.signum() <= 0) {
            throw new IllegalArgumentException("instrument " + symbol + ": tick value must be positive, got " + tickValue);
        }
        if (!(quantityStep > 0)) {
            throw new IllegalArgumentException("instrument " + symbol + ": quantity step must be positive, got " + quantityStep);
        }
    }

    /** Rounds a price to the nearest tick (removes float32 noise from file formats). */
    public double roundToTick(double price) {
        // via decimal so that 0.01 ticks give 12345.67, not 12345.670000000002
        return BigDecimal.valueOf(Math.round(price / tickSize)).multiply(BigDecimal.valueOf(tickSize)).doubleValue();
    }

    public Instrument toAvro() {
        return Instrument.newBuilder().setSymbol(symbol).setDescription(description).setAssetClass(assetClass)
                .setTickSize(tickSize).setTickValue(tickValue.setScale(6)).setCurrency(currency).setQuantityStep(quantityStep)
                .setTimeZone(timeZone.getId()).setSessionOpen(sessionOpen).setSessionClose(sessionClose).build();
    }
}
