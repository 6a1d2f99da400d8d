package io.liquidityengine.ingest.app;

import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.schemas.reference.AssetClass;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code instruments.<symbol>.*}: reference data published to {@code ref.instruments}. */
@ConfigMapping(prefix = "instruments")
public interface InstrumentsConfig {

    @WithParentName
    Map<String, Instrument> all();

    interface Instrument {
        /** Optional: an empty default would be read as "missing" by SmallRye Config. */
        Optional<String> description();

        @WithDefault("FUTURE")
        String assetClass();

        double tickSize();

        BigDecimal tickValue();

        @WithDefault("USD")
        String currency();

        @WithDefault("1")
        double quantityStep();

        String timeZone();

        String sessionOpen();

        String sessionClose();
    }

    default Map<String, InstrumentSpec> specs() {
        Map<String, InstrumentSpec> out = new TreeMap<>();
        all().forEach((symbol, i) -> out.put(symbol, new InstrumentSpec(symbol, i.description().orElse(""), AssetClass.valueOf(i.assetClass()),
                i.tickSize(), i.tickValue(), i.currency(), i.quantityStep(), ZoneId.of(i.timeZone()),
                LocalTime.parse(i.sessionOpen()), LocalTime.parse(i.sessionClose()))));
        return out;
    }

    default Optional<InstrumentSpec> find(String symbol) {
        return Optional.ofNullable(specs().get(symbol));
    }
}
