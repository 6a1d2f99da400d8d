package io.liquidityengine.dtc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.dtc.message.BuySell;
import io.liquidityengine.dtc.message.OrderStatus;
import io.liquidityengine.dtc.message.OrderType;
import io.liquidityengine.dtc.server.OrderMatcher.Activated;
import io.liquidityengine.dtc.server.OrderMatcher.Cancelled;
import io.liquidityengine.dtc.server.OrderMatcher.Event;
import io.liquidityengine.dtc.server.OrderMatcher.Filled;
import io.liquidityengine.dtc.server.OrderMatcher.LimitFill;
import io.liquidityengine.dtc.server.OrderMatcher.Rules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paper broker's fill rules at order level, with exact prices (ES: tick 0.25). */
class OrderMatcherTest {

    private static final long T0 = 1_733_409_000_000_000L;
    private static final double TICK = 0.25;

    private int ids;

    private ServerOrder order(int type, int side, double price, int status) {
        ids++;
        return new ServerOrder("S" + ids, "C" + ids, "Sim1", "ESZ4", "CME", type, side, price, 2, 0, 0, "", null, status, 0, T0);
    }

    private ServerOrder child(ServerOrder parent, int type, int side, double price) {
        ids++;
        return new ServerOrder("S" + ids, "C" + ids, "Sim1", "ESZ4", "CME", type, side, price, 2, 0, 0, "", parent,
                OrderStatus.PENDING_CHILD, 0, T0);
    }

    private static void link(ServerOrder a, ServerOrder b) {
        a.ocoLinked = b;
        b.ocoLinked = a;
    }

    private static TapeTrade trade(int i, double price) {
        return new TapeTrade(T0 + i * 1_000_000L, price, 1, 0, price - TICK, price);
    }

    private static List<Event> run(OrderMatcher m, List<ServerOrder> orders, int index, double price) {
        return m.onTrade(orders, trade(index, price), index, TICK);
    }

    @Test
    void marketFillsAtTheFirstTradeItMayFillOnPlusSlippageAgainstTheOrder() {
        OrderMatcher m = new OrderMatcher(new Rules(2, LimitFill.THROUGH));
        ServerOrder buy = order(OrderType.MARKET, BuySell.BUY, 0, OrderStatus.OPEN);
        ServerOrder sell = order(OrderType.MARKET, BuySell.SELL, 0, OrderStatus.OPEN);
        buy.workingFrom = 4; // accepted when 4 trades had printed
        sell.workingFrom = 4;
        assertThat(run(m, List.of(buy, sell), 3, 6000.25)).isEmpty();
        List<Event> events = run(m, List.of(buy, sell), 4, 6000.25);
        assertThat(events).containsExactly(new Filled(buy), new Filled(sell));
        assertThat(buy.fillPrice).isEqualTo(6000.75);
        assertThat(sell.fillPrice).isEqualTo(5999.75);
        assertThat(buy.fillMicros).isEqualTo(T0 + 4_000_000L);
        assertThat(buy.status).isEqualTo(OrderStatus.FILLED);

        ServerOrder plain = order(OrderType.MARKET, BuySell.BUY, 0, OrderStatus.OPEN);
        run(new OrderMatcher(Rules.defaults()), List.of(plain), 0, 6000.25);
        assertThat(plain.fillPrice).isEqualTo(6000.25);
    }

    @Test
    void slippageOnAFractionalTickIsComputedInDecimal() {
        ServerOrder buy = order(OrderType.MARKET, BuySell.BUY, 0, OrderStatus.OPEN);
        new OrderMatcher(new Rules(3, LimitFill.THROUGH)).onTrade(List.of(buy), trade(0, 1.1), 0, 0.1);
        assertThat(buy.fillPrice).isEqualTo(1.4);
    }

    @Test
    void limitFillsOnlyOnAPrintThroughItAtTheLimitPriceWithoutSlippage() {
        OrderMatcher m = new OrderMatcher(new Rules(2, LimitFill.THROUGH));
        ServerOrder buy = order(OrderType.LIMIT, BuySell.BUY, 6000.00, OrderStatus.OPEN);
        ServerOrder sell = order(OrderType.LIMIT, BuySell.SELL, 6001.00, OrderStatus.OPEN);
        List<ServerOrder> orders = List.of(buy, sell);
        assertThat(run(m, orders, 0, 6000.00)).isEmpty();
        assertThat(run(m, orders, 1, 6001.00)).isEmpty();
        assertThat(run(m, orders, 2, 5999.50)).containsExactly(new Filled(buy));
        assertThat(buy.fillPrice).isEqualTo(6000.00);
        assertThat(run(m, orders, 3, 6001.25)).containsExactly(new Filled(sell));
        assertThat(sell.fillPrice).isEqualTo(6001.00);
    }

    @Test
    void withTouchALimitFillsOnAPrintAtIt() {
        OrderMatcher m = new OrderMatcher(new Rules(0, LimitFill.TOUCH));
        ServerOrder buy = order(OrderType.LIMIT, BuySell.BUY, 6000.00, OrderStatus.OPEN);
        ServerOrder sell = order(OrderType.LIMIT, BuySell.SELL, 6001.00, OrderStatus.OPEN);
        assertThat(run(m, List.of(buy, sell), 0, 6000.25)).isEmpty();
        assertThat(run(m, List.of(buy, sell), 1, 6000.00)).containsExactly(new Filled(buy));
        assertThat(run(m, List.of(buy, sell), 2, 6001.00)).containsExactly(new Filled(sell));
        assertThat(buy.fillPrice).isEqualTo(6000.00);
        assertThat(sell.fillPrice).isEqualTo(6001.00);
    }

    @Test
    void stopFillsWhenTouchedAtThatTradesPricePlusSlippageAndAGapAtTheGappedPrice() {
        OrderMatcher m = new OrderMatcher(new Rules(1, LimitFill.THROUGH));
        ServerOrder buy = order(OrderType.STOP, BuySell.BUY, 6001.00, OrderStatus.OPEN);
        ServerOrder sell = order(OrderType.STOP, BuySell.SELL, 5999.00, OrderStatus.OPEN);
        List<ServerOrder> orders = List.of(buy, sell);
        assertThat(run(m, orders, 0, 6000.75)).isEmpty();
        assertThat(run(m, orders, 1, 6001.00)).containsExactly(new Filled(buy));
        assertThat(buy.fillPrice).isEqualTo(6001.25);
        assertThat(run(m, orders, 2, 5998.50)).containsExactly(new Filled(sell)); // gapped through 5999
        assertThat(sell.fillPrice).isEqualTo(5998.25);
    }

    @Test
    void ocoTheFillOfOneCancelsTheOther() {
        OrderMatcher m = new OrderMatcher(Rules.defaults());
        ServerOrder target = order(OrderType.LIMIT, BuySell.SELL, 6002.00, OrderStatus.OPEN);
        ServerOrder stop = order(OrderType.STOP, BuySell.SELL, 5998.00, OrderStatus.OPEN);
        link(target, stop);
        assertThat(run(m, List.of(target, stop), 0, 6002.00)).isEmpty();
        assertThat(run(m, List.of(target, stop), 1, 6002.25))
                .containsExactly(new Filled(target), new Cancelled(stop, "OCO: linked order S1 filled"));
        assertThat(target.fillPrice).isEqualTo(6002.00);
        assertThat(stop.status).isEqualTo(OrderStatus.CANCELED);
        assertThat(run(m, List.of(target, stop), 2, 5990.00)).isEmpty();
    }

    @Test
    void whenBothOrdersOfAnOcoWouldFillOnOneTradeTheStopWins() {
        OrderMatcher m = new OrderMatcher(Rules.defaults());
        // a sell stop above a sell limit (e.g. after the stop was raised): a print at 6000.50 reaches both
        ServerOrder target = order(OrderType.LIMIT, BuySell.SELL, 6000.00, OrderStatus.OPEN);
        ServerOrder stop = order(OrderType.STOP, BuySell.SELL, 6001.00, OrderStatus.OPEN);
        link(target, stop);
        assertThat(run(m, List.of(target, stop), 0, 6000.50))
                .containsExactly(new Filled(stop), new Cancelled(target, "OCO: linked order S2 filled"));
        assertThat(stop.fillPrice).isEqualTo(6000.50);
        assertThat(target.status).isEqualTo(OrderStatus.CANCELED);

        // the stop placed first wins too
        ServerOrder stop2 = order(OrderType.STOP, BuySell.BUY, 5999.00, OrderStatus.OPEN);
        ServerOrder target2 = order(OrderType.LIMIT, BuySell.BUY, 6000.00, OrderStatus.OPEN);
        link(stop2, target2);
        assertThat(run(m, List.of(stop2, target2), 1, 5999.50))
                .containsExactly(new Filled(stop2), new Cancelled(target2, "OCO: linked order S3 filled"));
        assertThat(stop2.fillPrice).isEqualTo(5999.50);
    }

    @Test
    void parentTriggeredLegsWorkFromTheTradeAfterTheParentsFill() {
        OrderMatcher m = new OrderMatcher(Rules.defaults());
        ServerOrder entry = order(OrderType.MARKET, BuySell.BUY, 0, OrderStatus.OPEN);
        ServerOrder target = child(entry, OrderType.LIMIT, BuySell.SELL, 6002.00);
        ServerOrder stop = child(entry, OrderType.STOP, BuySell.SELL, 5998.00);
        link(target, stop);
        List<ServerOrder> orders = List.of(entry, target, stop);
        // the entry fills at 5997.75, a price that would also reach the stop: the legs only start working now
        assertThat(run(m, orders, 0, 5997.75)).containsExactly(new Filled(entry), new Activated(target), new Activated(stop));
        assertThat(entry.fillPrice).isEqualTo(5997.75);
        assertThat(target.status).isEqualTo(OrderStatus.OPEN);
        assertThat(stop.status).isEqualTo(OrderStatus.OPEN);
        assertThat(stop.workingFrom).isEqualTo(1);
        assertThat(run(m, orders, 1, 5997.50)).containsExactly(new Filled(stop), new Cancelled(target, "OCO: linked order S3 filled"));
        assertThat(stop.fillPrice).isEqualTo(5997.50);
    }

    @Test
    void ordersNotWorkingNeverFill() {
        OrderMatcher m = new OrderMatcher(Rules.defaults());
        ServerOrder parent = order(OrderType.LIMIT, BuySell.BUY, 5990.00, OrderStatus.OPEN);
        ServerOrder waiting = child(parent, OrderType.STOP, BuySell.SELL, 6005.00);
        ServerOrder held = order(OrderType.MARKET, BuySell.BUY, 0, OrderStatus.OPEN);
        held.held = true;
        ServerOrder canceled = order(OrderType.MARKET, BuySell.BUY, 0, OrderStatus.CANCELED);
        ServerOrder filled = order(OrderType.MARKET, BuySell.BUY, 0, OrderStatus.FILLED);
        List<ServerOrder> orders = new ArrayList<>(List.of(parent, waiting, held, canceled, filled));
        assertThat(run(m, orders, 0, 6000.00)).isEmpty();
        assertThat(waiting.status).isEqualTo(OrderStatus.PENDING_CHILD);
        assertThat(canceled.status).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void negativeSlippageIsRefused() {
        assertThatThrownBy(() -> new Rules(-1, LimitFill.THROUGH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slippage must be >= 0 ticks, was -1");
    }
}
