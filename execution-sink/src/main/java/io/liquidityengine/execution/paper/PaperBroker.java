package io.liquidityengine.execution.paper;

import io.liquidityengine.execution.broker.Broker;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerEvent.Accepted;
import io.liquidityengine.execution.broker.BrokerEvent.Cancelled;
import io.liquidityengine.execution.broker.BrokerEvent.Filled;
import io.liquidityengine.execution.broker.BrokerEvent.Modified;
import io.liquidityengine.execution.broker.BrokerEvent.Rejected;
import io.liquidityengine.execution.broker.BracketLegSpec;
import io.liquidityengine.execution.broker.CancelBracket;
import io.liquidityengine.execution.broker.EntryType;
import io.liquidityengine.execution.broker.FlattenBracket;
import io.liquidityengine.execution.broker.InstrumentSpec;
import io.liquidityengine.execution.broker.MarketData;
import io.liquidityengine.execution.broker.ModifyBracket;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.broker.PlaceBracket;
import io.liquidityengine.execution.broker.Side;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidityengine.execution.broker.BrokerState;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A simulated broker filling brackets against trades in event time (rules in the package overview).
 * Single-threaded: the sink calls it from its processing loop. Brackets are visited in the order
 * they were placed, so the outcome of a trade is deterministic. Its state ({@link #saveState()}) is
 * its working brackets: format {@value #STATE_FORMAT}, the JSON array of {@link PaperBracket}s, the same
 * document the sink's snapshots of formats 1 and 2 held in {@code paperBrackets}.
 */
public final class PaperBroker implements Broker, MarketData {

    /** When a limit fills: on a print strictly through the limit, or on a print at it. */
    public enum LimitFill { THROUGH, TOUCH }

    /**
     * @param slippageTicks ticks added against the order to market, stop and flatten fills (never to limits)
     * @param commissionPerContract commission charged per contract (or unit) per fill, in the instrument's currency
     */
    public record Config(int slippageTicks, BigDecimal commissionPerContract, LimitFill limitFill) {
        public Config {
            if (slippageTicks < 0) {
                throw new IllegalArgumentException("slippage must be >= 0 ticks, was " + slippageTicks);
            }
            if (commissionPerContract == null || commissionPerContract.signum() < 0) {
                throw new IllegalArgumentException("commission per contract must be >= 0, was " + commissionPerContract);
            }
            Objects.requireNonNull(limitFill, "limitFill");
        }

        public static Config frictionless() {
            return new Config(0, BigDecimal.ZERO, LimitFill.THROUGH);
        }
    }

    /** The format of {@link #saveState()}: the working brackets as a JSON array. */
    public static final int STATE_FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Config config;
    private final Consumer<BrokerEvent> listener;
    private final Map<String, PaperBracket> brackets = new LinkedHashMap<>();

    public PaperBroker(Config config, Consumer<BrokerEvent> listener) {
        this.config = config;
        this.listener = listener;
    }

    @Override
    public void place(PlaceBracket order) {
        if (brackets.containsKey(order.bracketId())) {
            listener.accept(new Rejected(order.clientOrderId(), order.bracketId(), "bracket " + order.bracketId() + " is already working",
                    order.eventTimeMicros()));
            return;
        }
        InstrumentSpec instrument = order.instrument();
        List<PaperLeg> legs = new ArrayList<>();
        for (BracketLegSpec leg : order.legs()) {
            legs.add(new PaperLeg(leg.legId(), leg.quantity(), leg.target() == null ? null : instrument.toTicks(leg.target()),
                    instrument.toTicks(leg.stop()), PaperLeg.Status.WORKING));
        }
        Long entryTicks = order.entryType() == EntryType.MARKET ? null : instrument.toTicks(order.entryPrice());
        brackets.put(order.bracketId(), new PaperBracket(order.clientOrderId(), order.bracketId(), order.account(), instrument,
                order.side(), order.entryType(), order.quantity(), entryTicks, order.eventTimeMicros(), false, null, legs, null));
        listener.accept(new Accepted(order.clientOrderId(), order.bracketId(), order.eventTimeMicros()));
    }

    @Override
    public void modify(ModifyBracket order) {
        PaperBracket bracket = brackets.get(order.bracketId());
        long t = order.eventTimeMicros();
        if (bracket == null || bracket.flattenClientOrderId() != null) {
            listener.accept(new Rejected(order.clientOrderId(), order.bracketId(), notWorking(order.bracketId()), t));
            return;
        }
        InstrumentSpec instrument = bracket.instrument();
        List<BrokerEvent> events = new ArrayList<>();
        if (order.entryPrice() != null && !bracket.entryFilled() && bracket.entryType() != EntryType.MARKET) {
            long newEntry = instrument.toTicks(order.entryPrice());
            if (newEntry != bracket.entryTicks()) {
                events.add(new Modified(order.clientOrderId(), order.bracketId(), OrderRole.ENTRY, null, order.entryPrice(),
                        "entry " + price(instrument, bracket.entryTicks()) + " -> " + price(instrument, newEntry), t));
                bracket = bracket.withEntry(newEntry);
            }
        }
        List<PaperLeg> legs = new ArrayList<>(bracket.legs());
        for (ModifyBracket.LegChange change : order.legs()) {
            for (int i = 0; i < legs.size(); i++) {
                PaperLeg leg = legs.get(i);
                if (!leg.legId().equals(change.legId()) || leg.status() != PaperLeg.Status.WORKING) {
                    continue;
                }
                Long newTarget = change.target() == null ? leg.targetTicks() : Long.valueOf(instrument.toTicks(change.target()));
                long newStop = instrument.toTicks(change.stop());
                if (!Objects.equals(newTarget, leg.targetTicks())) {
                    events.add(new Modified(order.clientOrderId(), order.bracketId(), OrderRole.TARGET, leg.legId(),
                            instrument.price(newTarget), "target " + price(instrument, leg.targetTicks()) + " -> "
                            + price(instrument, newTarget), t));
                }
                if (newStop != leg.stopTicks()) {
                    events.add(new Modified(order.clientOrderId(), order.bracketId(), OrderRole.STOP, leg.legId(),
                            instrument.price(newStop), "stop " + price(instrument, leg.stopTicks()) + " -> " + price(instrument, newStop), t));
                }
                legs.set(i, leg.withPrices(newTarget, newStop));
            }
        }
        brackets.put(bracket.bracketId(), bracket.withLegs(legs));
        if (events.isEmpty()) {
            events.add(new Modified(order.clientOrderId(), order.bracketId(), OrderRole.ENTRY, null, null, "no change", t));
        }
        events.forEach(listener);
    }

    @Override
    public void cancel(CancelBracket order) {
        PaperBracket bracket = brackets.get(order.bracketId());
        if (bracket == null) {
            listener.accept(new Rejected(order.clientOrderId(), order.bracketId(), notWorking(order.bracketId()), order.eventTimeMicros()));
        } else if (bracket.entryFilled()) {
            listener.accept(new Rejected(order.clientOrderId(), order.bracketId(),
                    "bracket " + order.bracketId() + " has an open position; send FLATTEN to close it", order.eventTimeMicros()));
        } else {
            brackets.remove(order.bracketId());
            listener.accept(new Cancelled(order.clientOrderId(), order.bracketId(), OrderRole.ENTRY, null, "cancelled", order.eventTimeMicros()));
        }
    }

    @Override
    public void flatten(FlattenBracket order) {
        PaperBracket bracket = brackets.get(order.bracketId());
        long t = order.eventTimeMicros();
        if (bracket == null || bracket.flattenClientOrderId() != null) {
            listener.accept(new Rejected(order.clientOrderId(), order.bracketId(), notWorking(order.bracketId()), t));
            return;
        }
        if (!bracket.entryFilled()) {
            brackets.remove(order.bracketId());
            listener.accept(new Cancelled(order.clientOrderId(), order.bracketId(), OrderRole.ENTRY, null, "flatten before the entry filled", t));
            return;
        }
        List<PaperLeg> legs = new ArrayList<>();
        for (PaperLeg leg : bracket.legs()) {
            if (leg.status() == PaperLeg.Status.WORKING) {
                if (leg.targetTicks() != null) {
                    listener.accept(new Cancelled(order.clientOrderId(), order.bracketId(), OrderRole.TARGET, leg.legId(), "flatten", t));
                }
                listener.accept(new Cancelled(order.clientOrderId(), order.bracketId(), OrderRole.STOP, leg.legId(), "flatten", t));
                legs.add(leg.with(PaperLeg.Status.FLATTENED));
            } else {
                legs.add(leg);
            }
        }
        brackets.put(bracket.bracketId(), bracket.flattening(order.clientOrderId(), legs));
    }

    @Override
    public boolean idle() {
        return brackets.isEmpty();
    }

    /** A trade printed on {@code instrument} at {@code price}: fills whatever it reaches. */
    @Override
    public void onTrade(String instrument, BigDecimal price, long eventTimeMicros) {
        if (brackets.isEmpty()) {
            return;
        }
        for (PaperBracket bracket : List.copyOf(brackets.values())) {
            if (!bracket.instrument().symbol().equals(instrument) || !bracket.instrument().onGrid(price)) {
                continue;
            }
            if (!bracket.entryFilled() && eventTimeMicros < bracket.placedMicros()) {
                // a trade printed before the order was decided (a replay can deliver it later) never fills it
                continue;
            }
            long p = bracket.instrument().toTicks(price);
            PaperBracket next;
            if (bracket.flattenClientOrderId() != null) {
                next = fillFlatten(bracket, p, eventTimeMicros);
            } else if (!bracket.entryFilled()) {
                next = tryEntry(bracket, p, eventTimeMicros);
            } else {
                next = tryLegs(bracket, p, eventTimeMicros);
            }
            if (next.done()) {
                brackets.remove(next.bracketId());
            } else if (next != bracket) {
                brackets.put(next.bracketId(), next);
            }
        }
    }

    private PaperBracket tryEntry(PaperBracket b, long p, long t) {
        Side side = b.side();
        int slip = side.sign() * config.slippageTicks();
        Long fill = switch (b.entryType()) {
            case MARKET -> Long.valueOf(p + slip);
            case LIMIT -> limitReached(side, b.entryTicks(), p) ? b.entryTicks() : null;
            case STOP -> (side == Side.BUY ? p >= b.entryTicks() : p <= b.entryTicks()) ? Long.valueOf(p + slip) : null;
        };
        if (fill == null) {
            return b;
        }
        listener.accept(new Filled(b.clientOrderId(), b.bracketId(), OrderRole.ENTRY, null, side, b.instrument().price(fill),
                b.quantity(), commission(b.quantity()), t));
        return b.filled(fill);
    }

    private PaperBracket tryLegs(PaperBracket b, long p, long t) {
        Side exit = b.side().opposite();
        if (b.legs().stream().noneMatch(leg -> leg.status() == PaperLeg.Status.WORKING && (stopHit(exit, leg, p) || targetHit(exit, leg, p)))) {
            return b;   // most trades: nothing reached, nothing to copy
        }
        int slip = exit.sign() * config.slippageTicks();
        List<PaperLeg> legs = new ArrayList<>(b.legs());
        for (int i = 0; i < legs.size(); i++) {
            PaperLeg leg = legs.get(i);
            if (leg.status() != PaperLeg.Status.WORKING) {
                continue;
            }
            boolean stopHit = stopHit(exit, leg, p);
            boolean targetHit = targetHit(exit, leg, p);
            if (stopHit) {
                listener.accept(new Filled(b.clientOrderId(), b.bracketId(), OrderRole.STOP, leg.legId(), exit,
                        b.instrument().price(p + slip), leg.quantity(), commission(leg.quantity()), t));
                if (leg.targetTicks() != null) {
                    listener.accept(new Cancelled(b.clientOrderId(), b.bracketId(), OrderRole.TARGET, leg.legId(), "OCO: stop filled", t));
                }
                legs.set(i, leg.with(PaperLeg.Status.STOPPED));
            } else if (targetHit) {
                listener.accept(new Filled(b.clientOrderId(), b.bracketId(), OrderRole.TARGET, leg.legId(), exit,
                        b.instrument().price(leg.targetTicks()), leg.quantity(), commission(leg.quantity()), t));
                listener.accept(new Cancelled(b.clientOrderId(), b.bracketId(), OrderRole.STOP, leg.legId(), "OCO: target filled", t));
                legs.set(i, leg.with(PaperLeg.Status.TARGET_FILLED));
            }
        }
        return b.withLegs(legs);
    }

    private PaperBracket fillFlatten(PaperBracket b, long p, long t) {
        Side exit = b.side().opposite();
        BigDecimal open = BigDecimal.ZERO;
        // the flattened legs are the ones still open when the flatten arrived
        for (PaperLeg leg : b.legs()) {
            if (leg.status() == PaperLeg.Status.FLATTENED) {
                open = open.add(leg.quantity());
            }
        }
        listener.accept(new Filled(b.flattenClientOrderId(), b.bracketId(), OrderRole.FLATTEN, null, exit,
                b.instrument().price(p + (long) exit.sign() * config.slippageTicks()), open, commission(open), t));
        return b.flattening(null, b.legs());
    }

    /** The exit stop is a stop on the exit side: a long's sell stop triggers at or below it. */
    private static boolean stopHit(Side exit, PaperLeg leg, long p) {
        return exit == Side.SELL ? p <= leg.stopTicks() : p >= leg.stopTicks();
    }

    private boolean targetHit(Side exit, PaperLeg leg, long p) {
        return leg.targetTicks() != null && limitReached(exit, leg.targetTicks(), p);
    }

    /** A limit on {@code side} at {@code limit} is reached by a print at {@code p}: strictly through it, or at it with TOUCH. */
    private boolean limitReached(Side side, long limit, long p) {
        boolean through = side == Side.BUY ? p < limit : p > limit;
        return through || (config.limitFill() == LimitFill.TOUCH && p == limit);
    }

    private BigDecimal commission(BigDecimal quantity) {
        return quantity.multiply(config.commissionPerContract());
    }

    /** The working brackets, in placement order. */
    public List<PaperBracket> snapshot() {
        return List.copyOf(brackets.values());
    }

    /** Replaces the working brackets with a snapshot taken by {@link #snapshot()}. */
    public void restore(List<PaperBracket> snapshot) {
        brackets.clear();
        snapshot.forEach(b -> brackets.put(b.bracketId(), b));
    }

    /** The working brackets (format {@value #STATE_FORMAT}); empty when none are working. */
    @Override
    public Optional<BrokerState> saveState() {
        if (brackets.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BrokerState(STATE_FORMAT, JSON.writeValueAsBytes(snapshot())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the paper broker's brackets: " + e.getMessage(), e);
        }
    }

    @Override
    public void restoreState(BrokerState state) {
        if (state.formatVersion() != STATE_FORMAT) {
            throw BrokerState.unsupported(PaperBrokerFactory.NAME, state.formatVersion(), STATE_FORMAT);
        }
        try {
            restore(JSON.readValue(state.bytes(), new TypeReference<List<PaperBracket>>() { }));
        } catch (IOException e) {
            throw new IllegalStateException("cannot decode the paper broker's state (format " + STATE_FORMAT + "): " + e.getMessage(), e);
        }
    }

    private static String notWorking(String bracketId) {
        return "bracket " + bracketId + " is not working (unknown, cancelled, closed or being flattened)";
    }

    private static String price(InstrumentSpec instrument, Long ticks) {
        return ticks == null ? "none" : instrument.price(ticks).toPlainString();
    }
}
