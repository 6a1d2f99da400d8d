package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.bars.Aggressor;
import io.liquidityengine.topology.domain.bars.FootprintLevel;
import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bars.BarWindows;
import io.liquidityengine.topology.domain.bars.TradeEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * ticks -> 5 s base bars with bid/ask volume and footprint, final once the instrument's event time
 * passes the bar's end plus the grace period; base bars -> 1m/5m/15m/1h roll-ups. Each instrument
 * keeps its own event-time clock (its latest tick), so replaying the same ticks gives the same bars
 * whatever else shares the partition. Ticks later than the grace period, off the tick grid, for an
 * unknown instrument or with invalid values go to {@code dlq.topology}.
 */
final class BarProcessor implements Processor<String, Tick, String, Object> {

    static final String STORE = "bar-state";
    static final String ROLLUP_STORE = "rollup-state";

    private final TopologyConfig config;
    private final long graceMicros;
    private final Map<Double, TickGrid> grids = new HashMap<>();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, BarState> store;
    private KeyValueStore<String, BarState> rollupStore;
    /** Decoded state per instrument; dropped in init, which runs again whenever the task is (re)initialized. */
    private final Map<String, BarState> cache = new HashMap<>();
    private boolean rollupsChanged;
    private final Map<String, Instrument> instrumentCache = new HashMap<>();
    private KeyValueStore<String, Instrument> instruments;
    private DeadLetterCounter deadLetters;

    BarProcessor(TopologyConfig config) {
        this.config = config;
        this.graceMicros = config.grace().toNanos() / 1_000;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.rollupStore = context.getStateStore(ROLLUP_STORE);
        this.cache.clear();
        this.instrumentCache.clear();
        this.instruments = context.getStateStore(EngineTopology.INSTRUMENTS_STORE);
        this.deadLetters = new DeadLetterCounter(context, "bars");
    }

    @Override
    public void process(Record<String, Tick> record) {
        Tick tick = record.value();
        Instrument instrument = instrument(tick.getInstrument());
        if (instrument == null) {
            reject(record, DeadLetterReason.UNKNOWN_INSTRUMENT, "instrument " + tick.getInstrument() + " is not in ref.instruments");
            return;
        }
        TickGrid grid = grids.computeIfAbsent(instrument.getTickSize(), TickGrid::new);
        TradeEvent trade;
        try {
            trade = AvroMapping.trade(tick);
        } catch (IllegalArgumentException e) {
            reject(record, DeadLetterReason.INVALID_VALUE, e.getMessage());
            return;
        }
        if (!grid.isOnGrid(trade.price())) {
            reject(record, DeadLetterReason.OFF_TICK_GRID, "price " + trade.price() + " is off the " + instrument.getTickSize() + " tick grid");
            return;
        }
        BarState state = state(tick.getInstrument());
        int base = config.baseIntervalSeconds();
        long windowStart = BarWindows.windowStart(trade.timeMicros(), base);
        long windowEnd = windowStart + BarWindows.windowSize(base);
        if (state.maxTimeMicros != Long.MIN_VALUE && windowEnd + graceMicros <= state.maxTimeMicros) {
            reject(record, DeadLetterReason.LATE_EVENT, "tick at " + Micros.instant(trade.timeMicros()) + " is after its bar closed (bar end "
                    + Micros.instant(windowEnd) + " + grace " + config.grace() + " <= event time " + Micros.instant(state.maxTimeMicros) + ")");
            return;
        }
        add(state, trade, grid, windowStart);
        state.maxTimeMicros = Math.max(state.maxTimeMicros, trade.timeMicros());
        rollupsChanged = false;
        emitClosed(state, grid);
        store.put(tick.getInstrument(), state);
        if (rollupsChanged) {
            rollupStore.put(tick.getInstrument(), state);
        }
    }

    /**
     * The instrument from the global store; decoded once and then reused until a base bar of the
     * instrument closes, so reference-data changes apply from the next bar (the global store is
     * updated independently of the stream anyway).
     */
    private Instrument instrument(String symbol) {
        Instrument cached = instrumentCache.get(symbol);
        if (cached == null) {
            cached = instruments.get(symbol);
            if (cached != null) {
                instrumentCache.put(symbol, cached);
            }
        }
        return cached;
    }

    private BarState state(String instrument) {
        BarState state = cache.get(instrument);
        if (state == null) {
            state = new BarState();
            BarState open = store.get(instrument);
            if (open != null) {
                state.maxTimeMicros = open.maxTimeMicros;
                state.openBase.putAll(open.openBase);
            }
            BarState rollups = rollupStore.get(instrument);
            if (rollups != null) {
                state.rollups.putAll(rollups.rollups);
            }
            cache.put(instrument, state);
        }
        return state;
    }

    /** Adds a trade to its open base bar, opening the bar with its first trade. */
    private void add(BarState state, TradeEvent trade, TickGrid grid, long windowStart) {
        int base = config.baseIntervalSeconds();
        double price = grid.price(grid.ticks(trade.price()));
        double size = trade.size();
        Aggressor side = trade.effectiveAggressor();
        double bid = side == Aggressor.SELL ? size : 0;
        double ask = side == Aggressor.BUY ? size : 0;
        BarState.OpenBar open = state.openBase.get(windowStart);
        if (open == null) {
            state.openBase.put(windowStart, BarState.OpenBar.first(trade.instrument(), base, windowStart,
                    windowStart + BarWindows.windowSize(base), price, size, trade.tradeCount(), bid, ask, trade.timeMicros()));
        } else {
            open.add(price, size, trade.tradeCount(), bid, ask, trade.timeMicros());
        }
    }

    private void emitClosed(BarState state, TickGrid grid) {
        Iterator<BarState.OpenBar> it = state.openBase.values().iterator();
        while (it.hasNext()) {
            BarState.OpenBar open = it.next();
            if (open.endMicros() + graceMicros > state.maxTimeMicros) {
                break;
            }
            it.remove();
            BarValue bar = open.bar();
            rollupsChanged = true;
            instrumentCache.remove(bar.instrument());
            forwardBar(bar);
            for (int interval : config.rollupIntervalsSeconds()) {
                BarValue partial = state.rollups.get(interval);
                long start = BarWindows.windowStart(bar.startMicros(), interval);
                if (partial != null && partial.startMicros() < start) {
                    forwardBar(partial);
                    partial = null;
                }
                state.rollups.put(interval, rollUp(partial, bar, interval, start));
            }
        }
        // a roll-up is complete once every base bar inside it is final
        Iterator<Map.Entry<Integer, BarValue>> rollups = state.rollups.entrySet().iterator();
        while (rollups.hasNext()) {
            BarValue partial = rollups.next().getValue();
            if (partial.endMicros() + graceMicros <= state.maxTimeMicros) {
                forwardBar(partial);
                rollups.remove();
                rollupsChanged = true;
            }
        }
    }

    /**
     * The partial roll-up with one more base bar: what {@code BarRollup.merge(List.of(partial, bar))}
     * gives (or {@code merge(List.of(bar))} without a partial), merging the two sorted footprints
     * directly instead of re-accumulating the partial's. Base-bar prices are already on the grid.
     */
    private static BarValue rollUp(BarValue partial, BarValue bar, int interval, long start) {
        long end = start + BarWindows.windowSize(interval);
        if (partial == null) {
            return new BarValue(bar.instrument(), interval, start, end, bar.open(), bar.high(), bar.low(), bar.close(),
                    bar.volume(), bar.trades(), bar.bidVolume(), bar.askVolume(), bar.footprint(), Map.of());
        }
        if (partial.startMicros() != start) {
            throw new IllegalStateException("base bar at " + bar.startMicros() + " outside the open " + interval + " s roll-up at " + partial.startMicros());
        }
        List<FootprintLevel> a = partial.footprint();
        List<FootprintLevel> b = bar.footprint();
        List<FootprintLevel> footprint = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            FootprintLevel x = i < a.size() ? a.get(i) : null;
            FootprintLevel y = j < b.size() ? b.get(j) : null;
            if (y == null || (x != null && x.price() < y.price())) {
                footprint.add(x);
                i++;
            } else if (x == null || y.price() < x.price()) {
                footprint.add(y);
                j++;
            } else {
                footprint.add(new FootprintLevel(x.price(), x.bidVolume() + y.bidVolume(), x.askVolume() + y.askVolume()));
                i++;
                j++;
            }
        }
        return new BarValue(partial.instrument(), interval, start, end, partial.open(), Math.max(partial.high(), bar.high()),
                Math.min(partial.low(), bar.low()), bar.close(), partial.volume() + bar.volume(), partial.trades() + bar.trades(),
                partial.bidVolume() + bar.bidVolume(), partial.askVolume() + bar.askVolume(), footprint, Map.of());
    }

    private void forwardBar(BarValue bar) {
        Bar avro = AvroMapping.bar(bar, BarSource.TICKS);
        Record<String, Object> out = new Record<>(bar.instrument(), avro, Math.floorDiv(bar.endMicros(), 1000));
        context.forward(out, EngineTopology.BARS_OUT);
        if (bar.intervalSeconds() == config.baseIntervalSeconds()) {
            context.forward(out, EngineTopology.SIGNALS);
        }
    }

    private void reject(Record<String, Tick> record, DeadLetterReason reason, String detail) {
        DeadLetter letter = DeadLetterRecords.of("bars", context.recordMetadata().orElse(null), reason, detail,
                record.value().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), record.value().getEventTime());
        deadLetters.record(reason);
        context.forward(new Record<String, Object>(letter.getSource(), letter, record.timestamp()), EngineTopology.DLQ_OUT);
    }
}
