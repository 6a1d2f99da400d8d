package io.liquidityengine.execution.dtc;

import io.liquidityengine.dtc.message.BuySell;
import io.liquidityengine.dtc.message.CancelOrder;
import io.liquidityengine.dtc.message.CancelReplaceOrder;
import io.liquidityengine.dtc.message.Dtc;
import io.liquidityengine.dtc.message.OrderType;
import io.liquidityengine.dtc.message.SubmitNewOCOOrder;
import io.liquidityengine.dtc.message.SubmitNewSingleOrder;
import io.liquidityengine.dtc.message.TimeInForce;
import io.liquidityengine.execution.broker.Side;
import io.liquidityengine.execution.dtc.DtcBook.Bracket;
import io.liquidityengine.execution.dtc.DtcBook.Order;
import java.math.BigDecimal;

/** The DTC messages a bracket's orders go out as, for one trade account (pure: no session, no state). */
final class DtcMessages {

    private final String tradeAccount;

    DtcMessages(String tradeAccount) {
        this.tradeAccount = tradeAccount;
    }

    /** The entry; {@code parent} when OCO pairs hang on it ({@code ParentTriggerClientOrderID}). */
    SubmitNewSingleOrder entry(Bracket b, Order entry, boolean parent) {
        return SubmitNewSingleOrder.builder().symbol(b.symbol).exchange(b.exchange).tradeAccount(tradeAccount)
                .clientOrderId(entry.id).orderType(entry.type).buySell(buySell(entry.side)).price1(price(entry.price))
                .quantity(entry.quantity.doubleValue()).timeInForce(TimeInForce.GOOD_TILL_CANCELED).isAutomatedOrder(1)
                .isParentOrder(parent ? 1 : 0).build();
    }

    /** One exit leg's target LIMIT and stop STOP as an OCO pair triggered by the entry {@code parent}. */
    SubmitNewOCOOrder pair(Bracket b, Order target, Order stop, String parent) {
        return SubmitNewOCOOrder.builder().symbol(b.symbol).exchange(b.exchange).tradeAccount(tradeAccount)
                .clientOrderId_1(target.id).orderType_1(target.type).buySell_1(buySell(target.side)).price1_1(price(target.price))
                .quantity_1(target.quantity.doubleValue())
                .clientOrderId_2(stop.id).orderType_2(stop.type).buySell_2(buySell(stop.side)).price1_2(price(stop.price))
                .quantity_2(stop.quantity.doubleValue())
                .timeInForce(TimeInForce.GOOD_TILL_CANCELED).isAutomatedOrder(1).parentTriggerClientOrderId(parent).build();
    }

    /** A stop-only leg, sent once the entry filled. */
    SubmitNewSingleOrder stop(Bracket b, Order leg) {
        return SubmitNewSingleOrder.builder().symbol(b.symbol).exchange(b.exchange).tradeAccount(tradeAccount)
                .clientOrderId(leg.id).orderType(OrderType.STOP).buySell(buySell(leg.side)).price1(price(leg.price))
                .quantity(leg.quantity.doubleValue()).timeInForce(TimeInForce.GOOD_TILL_CANCELED).isAutomatedOrder(1).build();
    }

    /** A flatten's market order. */
    SubmitNewSingleOrder market(Bracket b, Order market) {
        return SubmitNewSingleOrder.builder().symbol(b.symbol).exchange(b.exchange).tradeAccount(tradeAccount)
                .clientOrderId(market.id).orderType(OrderType.MARKET).buySell(buySell(market.side)).quantity(market.quantity.doubleValue())
                .timeInForce(TimeInForce.GOOD_TILL_CANCELED).isAutomatedOrder(1).build();
    }

    CancelOrder cancel(Order o) {
        return CancelOrder.builder().serverOrderId(o.serverId).clientOrderId(o.id).tradeAccount(tradeAccount).build();
    }

    /** A new Price1 for a working order (same server order id). */
    CancelReplaceOrder replace(Order o, BigDecimal price) {
        return CancelReplaceOrder.builder().serverOrderId(o.serverId).clientOrderId(o.id).tradeAccount(tradeAccount)
                .price1(price.doubleValue()).price1IsSet(1).price2IsSet(0).quantity(0).build();
    }

    static int buySell(Side side) {
        return side == Side.BUY ? BuySell.BUY : BuySell.SELL;
    }

    private static double price(BigDecimal price) {
        return price == null ? Dtc.UNSET_DOUBLE : price.doubleValue();
    }
}
