package io.liquidityengine.execution.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every broker must do, whatever its venue: one subclass per broker ({@code PaperBrokerContractTest},
 * the DTC broker's next). The venue fills by the paper broker's rules without friction (no slippage, no
 * commission, limits fill on a print through them), so the expected events are the same for every broker.
 * Events are compared as text without the venue's free text; a broker answering from its own threads
 * leaves events in the inbox, which the test drains after {@link Venue#settle()}, as the sink would.
 */
public abstract class BrokerContractTest {

    protected static final String ACCOUNT = "CONTRACT-1";
    protected static final InstrumentSpec ES = new InstrumentSpec("ES", new BigDecimal("0.25"), new BigDecimal("12.50"), "USD", BigDecimal.ONE);
    private static final long T0 = 1_733_410_800_000_000L;

    /** The broker under test and the market it works in. */
    protected interface Venue extends AutoCloseable {

        Broker broker();

        /** A trade prints at the venue at {@code price}. */
        void trade(InstrumentSpec instrument, BigDecimal price, long eventTimeMicros);

        /** Returns once the broker has answered everything asked so far (a synchronous broker has). */
        default void settle() {
        }

        @Override
        default void close() {
        }
    }

    /**
     * A new, started venue and broker for {@code context}, frictionless; a second call gives a second,
     * independent broker on the same market (for restore tests both see the same trades).
     */
    protected abstract Venue open(BrokerContext context);

    /**
     * The broker after a restart: a new broker for {@code context} that takes over from {@code previous}
     * (whose state was saved as {@code state}) and restores it, as the sink does (create, restore, start,
     * reconcile). Default: a new {@link #open} venue with the state restored, which is right for a venue
     * that lives in the broker (paper); a real venue reconnects to the previous one's account.
     */
    protected Venue reopen(Venue previous, BrokerContext context, Optional<BrokerState> state) {
        Venue venue = open(context);
        state.ifPresent(s -> venue.broker().restoreState(s));
        return venue;
    }

    private final List<Venue> opened = new ArrayList<>();

    @AfterEach
    void closeVenues() {
        opened.forEach(Venue::close);
    }

    /** A broker under test with the events it reported, as text. */
    protected final class Client {
        final List<String> events = new ArrayList<>();
        final BrokerInbox inbox = new BrokerInbox();
        final Venue venue;

        Client() {
            Consumer<BrokerEvent> listener = e -> events.add(line(e));
            venue = open(new BrokerContext(ACCOUNT, BrokerSettings.empty(), listener, inbox));
            opened.add(venue);
        }

        /** The broker restarted from {@code previous}'s saved state. */
        Client(Client previous, Optional<BrokerState> state) {
            Consumer<BrokerEvent> listener = e -> events.add(line(e));
            venue = reopen(previous.venue, new BrokerContext(ACCOUNT, BrokerSettings.empty(), listener, inbox), state);
            opened.add(venue);
        }

        Broker broker() {
            return venue.broker();
        }

        Client call(Consumer<Broker> call) {
            call.accept(venue.broker());
            return settle();
        }

        Client trade(int second, String price) {
            venue.trade(ES, new BigDecimal(price), at(second));
            return settle();
        }

        /** Settles and drains the inbox as the sink would, until a drain finds nothing (what a drain sends is answered too). */
        private Client settle() {
            do {
                venue.settle();
            } while (inbox.drainTo(e -> events.add(line(e))) > 0);
            return this;
        }

        List<String> take() {
            List<String> out = List.copyOf(events);
            events.clear();
            return out;
        }
    }

    protected static long at(int second) {
        return T0 + second * 1_000_000L;
    }

    protected static String line(BrokerEvent e) {
        if (e instanceof BrokerEvent.Accepted a) {
            return a.clientOrderId() + " accepted " + a.bracketId();
        } else if (e instanceof BrokerEvent.Rejected r) {
            return r.clientOrderId() + " rejected " + r.bracketId() + (r.text() == null || r.text().isBlank() ? " WITHOUT TEXT" : "");
        } else if (e instanceof BrokerEvent.Cancelled c) {
            return c.clientOrderId() + " cancelled " + c.role() + (c.legId() == null ? "" : " " + c.legId());
        } else if (e instanceof BrokerEvent.Discrepancy d) {
            return "discrepancy " + d.kind() + " " + d.clientOrderId() + " " + d.bracketId() + " " + d.instrument();
        } else if (e instanceof BrokerEvent.Modified m) {
            return m.clientOrderId() + " modified " + m.role() + (m.legId() == null ? "" : " " + m.legId())
                    + (m.price() == null ? "" : " " + plain(m.price()));
        }
        BrokerEvent.Filled f = (BrokerEvent.Filled) e;
        return f.clientOrderId() + " filled " + f.role() + (f.legId() == null ? "" : " " + f.legId()) + " " + f.side()
                + " " + plain(f.price()) + " x" + plain(f.quantity()) + " c" + plain(f.commission());
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    protected static BracketLegSpec leg(String id, int quantity, String target, String stop) {
        return new BracketLegSpec(id, BigDecimal.valueOf(quantity), target == null ? null : new BigDecimal(target), new BigDecimal(stop));
    }

    protected static PlaceBracket place(String id, Side side, EntryType type, String entry, int second, BracketLegSpec... legs) {
        int quantity = 0;
        for (BracketLegSpec l : legs) {
            quantity += l.quantity().intValueExact();
        }
        return new PlaceBracket(id, id, ACCOUNT, ES, side, type, BigDecimal.valueOf(quantity), entry == null ? null : new BigDecimal(entry),
                List.of(legs), at(second));
    }

    static ModifyBracket moveStops(String id, String bracketId, String stop, int second, String... legIds) {
        List<ModifyBracket.LegChange> changes = new ArrayList<>();
        for (String leg : legIds) {
            changes.add(new ModifyBracket.LegChange(leg, null, new BigDecimal(stop)));
        }
        return new ModifyBracket(id, bracketId, null, changes, at(second));
    }

    @Test
    void shouldFillTheEntryThenTheStopsAndCancelEachTargetByOco() {
        Client c = new Client();
        c.call(b -> b.place(place("B1", Side.BUY, EntryType.LIMIT, "6000.00", 0, leg("B1-L1", 1, "6002.00", "5994.00"),
                leg("B1-L2", 2, "6005.00", "5994.00"))));
        c.trade(1, "5999.75").trade(2, "5994.00");

        assertThat(c.take()).containsExactly(
                "B1 accepted B1",
                "B1 filled ENTRY BUY 6000 x3 c0",
                "B1 filled STOP B1-L1 SELL 5994 x1 c0",
                "B1 cancelled TARGET B1-L1",
                "B1 filled STOP B1-L2 SELL 5994 x2 c0",
                "B1 cancelled TARGET B1-L2");
    }

    @Test
    void shouldTakeT1ThenCloseTheRestAtBreakEvenAfterTheStopsMoved() {
        Client c = new Client();
        c.call(b -> b.place(place("B1", Side.BUY, EntryType.LIMIT, "6000.00", 0, leg("B1-L1", 1, "6002.00", "5994.00"),
                leg("B1-L2", 2, "6005.00", "5994.00"))));
        c.trade(1, "5999.75").trade(2, "6002.25");
        c.call(b -> b.modify(moveStops("B1-M", "B1", "6000.00", 3, "B1-L1", "B1-L2")));
        c.trade(4, "6003.00").trade(5, "6000.00");

        assertThat(c.take()).containsExactly(
                "B1 accepted B1",
                "B1 filled ENTRY BUY 6000 x3 c0",
                "B1 filled TARGET B1-L1 SELL 6002 x1 c0",
                "B1 cancelled STOP B1-L1",
                "B1-M modified STOP B1-L2 6000",
                "B1 filled STOP B1-L2 SELL 6000 x2 c0",
                "B1 cancelled TARGET B1-L2");
    }

    @Test
    void shouldLeaveALimitThatIsNeverPrintedThroughWorkingUntilItIsCancelled() {
        Client c = new Client();
        c.call(b -> b.place(place("S1", Side.SELL, EntryType.LIMIT, "6010.00", 0, leg("S1-L1", 1, "6000.00", "6016.00"))));
        c.trade(1, "6010.00").trade(2, "6009.75").trade(3, "6008.00");
        c.call(b -> b.cancel(new CancelBracket("S1-C", "S1", at(4))));
        c.trade(5, "6012.00");

        assertThat(c.take()).containsExactly("S1 accepted S1", "S1-C cancelled ENTRY");
    }

    @Test
    void shouldMoveAWorkingEntry() {
        Client c = new Client();
        c.call(b -> b.place(place("B1", Side.BUY, EntryType.LIMIT, "6000.00", 0, leg("B1-L1", 1, "6004.00", "5990.00"))));
        c.call(b -> b.modify(new ModifyBracket("B1-M", "B1", new BigDecimal("5998.00"), List.of(), at(1))));
        c.trade(2, "5999.75").trade(3, "5997.75");

        assertThat(c.take()).containsExactly(
                "B1 accepted B1",
                "B1-M modified ENTRY 5998",
                "B1 filled ENTRY BUY 5998 x1 c0");
    }

    @Test
    void shouldFlattenAnOpenPositionAtTheNextTradeAndCancelAnUnfilledEntry() {
        Client c = new Client();
        c.call(b -> b.place(place("B1", Side.BUY, EntryType.MARKET, null, 0, leg("B1-L1", 1, "6004.00", "5990.00"),
                leg("B1-L2", 1, null, "5990.00"))));
        c.call(b -> b.place(place("B2", Side.SELL, EntryType.LIMIT, "6010.00", 0, leg("B2-L1", 1, "6000.00", "6016.00"))));
        c.trade(1, "6000.00");
        c.call(b -> b.flatten(new FlattenBracket("B1-X", "B1", at(2))));
        c.call(b -> b.flatten(new FlattenBracket("B2-X", "B2", at(2))));
        c.trade(3, "6001.00").trade(4, "5980.00");

        assertThat(c.take()).containsExactly(
                "B1 accepted B1",
                "B2 accepted B2",
                "B1 filled ENTRY BUY 6000 x2 c0",
                "B1-X cancelled TARGET B1-L1",
                "B1-X cancelled STOP B1-L1",
                "B1-X cancelled STOP B1-L2",
                "B2-X cancelled ENTRY",
                "B1-X filled FLATTEN SELL 6001 x2 c0");
    }

    @Test
    void shouldRejectWhatItCannotDoWithAText() {
        Client c = new Client();
        c.call(b -> b.place(place("B1", Side.BUY, EntryType.MARKET, null, 0, leg("B1-L1", 1, "6004.00", "5990.00"))));
        c.trade(1, "6000.00");
        c.call(b -> b.place(place("B1", Side.BUY, EntryType.MARKET, null, 2, leg("B1-L1", 1, "6004.00", "5990.00"))));
        c.call(b -> b.cancel(new CancelBracket("B1-C", "B1", at(2))));
        c.call(b -> b.modify(moveStops("B9-M", "B9", "6000.00", 2, "B9-L1")));
        c.call(b -> b.flatten(new FlattenBracket("B9-X", "B9", at(2))));
        c.trade(3, "6004.25");
        c.call(b -> b.modify(moveStops("B1-M", "B1", "6000.00", 4, "B1-L1")));

        assertThat(c.take()).containsExactly(
                "B1 accepted B1",
                "B1 filled ENTRY BUY 6000 x1 c0",
                "B1 rejected B1",
                "B1-C rejected B1",
                "B9-M rejected B9",
                "B9-X rejected B9",
                "B1 filled TARGET B1-L1 SELL 6004 x1 c0",
                "B1 cancelled STOP B1-L1",
                "B1-M rejected B1");
    }

    /** The T1/break-even day as steps, to cut anywhere. */
    private static List<Consumer<Client>> day() {
        return List.of(
                c -> c.call(b -> b.place(place("B1", Side.BUY, EntryType.LIMIT, "6000.00", 0, leg("B1-L1", 1, "6002.00", "5994.00"),
                        leg("B1-L2", 2, "6005.00", "5994.00")))),
                c -> c.call(b -> b.place(place("S1", Side.SELL, EntryType.STOP, "5995.00", 0, leg("S1-L1", 1, "5990.00", "6001.00")))),
                c -> c.trade(1, "5999.75"),
                c -> c.trade(2, "6002.25"),
                c -> c.call(b -> b.modify(moveStops("B1-M", "B1", "6000.00", 3, "B1-L1", "B1-L2"))),
                c -> c.trade(4, "6003.00"),
                c -> c.call(b -> b.flatten(new FlattenBracket("S1-X", "S1", at(5)))),
                c -> c.call(b -> b.place(place("B2", Side.BUY, EntryType.MARKET, null, 5, leg("B2-L1", 1, null, "5990.00")))),
                c -> c.trade(6, "6000.00"),
                c -> c.call(b -> b.flatten(new FlattenBracket("B2-X", "B2", at(7)))),
                c -> c.trade(8, "5999.00"));
    }

    @Test
    void shouldContinueFromItsSavedStateExactlyAsWithoutTheRestart() {
        List<Consumer<Client>> day = day();
        Client uninterrupted = new Client();
        day.forEach(step -> step.accept(uninterrupted));
        List<String> all = uninterrupted.take();
        assertThat(all).contains("B1 filled STOP B1-L2 SELL 6000 x2 c0", "B2-X filled FLATTEN SELL 5999 x1 c0");

        for (int cut = 1; cut < day.size(); cut++) {
            Client first = new Client();
            day.subList(0, cut).forEach(step -> step.accept(first));
            Optional<BrokerState> saved = first.broker().saveState();
            Client second = new Client(first, saved);
            assertThat(second.broker().saveState()).as("state restored at cut %d", cut).isEqualTo(saved);
            second.events.addAll(first.take());
            day.subList(cut, day.size()).forEach(step -> step.accept(second));
            assertThat(second.take()).as("events with a restart at cut %d", cut).containsExactlyElementsOf(all);
        }
    }

    @Test
    void shouldRefuseAStateFormatItDoesNotKnow() {
        Client c = new Client();
        c.call(b -> b.place(place("B1", Side.BUY, EntryType.LIMIT, "6000.00", 0, leg("B1-L1", 1, "6002.00", "5994.00"))));
        BrokerState saved = c.broker().saveState().orElseThrow();
        BrokerState future = new BrokerState(saved.formatVersion() + 1000, saved.bytes());
        Broker fresh = new Client().broker();

        assertThatThrownBy(() -> fresh.restoreState(future)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("format " + future.formatVersion());
    }
}
