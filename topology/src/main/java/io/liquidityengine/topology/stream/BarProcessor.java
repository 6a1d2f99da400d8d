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
import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bars.BarWindows;
import io.liquidityengine.topology.domain.bars.TradeEvent;
import java.util.HashMap;
import java.util.Iterator;
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
    private final int[] rollupIntervals;
    private final Map<Double, TickGrid> grids = new HashMap<>();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, BarState> store;
    private KeyValueStore<String, BarState> rollupStore;
    /** Decoded state per instrument; dropped in init, which runs again whenever the task is (re)initialized. */
    private final Map<String, BarState> cache = new HashMap<>();
    private boolean rollupsChanged;
    private final Map<String, Ref> instrumentCache = new HashMap<>();
    private KeyValueStore<String, Instrument> instruments;
    private DeadLetterCounter deadLetters;

    BarProcessor(TopologyConfig config) {
        this.config = config;
        this.graceMicros = config.grace().toNanos() / 1_000;
        this.rollupIntervals = config.rollupIntervalsSeconds().stream().mapToInt(Integer::intValue).toArray();
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
        Ref ref = ref(tick.getInstrument());
        if (ref == null) {
            reject(record, DeadLetterReason.UNKNOWN_INSTRUMENT, "instrument " + tick.getInstrument() + " is not in ref.instruments");
            return;
        }
        Instrument instrument = ref.instrument();
        TickGrid grid = ref.grid();
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

    /** An instrument's reference data and the tick grid of its tick size. */
    private record Ref(Instrument instrument, TickGrid grid) {
    }

    /**
     * The instrument from the global store with its grid; read once and then reused until a base
     * bar of the instrument closes, so reference-data changes apply from the next bar (the global
     * store is updated independently of the stream anyway).
     */
    private Ref ref(String symbol) {
        Ref cached = instrumentCache.get(symbol);
        if (cached == null) {
            Instrument instrument = instruments.get(symbol);
            if (instrument != null) {
                cached = new Ref(instrument, grids.computeIfAbsent(instrument.getTickSize(), TickGrid::new));
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
        // the loop stops at the first bar that cannot close yet: look at that one without an iterator first
        boolean baseBarsDue = !state.openBase.isEmpty()
                && state.openBase.get(state.openBase.firstKey()).endMicros() + graceMicros <= state.maxTimeMicros;
        Iterator<BarState.OpenBar> it = baseBarsDue ? state.openBase.values().iterator() : java.util.Collections.emptyIterator();
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
            for (int interval : rollupIntervals) {
                BarState.OpenBar partial = state.rollups.get(interval);
                long start = BarWindows.windowStart(bar.startMicros(), interval);
                if (partial != null && partial.startMicros() < start) {
                    forwardBar(partial.bar());
                    partial = null;
                }
                if (partial == null) {
                    state.rollups.put(interval, BarState.OpenBar.rollup(open, interval, start, start + BarWindows.windowSize(interval)));
                } else if (partial.startMicros() != start) {
                    throw new IllegalStateException("base bar at " + bar.startMicros() + " outside the open " + interval
                            + " s roll-up at " + partial.startMicros());
                } else {
                    // the partial roll-up with one more base bar, merged in place (BarRollup.merge's sums in its order)
                    partial.merge(open);
                }
            }
        }
        // a roll-up is complete once every base bar inside it is final
        Iterator<BarState.OpenBar> rollups = state.rollups.values().iterator();
        while (rollups.hasNext()) {
            BarState.OpenBar partial = rollups.next();
            if (partial.endMicros() + graceMicros <= state.maxTimeMicros) {
                forwardBar(partial.bar());
                rollups.remove();
                rollupsChanged = true;
            }
        }
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
