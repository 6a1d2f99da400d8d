package io.liquidityengine.topology.stream;

import static io.liquidityengine.topology.stream.TopologyFixture.T0;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.control.StrategyKind;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.LevelDirection;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.marketdata.LevelOrigin;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.marketdata.OptionDelta;
import io.liquidityengine.schemas.marketdata.Tick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * A deterministic synthetic ES session as input records in event-time order: a rule strategy, an
 * imported level, one option-delta value per minute and a random walk of ticks with bursts of size
 * that stack footprint imbalances. Used where the same input must go through a test driver and a
 * real broker.
 */
final class SyntheticSession {

    record Input(Topic<String, ? extends SpecificRecord> topic, String key, SpecificRecord value, long timestamp) {
    }

    private SyntheticSession() {
    }

    static List<Input> records(int ticks, long seed) {
        List<Input> out = new ArrayList<>();
        out.add(new Input(Topics.CONFIG_STRATEGIES, "hammer", StrategyDefinition.newBuilder().setStrategyId("hammer").setVersion(1)
                .setKind(StrategyKind.RULES).setDefinition("""
                        {"timeframe": "1m", "long": {"pattern": "hammer"}, "short": {"pattern": "shooting_star"},
                         "plan": {"stopPoints": 2.0, "validBars": 2}}""").build(), T0.toEpochMilli()));
        for (int m = 0; m < 20; m++) {     // history before the session, so ROC15 and slope are defined from the start
            out.add(delta(T0.minusSeconds(60L * (20 - m)), m));
        }
        out.add(new Input(Topics.MD_LEVELS_IMPORTED, "ES", LiquidityLevel.newBuilder().setInstrument("ES").setLevelId("ES:7")
                .setPrice(6002.00).setEvent(LevelEvent.CREATED).setDirection(LevelDirection.UNKNOWN).setOrigin(LevelOrigin.IMPORTED)
                .setCreatedTime(T0).setSourceId("7").build(), T0.toEpochMilli()));
        long price = 24_000;
        int minute = 0;
        for (int i = 0; i < ticks; i++) {
            Instant t = T0.plusMillis(100L * i);
            if (t.toEpochMilli() >= T0.plusSeconds(60L * minute).toEpochMilli()) {
                out.add(delta(T0.plusSeconds(60L * minute), 20 + minute));
                minute++;
            }
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int r = (int) (seed >>> 58);
            price += r < 28 ? -1 : r > 35 ? 1 : 0;
            AggressorSide side = r % 3 == 0 ? AggressorSide.SELL : AggressorSide.BUY;
            double size = i % 97 < 4 ? 20 : 1 + (r & 3);
            Tick tick = TopologyFixture.tick("ES", t, price * 0.25, size, side);
            out.add(new Input(Topics.MD_TICKS, "ES", tick, t.toEpochMilli()));
        }
        return out;
    }

    private static Input delta(Instant minute, int m) {
        return new Input(Topics.MD_OPTION_DELTAS, "ES", OptionDelta.newBuilder().setUnderlying("ES").setEventTime(minute)
                .setValue(5000 + 37 * Math.sin(m / 5.0) * m).setSource("synthetic").build(), minute.toEpochMilli());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void pipe(TopologyFixture f, Input in) {
        f.input((Topic) in.topic()).pipeInput(in.key(), in.value(), in.timestamp());
    }
}
