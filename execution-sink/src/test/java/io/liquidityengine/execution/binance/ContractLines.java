package io.liquidityengine.execution.binance;

import io.liquidityengine.execution.broker.BracketLegSpec;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.EntryType;
import io.liquidityengine.execution.broker.InstrumentSpec;
import io.liquidityengine.execution.broker.PlaceBracket;
import io.liquidityengine.execution.broker.Side;
import java.math.BigDecimal;
import java.util.List;

/** Broker events as text (the contract suite's form, a reject with its text) and brackets for the Binance broker's own tests. */
final class ContractLines {

    static final InstrumentSpec ES = new InstrumentSpec("ES", new BigDecimal("0.25"), new BigDecimal("12.50"), "USD", BigDecimal.ONE);
    static final long T0 = 1_733_410_800_000_000L;

    private ContractLines() {
    }

    static long at(int second) {
        return T0 + second * 1_000_000L;
    }

    static String line(BrokerEvent e) {
        if (e instanceof BrokerEvent.Accepted a) {
            return a.clientOrderId() + " accepted " + a.bracketId();
        } else if (e instanceof BrokerEvent.Rejected r) {
            return r.clientOrderId() + " rejected " + r.bracketId() + ": " + r.text();
        } else if (e instanceof BrokerEvent.Cancelled c) {
            return c.clientOrderId() + " cancelled " + c.role() + (c.legId() == null ? "" : " " + c.legId());
        } else if (e instanceof BrokerEvent.Discrepancy d) {
            return "discrepancy " + d.kind() + " " + d.clientOrderId() + " " + d.bracketId() + " " + d.instrument();
        } else if (e instanceof BrokerEvent.Modified m) {
            return m.clientOrderId() + " modified " + m.role() + (m.legId() == null ? "" : " " + m.legId())
                    + (m.price() == null ? "" : " " + m.price().stripTrailingZeros().toPlainString());
        }
        BrokerEvent.Filled f = (BrokerEvent.Filled) e;
        return f.clientOrderId() + " filled " + f.role() + (f.legId() == null ? "" : " " + f.legId()) + " " + f.side() + " "
                + f.price().stripTrailingZeros().toPlainString() + " x" + f.quantity().stripTrailingZeros().toPlainString() + " c"
                + f.commission().stripTrailingZeros().toPlainString() + " @" + f.eventTimeMicros();
    }

    /** A one-leg LIMIT (or MARKET, {@code entry} null) bracket of 1 with target and stop. */
    static PlaceBracket place(String id, Side side, String entry, String target, String stop, int second) {
        return new PlaceBracket(id, id, "ACC-1", ES, side, entry == null ? EntryType.MARKET : EntryType.LIMIT, BigDecimal.ONE,
                entry == null ? null : new BigDecimal(entry), List.of(new BracketLegSpec(id + "-L1", BigDecimal.ONE, new BigDecimal(target),
                new BigDecimal(stop))), at(second));
    }
}
