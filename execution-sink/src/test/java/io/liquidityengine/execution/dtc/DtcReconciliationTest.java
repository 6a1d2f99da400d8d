package io.liquidityengine.execution.dtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.broker.BracketLegSpec;
import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerInbox;
import io.liquidityengine.execution.broker.BrokerSettings;
import io.liquidityengine.execution.broker.BrokerState;
import io.liquidityengine.execution.broker.EntryType;
import io.liquidityengine.execution.broker.InstrumentSpec;
import io.liquidityengine.execution.broker.PlaceBracket;
import io.liquidityengine.execution.broker.Side;
import io.liquidityengine.execution.sink.ExecutionSink;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Position;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation of the DTC broker with the project's DTC server on loopback: a fill that happened while
 * the broker was down is reported once, an order the server does not know and one the sink never sent
 * are reported, and a position changed at the server behind the sink's back becomes a HALT on
 * control.commands. Every wait is on a server answer; no sleeps.
 */
class DtcReconciliationTest {

    private static final InstrumentSpec ES = new InstrumentSpec("ES", new BigDecimal("0.25"), new BigDecimal("12.50"), "USD", BigDecimal.ONE);
    private static final long T0 = 1_733_410_800_000_000L;
    private static DtcLoopback loopback;
    private final List<Client> clients = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        loopback = new DtcLoopback(15);
    }

    @AfterAll
    static void stopServer() {
        loopback.close();
    }

    @AfterEach
    void closeBrokers() {
        clients.forEach(c -> c.broker.close());
    }

    /** A DTC broker of one trade account and the events it reported, as text. */
    private final class Client {
        final List<String> events = new ArrayList<>();
        final BrokerInbox inbox = new BrokerInbox();
        final DtcBroker broker;

        Client(DtcLoopback.Market market, Optional<BrokerState> state) {
            broker = market.broker(loopback.server.port(), new BrokerContext("ACCT", BrokerSettings.empty(), e -> events.add(line(e)), inbox));
            clients.add(this);
            state.ifPresent(broker::restoreState);
            broker.start();
        }

        Client settle() {
            int drained;
            do {
                broker.roundTrip();
                drained = inbox.drainTo(e -> events.add(line(e)));
            } while (drained > 0 || broker.holdsInput());
            return this;
        }

        /** Starts a reconciliation and books its answers as the sink would: one inbox drain per answer, until it is done. */
        Client reconcile() {
            broker.reconcile();
            assertThat(broker.holdsInput()).as("the answers come through the inbox; the sink's input waits meanwhile").isTrue();
            return settle();
        }

        /** As the sink while a broker holds its input: only the inbox (at least one drain), until the input may go on. */
        void drainWhileHeld() {
            do {
                inbox.drainTo(e -> events.add(line(e)), java.time.Duration.ofSeconds(10));
            } while (broker.holdsInput());
        }

        List<String> take() {
            List<String> out = List.copyOf(events);
            events.clear();
            return out;
        }
    }

    /** Drops every session of the server and waits until {@code c}'s broker has noticed (it reconnects a moment later). */
    private static void dropSession(Client c) {
        assertThat(loopback.server.dropConnections()).isPositive();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (c.broker.loggedOn()) {
            assertThat(System.nanoTime()).as("the broker notices the dropped link").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /**
     * A limit bracket B1 a first broker placed and cancelled, then closed as in a crash before anything since before B1 was
     * committed; returns the second broker, reconciled: the server holds B1 only as cancelled.
     */
    private Client afterCancelledB1(DtcLoopback.Market m, PlaceBracket b1) {
        Client first = new Client(m, Optional.empty());
        first.broker.place(b1);
        assertThat(first.settle().take()).containsExactly("B1 accepted");
        first.broker.cancel(new io.liquidityengine.execution.broker.CancelBracket("B1-C", "B1", at(1)));
        assertThat(first.settle().take()).containsExactly("B1-C cancelled ENTRY");
        first.broker.close();
        Client second = new Client(m, Optional.empty());
        second.reconcile();
        return second;
    }

    private static PlaceBracket limitB1() {
        return new PlaceBracket("B1", "B1", "ACCT", ES, Side.BUY, EntryType.LIMIT, BigDecimal.ONE, new BigDecimal("5990.00"),
                List.of(new BracketLegSpec("B1-L1", BigDecimal.ONE, new BigDecimal("6004.00"), new BigDecimal("5980.00"))), at(0));
    }

    private static String line(BrokerEvent e) {
        if (e instanceof BrokerEvent.Accepted a) {
            return a.clientOrderId() + " accepted";
        } else if (e instanceof BrokerEvent.Filled f) {
            return f.clientOrderId() + " filled " + f.role() + (f.legId() == null ? "" : " " + f.legId()) + " " + f.side() + " "
                    + f.price().stripTrailingZeros().toPlainString() + " x" + f.quantity().toPlainString() + " at " + (f.eventTimeMicros() - T0);
        } else if (e instanceof BrokerEvent.Cancelled c) {
            return c.clientOrderId() + " cancelled " + c.role() + (c.legId() == null ? "" : " " + c.legId());
        } else if (e instanceof BrokerEvent.Discrepancy d) {
            return d.kind() + " " + d.clientOrderId() + " " + d.bracketId() + " " + d.instrument() + ": " + d.text();
        }
        return e.toString();
    }

    private static long at(int second) {
        return T0 + second * 1_000_000L;
    }

    private static PlaceBracket market(String id, Side side, int quantity, String target, String stop) {
        return new PlaceBracket(id, id, "ACCT", ES, side, EntryType.MARKET, BigDecimal.valueOf(quantity), null,
                List.of(new BracketLegSpec(id + "-L1", BigDecimal.valueOf(quantity), target == null ? null : new BigDecimal(target),
                        new BigDecimal(stop))), at(0));
    }

    /**
     * The session drops while a reconciliation waits: its next request cannot be sent. The broker keeps holding the
     * input (the sink does not stop), and the reconciliation the re-logon starts completes it.
     */
    @Test
    void shouldWaitForTheReLogonWhenTheSessionDropsDuringAReconciliation() throws Exception {
        Client c = new Client(loopback.market(), Optional.empty()).reconcile();
        c.take();
        dropSession(c);
        c.broker.reconcile(); // its first request fails at once: not connected

        c.drainWhileHeld();

        assertThat(c.broker.loggedOn()).isTrue();
        assertThat(c.take()).isEmpty();
    }

    @Test
    void aFillWhileTheBrokerWasDownIsReportedOnceOnRestart() {
        DtcLoopback.Market m = loopback.market();
        Client first = new Client(m, Optional.empty());
        first.broker.place(market("B1", Side.BUY, 1, "6004.00", "5990.00"));
        assertThat(first.settle().take()).containsExactly("B1 accepted");
        Optional<BrokerState> saved = first.broker.saveState();
        first.broker.close();

        m.trade(new BigDecimal("6000.00"), at(1)); // the entry fills while no broker is connected

        Client second = new Client(m, saved);
        assertThat(second.reconcile().take()).containsExactly("B1 filled ENTRY BUY 6000 x1 at 1000000");
        second.broker.reconcile();
        assertThat(second.settle().take()).as("a second reconciliation finds nothing new").isEmpty();

        m.trade(new BigDecimal("6004.25"), at(2));
        assertThat(second.settle().take()).containsExactly("B1 filled TARGET B1-L1 SELL 6004 x1 at 2000000", "B1 cancelled STOP B1-L1");
    }

    @Test
    void reconciliationTakesOneStepPerAnswerOnTheSinksThreadAndNeverWaitsForTheServer() {
        DtcLoopback.Market m = loopback.market();
        Client first = new Client(m, Optional.empty());
        first.broker.place(market("B1", Side.BUY, 1, "6004.00", "5990.00"));
        assertThat(first.settle().take()).containsExactly("B1 accepted");
        Optional<BrokerState> saved = first.broker.saveState();
        first.broker.close();
        m.trade(new BigDecimal("6000.00"), at(1)); // the entry fills while no broker is connected

        Client second = new Client(m, saved);
        second.broker.reconcile(); // sends the first request and returns
        assertThat(second.broker.holdsInput()).isTrue();
        List<String> steps = new ArrayList<>();
        while (second.broker.holdsInput()) {
            second.broker.roundTrip(); // the server has answered the step's request by now: its answer waits in the inbox
            assertThat(second.events).as("nothing is booked outside the sink's drain").isEmpty();
            int drained = second.inbox.drainTo(e -> second.events.add(line(e)));
            steps.add(drained + " " + second.take() + " holds input " + second.broker.holdsInput());
        }
        assertThat(steps).as("fills since the last one, open orders, B1 (no longer open) by server id, positions").containsExactly(
                "1 [] holds input true",
                "1 [] holds input true",
                "1 [B1 filled ENTRY BUY 6000 x1 at 1000000] holds input true",
                "1 [] holds input false");
        assertThat(second.settle().take()).isEmpty();
    }

    @Test
    void anEngineIdTooLongForDtcGoesOutHashedAndIsAdoptedAfterACrash() {
        String id = "ES-LIVE-1:ema-cross-patterns:ES:1733412420000000:0"; // the engine's ids: 50 bytes, DTC holds 31
        assertThat(DtcIds.of(id, 1)).isEqualTo("H5_NLd2WBhEfR7GnH9B2H");
        assertThat(DtcIds.of("B1", 3)).as("an id that fits goes out as it is").isEqualTo("B1");
        DtcLoopback.Market m = loopback.market();
        PlaceBracket b1 = market(id, Side.BUY, 1, "6004.00", "5990.00");
        Client first = new Client(m, Optional.empty());
        first.broker.place(b1);
        assertThat(first.settle().take()).as("events name the engine's id").containsExactly(id + " accepted");
        assertThat(new String(first.broker.saveState().orElseThrow().bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"H5_NLd2WBhEfR7GnH9B2H/T1\"", "\"H5_NLd2WBhEfR7GnH9B2H/S1\"");
        first.broker.close(); // a crash before the PLACE's transaction committed

        Client second = new Client(m, Optional.empty());
        second.reconcile();
        second.broker.place(b1); // processed again: found at the server under the same hashed ids
        assertThat(second.take()).containsExactly(id + " accepted");
        assertThat(second.broker.sent()).as("adopted, not sent again").isZero();
        second.broker.inputCaughtUp();
        assertThat(second.settle().take()).isEmpty();
        m.trade(new BigDecimal("6000.00"), at(1));
        m.trade(new BigDecimal("5990.00"), at(2));
        assertThat(second.settle().take()).containsExactly(id + " filled ENTRY BUY 6000 x1 at 1000000",
                id + " filled STOP " + id + "-L1 SELL 5990 x1 at 2000000", id + " cancelled TARGET " + id + "-L1");
    }

    @Test
    void anOrderTheServerDoesNotKnowAndOneTheSinkNeverSentAreReported() {
        DtcLoopback.Market m = loopback.market();
        Client first = new Client(m, Optional.empty());
        first.broker.place(new PlaceBracket("B1", "B1", "ACCT", ES, Side.BUY, EntryType.LIMIT, BigDecimal.ONE, new BigDecimal("5990.00"),
                List.of(new BracketLegSpec("B1-L1", BigDecimal.ONE, new BigDecimal("6004.00"), new BigDecimal("5980.00"))), at(0)));
        assertThat(first.settle().take()).containsExactly("B1 accepted");
        Optional<BrokerState> saved = first.broker.saveState();
        first.broker.close();

        // the state taken to another trade account, where the server has never seen B1; someone trades there by hand
        DtcLoopback.Market other = loopback.market();
        Client manual = new Client(other, Optional.empty());
        manual.broker.place(new PlaceBracket("M1", "M1", "ACCT", ES, Side.SELL, EntryType.LIMIT, BigDecimal.ONE, new BigDecimal("6010.00"),
                List.of(new BracketLegSpec("M1-L1", BigDecimal.ONE, null, new BigDecimal("6020.00"))), at(0)));
        assertThat(manual.settle().take()).containsExactly("M1 accepted");

        Client restored = new Client(other, saved);
        assertThat(restored.reconcile().take()).containsExactly(
                "ORDER_UNKNOWN_AT_VENUE B1 B1 ES: order B1 of bracket B1 is not known at the server (" + serverIdOf(saved) + "); bracket marked rejected");
        // M1 could still be one of the sink's own orders, sent before a crash, whose instruction is being processed again
        restored.broker.inputCaughtUp();
        assertThat(restored.settle().take()).containsExactly(
                "FOREIGN_ORDER M1 null " + other.tape().symbol() + ": order M1 (" + serverIdOf(manual.broker.saveState()) + ", " + other.tape().symbol()
                        + ") is open at the server but was not sent by this sink; left alone");
        assertThat(restored.broker.saveState()).as("the unknown bracket is dropped").isEmpty();
    }

    @Test
    void aPositionChangedBehindTheSinksBackHaltsTheAccountOnControlCommands() {
        DtcLoopback.Market m = loopback.market();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        List<ControlCommand> commands = new ArrayList<>();
        List<ExecutionReport> reports = new ArrayList<>();
        ExecutionSink.Output output = new ExecutionSink.Output() {
            @Override
            public void report(ExecutionReport report) {
                reports.add(report);
            }

            @Override
            public void position(Position position) {
            }

            @Override
            public void deadLetter(DeadLetter deadLetter) {
            }

            @Override
            public void control(ControlCommand command) {
                commands.add(command);
            }
        };
        // someone buys 2 at the server on the sink's trade account
        Client manual = new Client(m, Optional.empty());
        manual.broker.place(market("X1", Side.BUY, 2, null, "5980.00"));
        assertThat(manual.settle().take()).containsExactly("X1 accepted");
        m.trade(new BigDecimal("6001.00"), at(3));
        assertThat(manual.settle().take()).containsExactly("X1 filled ENTRY BUY 6001 x2 at 3000000");

        AccountBrokers brokers = AccountBrokers.every(new DtcBrokerFactory(), m.settings(loopback.server.port()));
        ExecutionSink sink = new ExecutionSink(new ExecutionSink.Config(Set.of("ACCT"), Duration.ofDays(7)), brokers, output, metrics);
        try {
            sink.start(); // start + reconcile: the server holds +2 ES, the sink nothing
            assertThat(sink.holdsInput()).as("reconciling: the runner processes no input").isTrue();
            drainWhileHeld(sink);
            assertThat(commands).as("X1 may still be adopted by an instruction processed again").isEmpty();
            sink.inputCaughtUp(); // (the runner: every input record of the start processed)
            assertThat(sink.holdsInput()).as("the positions are asked for").isTrue();
            drainWhileHeld(sink);
        } finally {
            sink.close();
        }

        assertThat(commands).hasSize(1);
        ControlCommand halt = commands.get(0);
        assertThat(List.of(halt.getCommandId(), halt.getAccount(), halt.getCommand().name(), String.valueOf(halt.getInstrument()),
                halt.getEventTime(), halt.getIssuedBy(), halt.getReason())).containsExactly(
                "reconcile/ACCT/" + m.tape().symbol() + "/" + at(3), "ACCT", "HALT", "null", Instant.ofEpochSecond(0, at(3) * 1_000),
                "execution-sink reconciliation", "position in " + m.tape().symbol() + " at the server 2, the sink's 0 (trade account "
                        + m.tradeAccount() + ")");
        assertThat(reports).isEmpty();
        assertThat(metrics.counter("execution.reconciliation.discrepancies", "kind", "POSITION_MISMATCH").count()).isEqualTo(1.0);
        assertThat(metrics.counter("execution.reconciliation.discrepancies", "kind", "FOREIGN_ORDER").count()).isEqualTo(1.0);
    }

    @Test
    void aBracketSentAfterTheLastSnapshotIsAdoptedOnRestartNotSentAgain() {
        DtcLoopback.Market m = loopback.market();
        PlaceBracket b1 = new PlaceBracket("B1", "B1", "ACCT", ES, Side.BUY, EntryType.MARKET, new BigDecimal("3"), null, List.of(
                new BracketLegSpec("B1-L1", BigDecimal.ONE, new BigDecimal("6004.00"), new BigDecimal("5990.00")),
                new BracketLegSpec("B1-L2", new BigDecimal("2"), null, new BigDecimal("5990.00"))), at(0));
        Client first = new Client(m, Optional.empty());
        Optional<BrokerState> committed = first.broker.saveState(); // the last snapshot the sink committed: before the PLACE
        assertThat(committed).isEmpty();
        first.broker.place(b1);
        assertThat(first.settle().take()).containsExactly("B1 accepted");
        m.trade(new BigDecimal("6000.00"), at(1)); // the entry fills; the stop-only leg B1/S2 is sent
        assertThat(first.settle().take()).containsExactly("B1 filled ENTRY BUY 6000 x3 at 1000000");
        first.settle();
        first.broker.close(); // the crash: nothing of this was committed

        Client second = new Client(m, committed);
        assertThat(second.reconcile().take()).as("the server's orders may be the sink's own: nothing decided yet").isEmpty();
        second.broker.place(b1); // the PLACE processed again
        assertThat(second.take()).containsExactly("B1 accepted", "B1 filled ENTRY BUY 6000 x3 at 1000000");
        assertThat(second.broker.sent()).as("every order of B1 adopted, none sent again").isZero();
        second.broker.inputCaughtUp();
        assertThat(second.settle().take()).as("positions agree; no foreign order").isEmpty();

        m.trade(new BigDecimal("6004.25"), at(2));
        assertThat(second.settle().take()).containsExactly("B1 filled TARGET B1-L1 SELL 6004 x1 at 2000000", "B1 cancelled STOP B1-L1");
        m.trade(new BigDecimal("5990.00"), at(3));
        assertThat(second.settle().take()).containsExactly("B1 filled STOP B1-L2 SELL 5990 x2 at 3000000");
        assertThat(second.broker.saveState().map(s -> new String(s.bytes(), java.nio.charset.StandardCharsets.UTF_8)).orElseThrow())
                .as("the bracket is over").doesNotContain("B1-L");
    }

    @Test
    void aStopOnlyLegWhoseSendWasLostIsSentOnRestart() throws Exception {
        DtcLoopback.Market m = loopback.market();
        Client first = new Client(m, Optional.empty());
        first.broker.place(market("B1", Side.BUY, 1, null, "5990.00"));
        assertThat(first.settle().take()).containsExactly("B1 accepted");
        BrokerState accepted = first.broker.saveState().orElseThrow();
        first.broker.close();
        m.trade(new BigDecimal("6000.00"), at(1)); // the entry fills at the server
        // the state a crashed sink committed: the entry's fill booked and its stop B1/S1 marked sent, but the send never left the process
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(accepted.bytes());
        tree.put("lastFillMicros", at(1));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("brackets").get("B1")).put("entryFilled", true);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("orders").get("B1")).put("status", "FILLED");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("orders").get("B1/S1")).put("status", "SENT");
        Client second = new Client(m, Optional.of(new BrokerState(accepted.formatVersion(), json.writeValueAsBytes(tree))));
        second.reconcile();
        second.broker.inputCaughtUp();
        assertThat(second.settle().take()).as("the stop is sent, nothing reported").isEmpty();
        assertThat(second.broker.sent()).isEqualTo(1);
        m.trade(new BigDecimal("5990.00"), at(2));
        assertThat(second.settle().take()).containsExactly("B1 filled STOP B1-L1 SELL 5990 x1 at 2000000");
    }

    @Test
    void anOrderTheServerHoldsOnlyAsCancelledIsLookedUpWhenItsResendIsRejectedAsADuplicate() {
        PlaceBracket b1 = limitB1();
        Client second = afterCancelledB1(loopback.market(), b1);
        // neither open nor filled at the server: nothing to find, so the PLACE processed again sends B1; the server rejects
        // the duplicate naming its order, and the broker takes that order's state instead of reporting a reject
        second.broker.place(b1);
        assertThat(second.settle().take()).containsExactly("B1 cancelled ENTRY");
        assertThat(second.broker.saveState()).as("the bracket is over").isEmpty();
    }

    /**
     * As above, but the session drops after the duplicate's reject arrived and before the sink books it, so the lookup it
     * starts cannot be sent: the input stays held, and after the re-logon the reconciliation sends B1 again, the server
     * rejects it as a duplicate again, and this lookup settles it.
     */
    @Test
    void aDuplicatesLookupLostWithTheSessionIsSettledAfterTheReLogon() {
        PlaceBracket b1 = limitB1();
        Client second = afterCancelledB1(loopback.market(), b1);
        second.broker.place(b1);
        second.broker.roundTrip(); // the server's reject of the duplicate is in the inbox, not booked yet
        dropSession(second);

        second.drainWhileHeld(); // its first drain books the reject and starts the lookup

        assertThat(second.broker.loggedOn()).isTrue();
        assertThat(second.settle().take()).containsExactly("B1 cancelled ENTRY");
        assertThat(second.broker.saveState()).as("the bracket is over").isEmpty();
    }

    /**
     * A CANCEL processed while the session is down cannot reach the server (the sink holds its input then; this test calls
     * the broker directly, as a send into a link that just died would go): the reconciliation after the re-logon finds the
     * entry still open there and sends the cancel again. Before, the entry went on working.
     */
    @Test
    void aCancelLostWithTheSessionIsSentAgainAfterTheReLogon() {
        Client c = new Client(loopback.market(), Optional.empty());
        c.broker.place(limitB1());
        assertThat(c.settle().take()).containsExactly("B1 accepted");
        dropSession(c);
        assertThat(c.broker.holdsInput()).as("no instruction while the session is down").isTrue();

        c.broker.cancel(new io.liquidityengine.execution.broker.CancelBracket("B1-C", "B1", at(1)));
        c.drainWhileHeld();

        assertThat(c.settle().take()).containsExactly("B1-C cancelled ENTRY");
        assertThat(c.broker.saveState()).as("the bracket is over").isEmpty();
    }

    /** The same for a MODIFY of a working entry: the replace goes again, and its answer is the MODIFY's. */
    @Test
    void aModifyLostWithTheSessionIsSentAgainAfterTheReLogon() {
        Client c = new Client(loopback.market(), Optional.empty());
        c.broker.place(limitB1());
        assertThat(c.settle().take()).containsExactly("B1 accepted");
        dropSession(c);

        c.broker.modify(new io.liquidityengine.execution.broker.ModifyBracket("B1-M", "B1", new BigDecimal("5989.00"), List.of(), at(1)));
        c.drainWhileHeld();

        assertThat(c.settle().take()).singleElement().asString()
                .startsWith("Modified[clientOrderId=B1-M, bracketId=B1, role=ENTRY, legId=null, price=5989.00, text=entry 5990.00 -> 5989.00, eventTimeMicros=");
    }

    /** The same for a FLATTEN of an open position: its exits' cancels go again, then the market order for the position. */
    @Test
    void aFlattenLostWithTheSessionIsCarriedOutAfterTheReLogon() {
        DtcLoopback.Market m = loopback.market();
        Client c = new Client(m, Optional.empty());
        c.broker.place(market("B1", Side.BUY, 1, "6004.00", "5990.00"));
        assertThat(c.settle().take()).containsExactly("B1 accepted");
        m.trade(new BigDecimal("6000.00"), at(1));
        assertThat(c.settle().take()).containsExactly("B1 filled ENTRY BUY 6000 x1 at 1000000");
        dropSession(c);

        c.broker.flatten(new io.liquidityengine.execution.broker.FlattenBracket("B1-F", "B1", at(2)));
        c.drainWhileHeld();
        c.settle();
        m.trade(new BigDecimal("5999.00"), at(3));

        assertThat(c.settle().take()).containsExactly("B1-F cancelled TARGET B1-L1", "B1-F cancelled STOP B1-L1",
                "B1-F filled FLATTEN SELL 5999 x1 at 3000000");
        assertThat(c.broker.hasLiveOrders("B1")).as("the bracket is over").isFalse();
    }

    @Test
    void anEntryThatReachedTheServerWithoutItsOcoPairsIsAdoptedAndOnlyThePairsAreSent() throws Exception {
        DtcLoopback.Market m = loopback.market();
        // what a sink that crashed between the entry's send and its OCO pair's left at the server: the entry, held as a parent
        java.util.concurrent.CompletableFuture<Void> accepted = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Void> loggedOn = new java.util.concurrent.CompletableFuture<>();
        try (io.liquidityengine.dtc.session.DtcClient crashed = new io.liquidityengine.dtc.session.DtcClient(
                io.liquidityengine.dtc.session.ClientSettings.of("crashed", "127.0.0.1", loopback.server.port()).withTradeAccount(m.tradeAccount()),
                io.liquidityengine.dtc.session.DtcCredentials.none(), new io.liquidityengine.dtc.session.SessionListener() {
                    @Override
                    public void onLoggedOn(long connection, io.liquidityengine.dtc.message.LogonResponse response) {
                        loggedOn.complete(null);
                    }

                    @Override
                    public void onMessage(long connection, io.liquidityengine.dtc.message.DtcMessage message) {
                        if (message instanceof io.liquidityengine.dtc.message.OrderUpdate u && u.clientOrderId().equals("B1")) {
                            accepted.complete(null);
                        }
                    }

                    @Override
                    public void onProtocolError(long connection, long offset, String detail, byte[] bytes) {
                    }

                    @Override
                    public void onDisconnected(long connection, String reason) {
                    }
                }).start()) {
            loggedOn.get(20, java.util.concurrent.TimeUnit.SECONDS);
            crashed.send(io.liquidityengine.dtc.message.SubmitNewSingleOrder.builder().symbol(m.tape().symbol()).exchange("CME")
                    .tradeAccount(m.tradeAccount()).clientOrderId("B1").orderType(io.liquidityengine.dtc.message.OrderType.MARKET)
                    .buySell(io.liquidityengine.dtc.message.BuySell.BUY).quantity(1).timeInForce(io.liquidityengine.dtc.message.TimeInForce.GOOD_TILL_CANCELED)
                    .isAutomatedOrder(1).isParentOrder(1).build());
            accepted.get(20, java.util.concurrent.TimeUnit.SECONDS);
        }

        Client restarted = new Client(m, Optional.empty());
        restarted.reconcile();
        restarted.broker.place(market("B1", Side.BUY, 1, "6004.00", "5990.00"));
        assertThat(restarted.broker.sent()).as("the OCO pair only; the entry is adopted").isEqualTo(1);
        assertThat(restarted.settle().take()).containsExactly("B1 accepted");
        restarted.broker.inputCaughtUp();
        assertThat(restarted.settle().take()).isEmpty();
        m.trade(new BigDecimal("6000.00"), at(1));
        assertThat(restarted.settle().take()).containsExactly("B1 filled ENTRY BUY 6000 x1 at 1000000");
        m.trade(new BigDecimal("5990.00"), at(2));
        assertThat(restarted.settle().take()).containsExactly("B1 filled STOP B1-L1 SELL 5990 x1 at 2000000",
                "B1 cancelled TARGET B1-L1");
    }

    /** The runner's rounds while a broker holds input: the inbox drained until the answers are booked (bounded by the request timeout). */
    private static void drainWhileHeld(ExecutionSink sink) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (sink.holdsInput()) {
            sink.drainBrokerEvents();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the reconciliation was not answered within the request timeout");
            }
            Thread.onSpinWait();
        }
    }

    private static String serverIdOf(Optional<BrokerState> saved) {
        String json = new String(saved.orElseThrow().bytes(), java.nio.charset.StandardCharsets.UTF_8);
        int i = json.indexOf("\"serverId\":\"") + 12;
        return json.substring(i, json.indexOf('"', i));
    }
}
