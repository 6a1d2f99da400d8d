package io.liquidityengine.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import io.liquidityengine.schemas.marketdata.FootprintLevel;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import io.liquidityengine.schemas.signals.DeltaPosition;
import io.liquidityengine.schemas.signals.TrendDirection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The direct sig.bars and sig.bias writers give the catalog serde's bytes, header included. */
class AvroWritersTest {

    private final String scope = "writers-" + UUID.randomUUID();
    private final Map<String, String> registry = Map.of("schema.registry.url", "mock://" + scope);

    @AfterEach
    void dropRegistry() {
        SchemaRegistries.dropMock(scope);
    }

    @Test
    void barsShouldSerializeToTheSameBytesAsTheCatalogSerde() {
        Serializer<Bar> catalog = Topics.SIG_BARS.valueSerde(registry).serializer();
        Serializer<Bar> direct = AvroMapping.barSerializer(registry);
        Map<String, Double> studies = new TreeMap<>(Map.of("Avg", 6001.5, "Zone", -0.0, "\u00e9t\u00e9", Double.NaN));
        List<Bar> bars = List.of(
                bar("ES", 5, Instant.parse("2024-12-05T15:30:00Z"), List.of(new FootprintLevel(6000.0, 3.0, 0.0),
                        new FootprintLevel(6000.25, 1.5, 20.0), new FootprintLevel(6000.5, 0.0, 7.0)), new TreeMap<>(), BarSource.TICKS),
                bar("NQ", 3600, Instant.parse("1969-12-31T23:59:59.999999Z"), List.of(), studies, BarSource.IMPORTED),
                bar("MES\u00e9", 60, Instant.parse("2262-04-11T23:47:16.854775Z"), List.of(new FootprintLevel(-1e300, 1e-300, 0.0)),
                        new TreeMap<>(Map.of("x", 1.0)), BarSource.UNKNOWN));
        for (Bar b : bars) {
            // the direct serializer first, so it is the one that registers the schema
            byte[] mine = direct.serialize(Topics.SIG_BARS.name(), b);
            assertThat(mine).as(b.toString()).isEqualTo(catalog.serialize(Topics.SIG_BARS.name(), b));
        }
        Bar built = AvroMapping.bar(new io.liquidityengine.topology.domain.bars.BarValue("ES", 5, 1_733_412_600_000_000L,
                1_733_412_605_000_000L, 6000.0, 6000.5, 5999.75, 6000.25, 12.0, 7, 5.0, 7.0,
                List.of(new io.liquidityengine.topology.domain.bars.FootprintLevel(5999.75, 5.0, 0.0),
                        new io.liquidityengine.topology.domain.bars.FootprintLevel(6000.5, 0.0, 7.0)), Map.of()), BarSource.TICKS);
        assertThat(direct.serialize(Topics.SIG_BARS.name(), built)).isEqualTo(catalog.serialize(Topics.SIG_BARS.name(), built));
        assertThat(direct.serialize(Topics.SIG_BARS.name(), null)).isNull();
    }

    @Test
    void biasShouldSerializeToTheSameBytesAsTheCatalogSerde() {
        Serializer<Bias> catalog = Topics.SIG_BIAS.valueSerde(registry).serializer();
        Serializer<Bias> direct = AvroMapping.biasSerializer(registry);
        List<Bias> records = List.of(
                new Bias("ES", Instant.parse("2024-12-05T15:30:05Z"), BiasValue.LONG, BiasValue.HOLD, true, 1, TrendDirection.LONG,
                        DeltaPosition.SHORT, 0.25, -1.5, 55.5, false, 3, 6000.25, true, false, List.of(6001.0, 6002.5, 6010.0),
                        List.of()),
                new Bias("NQ", Instant.parse("1969-12-31T23:59:59.000001Z"), BiasValue.HOLD, BiasValue.SHORT, false, -1,
                        TrendDirection.FLAT, DeltaPosition.HOLD, null, null, null, true, 0, -0.0, false, true, List.of(),
                        List.of(21000.0)),
                new Bias("YM", Instant.parse("2024-12-05T21:00:00Z"), BiasValue.SHORT, BiasValue.LONG, true, 0, TrendDirection.SHORT,
                        DeltaPosition.LONG, Double.NaN, 1e-300, null, false, Integer.MAX_VALUE, 44000.0, true, true,
                        List.of(44010.0), List.of(43990.0, 43980.0)));
        for (Bias b : records) {
            byte[] mine = direct.serialize(Topics.SIG_BIAS.name(), b);
            assertThat(mine).as(b.toString()).isEqualTo(catalog.serialize(Topics.SIG_BIAS.name(), b));
        }
    }

    private static Bar bar(String instrument, int interval, Instant start, List<FootprintLevel> footprint, Map<String, Double> studies,
                           BarSource source) {
        return new Bar(instrument, interval, start, start.plusSeconds(interval), 1.0, 2.0, 0.5, 1.5, 10.0, 4L, 4.0, 6.0, footprint,
                studies, source);
    }
}
