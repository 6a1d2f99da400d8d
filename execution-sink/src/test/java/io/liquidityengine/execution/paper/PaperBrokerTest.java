package io.liquidityengine.execution.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.execution.broker.BracketLegSpec;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerEvent.Accepted;
import io.liquidityengine.execution.broker.BrokerEvent.Cancelled;
import io.liquidityengine.execution.broker.BrokerEvent.Filled;
import io.liquidityengine.execution.broker.BrokerEvent.Modified;
import io.liquidityengine.execution.broker.BrokerEvent.Rejected;
import io.liquidityengine.execution.broker.CancelBracket;
import io.liquidityengine.execution.broker.EntryType;
import io.liquidityengine.execution.broker.FlattenBracket;
import io.liquidityengine.execution.broker.InstrumentSpec;
import io.liquidityengine.execution.broker.ModifyBracket;
import io.liquidityengine.execution.broker.ModifyBracket.LegChange;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.broker.PlaceBracket;
import io.liquidityengine.execution.broker.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;

class PaperBrokerTest {

    private static final InstrumentSpec ES = new InstrumentSpec("ES", new BigDecimal("0.25"), new BigDecimal("12.50"), "USD", BigDecimal.ONE);
    private static final BigDecimal ZERO = BigDecimal.ZERO;

    /** Field by field; decimals by value (6000.00 equals 6000). */
    private static final RecursiveComparisonConfiguration EXACT = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build();

    private final List<BrokerEvent> events = new ArrayList<>();

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static long t(int seconds) {
        return 1_733_410_800_000_000L + seconds * 1_000_000L;
    }

    private PaperBroker broker(PaperBroker.Config config) {
        return new PaperBroker(config, events::add);
    }

    /** Long 4 (1:2:1) from a 6000.00 limit, stops 5994.00, targets 6002.00 / 6005.00 / 6010.00. */
    private static PlaceBracket longBracket(EntryType type, String entry) {
        return new PlaceBracket("B1", "B1", "ACC", ES, Side.BUY, type, d("4"), entry == null ? null : d(entry), List.of(
                new BracketLegSpec("B1-L1", d("1"), d("6002.00"), d("5994.00")),
                new BracketLegSpec("B1-L2", d("2"), d("6005.00"), d("5994.00")),
                new BracketLegSpec("B1-L3", d("1"), d("6010.00"), d("5994.00"))), t(0));
    }

    private static Filled fill(String coid, OrderRole role, String leg, Side side, String price, String qty, String commission, int s) {
        return new Filled(coid, "B1", role, leg, side, d(price), d(qty), d(commission), t(s));
    }

    @Test
    void shouldNotFillAnEntryOnATradePrintedBeforeTheOrder() {
        PaperBroker broker = broker(PaperBroker.Config.frictionless());
        broker.place(longBracket(EntryType.MARKET, null));   // decided at t(0)
        broker.onTrade("ES", d("5990.00"), t(-1));           // printed before, delivered after (a replay's order of arrival)
        broker.onTrade("ES", d("6000.25"), t(0));            // the first trade at the order's time fills it

        assertThat(events).usingRecursiveFieldByFieldElementComparator(EXACT).containsExactly(
                new Accepted("B1", "B1", t(0)),
                fill("B1", OrderRole.ENTRY, null, Side.BUY, "6000.25", "4", "0", 0));
    }

    @Test
    void shouldStopOutEveryLegWhenTheStopTradesBeforeAnyTarget() {
        PaperBroker broker = broker(PaperBroker.Config.frictionless());
        broker.place(longBracket(EntryType.LIMIT, "6000.00"));
        broker.onTrade("ES", d("6001.00"), t(1));
        broker.onTrade("ES", d("5999.75"), t(2));   // through the limit: long 4 at 6000.00
        broker.onTrade("ES", d("5998.00"), t(3));
        broker.onTrade("ES", d("5994.00"), t(4));   // touches the shared stop

        assertThat(events).usingRecursiveFieldByFieldElementComparator(EXACT).containsExactly(
                new Accepted("B1", "B1", t(0)),
                fill("B1", OrderRole.ENTRY, null, Side.BUY, "6000.00", "4", "0", 2),
                fill("B1", OrderRole.STOP, "B1-L1", Side.SELL, "5994", "1", "0", 4),
                new Cancelled("B1", "B1", OrderRole.TARGET, "B1-L1", "OCO: stop filled", t(4)),
                fill("B1", OrderRole.STOP, "B1-L2", Side.SELL, "5994", "2", "0", 4),
                new Cancelled("B1", "B1", OrderRole.TARGET, "B1-L2", "OCO: stop filled", t(4)),
                fill("B1", OrderRole.STOP, "B1-L3", Side.SELL, "5994", "1", "0", 4),
                new Cancelled("B1", "B1", OrderRole.TARGET, "B1-L3", "OCO: stop filled", t(4)));
        assertThat(broker.snapshot()).isEmpty();
    }

    @Test
    void shouldExitTheRestAtBreakEvenAfterT1FillsAndTheStopsAreMoved() {
        PaperBroker broker = broker(PaperBroker.Config.frictionless());
        broker.place(longBracket(EntryType.MARKET, null));
        broker.onTrade("ES", d("6000.00"), t(1));   // market: next trade
        broker.onTrade("ES", d("6002.00"), t(2));   // at T1, not through it
        broker.onTrade("ES", d("6002.25"), t(3));   // through T1
        broker.modify(new ModifyBracket("B1-BE", "B1", null, List.of(
                new LegChange("B1-L1", null, d("6000.00")), new LegChange("B1-L2", null, d("6000.00")),
                new LegChange("B1-L3", null, d("6000.00"))), t(4)));
        broker.onTrade("ES", d("6001.00"), t(5));
        broker.onTrade("ES", d("6000.00"), t(6));   // back to entry: the moved stops fill

        assertThat(events).usingRecursiveFieldByFieldElementComparator(EXACT).containsExactly(
                new Accepted("B1", "B1", t(0)),
                fill("B1", OrderRole.ENTRY, null, Side.BUY, "6000", "4", "0", 1),
                fill("B1", OrderRole.TARGET, "B1-L1", Side.SELL, "6002", "1", "0", 3),
                new Cancelled("B1", "B1", OrderRole.STOP, "B1-L1", "OCO: target filled", t(3)),
                new Modified("B1-BE", "B1", OrderRole.STOP, "B1-L2", d("6000"), "stop 5994.00 -> 6000.00", t(4)),
                new Modified("B1-BE", "B1", OrderRole.STOP, "B1-L3", d("6000"), "stop 5994.00 -> 6000.00", t(4)),
                fill("B1", OrderRole.STOP, "B1-L2", Side.SELL, "6000", "2", "0", 6),
                new Cancelled("B1", "B1", OrderRole.TARGET, "B1-L2", "OCO: stop filled", t(6)),
                fill("B1", OrderRole.STOP, "B1-L3", Side.SELL, "6000", "1", "0", 6),
                new Cancelled("B1", "B1", OrderRole.TARGET, "B1-L3", "OCO: stop filled", t(6)));
        assertThat(broker.snapshot()).isEmpty();
    }

    @Test
    void shouldNeverFillALimitThatIsOnlyTouchedOrNotReached() {
        PaperBroker broker = broker(PaperBroker.Config.frictionless());
        broker.place(longBracket(EntryType.LIMIT, "6000.00"));
        broker.onTrade("ES", d("6003.00"), t(1));
        broker.onTrade("ES", d("6000.25"), t(2));
        broker.onTrade("ES", d("6000.00"), t(3));   // at the limit: not through
        broker.onTrade("ES", d("6001.50"), t(4));

        assertThat(events).usingRecursiveFieldByFieldElementComparator(EXACT).containsExactly(new Accepted("B1", "B1", t(0)));
        assertThat(broker.snapshot()).singleElement().satisfies(b -> {
            assertThat(b.entryFilled()).isFalse();
            assertThat(b.entryTicks()).isEqualTo(24_000L);
        });
    }

    @Test
    void shouldFillALimitAtTheLimitPriceWhenTouchIsConfigured() {
        PaperBroker broker = broker(new PaperBroker.Config(3, ZERO, PaperBroker.LimitFill.TOUCH));
        broker.place(longBracket(EntryType.LIMIT, "6000.00"));
        broker.onTrade("ES", d("6000.00"), t(1));

        assertThat(events.get(1)).usingRecursiveComparison(EXACT).isEqualTo(fill("B1", OrderRole.ENTRY, null, Side.BUY, "6000.00", "4", "0", 1));
    }

    @Test
    void shouldCancelTheStopWhenTheTargetFillsAndIgnoreLaterTradesThroughTheStop() {
        PaperBroker broker = broker(PaperBroker.Config.frictionless());
        broker.place(new PlaceBracket("B1", "B1", "ACC", ES, Side.SELL, EntryType.LIMIT, d("1"), d("6000.00"),
                List.of(new BracketLegSpec("B1-L1", d("1"), d("5990.00"), d("6006.00"))), t(0)));
        broker.onTrade("ES", d("6000.25"), t(1));   // a sell limit fills on a print above it
        broker.onTrade("ES", d("5990.00"), t(2));   // at the target: not through
        broker.onTrade("ES", d("5989.75"), t(3));   // through: target fills, stop cancelled
        broker.onTrade("ES", d("6006.00"), t(4));   // would have stopped out

        assertThat(events).usingRecursiveFieldByFieldElementComparator(EXACT).containsExactly(
                new Accepted("B1", "B1", t(0)),
                fill("B1", OrderRole.ENTRY, null, Side.SELL, "6000.00", "1", "0", 1),
                fill("B1", OrderRole.TARGET, "B1-L1", Side.BUY, "5990.00", "1", "0", 3),
                new Cancelled("B1", "B1", OrderRole.STOP, "B1-L1", "OCO: target filled", t(3)));
        assertThat(broker.snapshot()).isEmpty();
    }

    @Test
    void shouldAddSlippageToMarketAndStopFillsButNotToLimitsAndChargeCommissionPerContract() {
        PaperBroker broker = broker(new PaperBroker.Config(2, d("2.25"), PaperBroker.LimitFill.THROUGH));
        broker.place(new PlaceBracket("B1", "B1", "ACC", ES, Side.BUY, EntryType.MARKET, d("3"), null, List.of(
                new BracketLegSpec("B1-L1", d("1"), d("6004.00"), d("5995.00")),
                new BracketLegSpec("B1-L2", d("2"), null, d("5995.00"))), t(0)));
        broker.onTrade("ES", d("6000.00"), t(1));   // market + 2 ticks
        broker.onTrade("ES", d("6004.25"), t(2));   // limit target at its price
        broker.onTrade("ES", d("5994.00"), t(3));   // gap through the stop: that print - 2 ticks

        assertThat(events).usingRecursiveFieldByFieldElementComparator(EXACT).containsExactly(
                new Accepted("B1", "B1", t(0)),
                fill("B1", OrderRole.ENTRY, null, Side.BUY, "6000.50", "3", "6.75", 1),
                fill("B1", OrderRole.TARGET, "B1-L1", Side.SELL, "6004", "1", "2.25", 2),
                new Cancelled("B1", "B1", OrderRole.STOP, "B1-L1", "OCO: target filled", t(2)),
                fill("B1", OrderRole.STOP, "B1-L2", Side.SELL, "5993.5", "2", "4.50", 3));
    }

    @Test
    void shouldFillAStopEntryWhenTouchedAtThatTradePlusSlippage() {
        PaperBroker broker = broker(new PaperBroker.Config(1, ZERO, PaperBroker.LimitFill.THROUGH));
        broker.place(longBracket(EntryType.STOP, "6005.00"));
        broker.onTrade("ES", d("6004.75"), t(1));
        broker.onTrade("ES", d("6005.50"), t(2));

        assertThat(events.get(events.size() - 1)).usingRecursiveComparison(EXACT)
                .isEqualTo(fill("B1", OrderRole.ENTRY, null, Side.BUY, "6005.75", "4", "0", 2));
    }

    @Test
    void shouldCancelTheExitsAndCloseAtTheNextTradeOnFlatten() {
        PaperBroker broker = broker(new PaperBroker.Config(1, d("1.00"), PaperBroker.LimitFill.THROUGH));
        broker.place(longBracket(EntryType.MARKET, null));
        broker.onTrade("ES", d("6000.00"), t(1));   // long 4 at 6000.25
        broker.onTrade("ES", d("6002.25"), t(2));   // T1 through: 1 exits at 6002.00
        events.clear();
        broker.flatten(new FlattenBracket("B1-FLAT", "B1", t(3)));
        broker.onTrade("ES", d("6001.00"), t(4));   // the remaining 3 at 6001.00 - 1 tick

        assertThat(events).usingRecursiveFieldByFieldElementComparator(EXACT).containsExactly(
                new Cancelled("B1-FLAT", "B1", OrderRole.TARGET, "B1-L2", "flatten", t(3)),
                new Cancelled("B1-FLAT", "B1", OrderRole.STOP, "B1-L2", "flatten", t(3)),
                new Cancelled("B1-FLAT", "B1", OrderRole.TARGET, "B1-L3", "flatten", t(3)),
                new Cancelled("B1-FLAT", "B1", OrderRole.STOP, "B1-L3", "flatten", t(3)),
                new Filled("B1-FLAT", "B1", OrderRole.FLATTEN, null, Side.SELL, d("6000.75"), d("3"), d("3.00"), t(4)));
        assertThat(broker.snapshot()).isEmpty();
    }

    @Test
    void shouldCancelAWorkingEntryAndRejectACancelOfAnOpenPosition() {
        PaperBroker broker = broker(PaperBroker.Config.frictionless());
        broker.place(longBracket(EntryType.LIMIT, "6000.00"));
        broker.cancel(new CancelBracket("B1-X", "B1", t(1)));
        broker.onTrade("ES", d("5990.00"), t(2));
        broker.cancel(new CancelBracket("B1-Y", "B1", t(3)));

        assertThat(events).usingRecursiveFieldByFieldElementComparator(EXACT).containsExactly(
                new Accepted("B1", "B1", t(0)),
                new Cancelled("B1-X", "B1", OrderRole.ENTRY, null, "cancelled", t(1)),
                new Rejected("B1-Y", "B1", "bracket B1 is not working (unknown, cancelled, closed or being flattened)", t(3)));
    }

    @Test
    void shouldContinueFromASnapshotExactlyAsWithoutOne() {
        PaperBroker first = broker(PaperBroker.Config.frictionless());
        first.place(longBracket(EntryType.LIMIT, "6000.00"));
        first.onTrade("ES", d("5999.00"), t(1));
        List<PaperBracket> snapshot = first.snapshot();
        first.onTrade("ES", d("6002.25"), t(2));
        List<BrokerEvent> uninterrupted = List.copyOf(events.subList(2, events.size()));
        events.clear();

        PaperBroker restored = broker(PaperBroker.Config.frictionless());
        restored.restore(snapshot);
        restored.onTrade("ES", d("6002.25"), t(2));

        assertThat(events).usingRecursiveFieldByFieldElementComparator(EXACT).containsExactlyElementsOf(uninterrupted).hasSize(2);
    }
}
