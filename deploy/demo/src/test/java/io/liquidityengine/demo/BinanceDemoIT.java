package io.liquidityengine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.marketdata.Tick;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code ./engine demo --venue binance} on one local stack: the recorded BTCUSDT session through the exchange
 * simulator, the ingest's Binance source, the topology, the risk stage, the sink's Binance broker and back.
 * Exact figures: the recording's facts on md.ticks, the bars and plans, every execution report, the position and
 * its P&L, and what the simulator's order entry accepted (each client order id once).
 */
class BinanceDemoIT {

    @Test
    void shouldTradeTheRecordedBtcusdtSessionThroughTheBinanceBrokerOnTheSimulator() throws Exception {
        // its own stack: the ITs of this module run in one JVM, and the extension's stack is shared by all of them
        try (LocalStack stack = LocalStack.temporary().start()) {
            BinanceDemo demo = new BinanceDemo(Path.of("../..").toAbsolutePath().normalize(), 300);
            TradingSummary trading = demo.run(stack, Path.of("target/binance-demo-it").toAbsolutePath());
            TopicReader reader = new TopicReader(stack.clientConfig(), stack.registryConfig());

            List<Tick> ticks = reader.readAll(Topics.MD_TICKS).stream().map(ConsumerRecord::value).toList();
            assertThat(ticks).hasSize(628);
            assertThat(ticks.get(0).getSourceSequence()).isEqualTo(665076760L);
            assertThat(ticks.get(627).getSourceSequence()).isEqualTo(665077387L);
            assertThat(ticks.stream().map(t -> BigDecimal.valueOf(t.getSize())).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("15.537786");
            assertThat(ticks.stream().filter(t -> t.getAggressor().name().equals("BUY"))).hasSize(324);
            assertThat(ticks.stream().filter(t -> t.getAggressor().name().equals("SELL"))).hasSize(304);
            assertThat(reader.readAll(Topics.DLQ_INGEST)).isEmpty();
            assertThat(reader.readAll(Topics.DLQ_TOPOLOGY)).isEmpty();

            Map<Integer, Long> bars = new TreeMap<>();
            reader.readAll(Topics.SIG_BARS).stream().map(ConsumerRecord::value).forEach(b -> bars.merge(b.getIntervalSeconds(), 1L, Long::sum));
            assertThat(bars).isEqualTo(Map.of(1, 42L, 5, 8L));
            assertThat(reader.readAll(Topics.SIG_PLANS).stream().map(r -> r.value().getStatus() + " " + r.value().getSide() + " "
                    + r.value().getEntryPrice())).containsExactly("NEW SELL 58010.2", "CANCELLED SELL 58010.2", "NEW BUY 58013.54",
                    "CANCELLED BUY 58013.54", "NEW SELL 58013.57", "CANCELLED SELL 58013.57");

            // the loop: one short of 2 BTC, T1, the stop to break-even (a new OCO list at Binance), T2
            assertThat(trading.decisions().stream().map(d -> d.getStatus() + " " + d.getReason())).containsExactly("APPROVED OK",
                    "REJECTED POSITION_ALREADY_OPEN", "REJECTED POSITION_ALREADY_OPEN", "REJECTED PLAN_CANCELLED",
                    "REJECTED POSITION_ALREADY_OPEN", "REJECTED PLAN_CANCELLED");
            assertThat(trading.ordersWithoutApprovedDecision()).isEmpty();
            assertThat(trading.orders().stream().map(o -> o.getAction() + " " + o.getSide() + " " + o.getEntryType() + " " + o.getQuantity() + " "
                    + o.getEntryPrice() + " " + o.getLegs().stream().map(l -> l.getTargetPrice() + "/" + l.getStopPrice()).toList()))
                    .containsExactly("PLACE SELL LIMIT 2.0 58010.2 [58002.2/58018.2, 57994.2/58018.2]", "MODIFY SELL LIMIT 2.0 null [57994.2/58010.2]");
            assertThat(trading.reports().stream().map(BinanceDemoIT::line)).containsExactly(
                    "ENTRY ACCEPTED SELL null x 0.0 at 2021-04-04T20:03:22Z ",
                    "ENTRY FILLED SELL 58010.2 x 2.0 at 2021-04-04T20:03:23.488Z ",
                    "TARGET FILLED BUY 58002.2 x 1.0 at 2021-04-04T20:03:40.801Z ",
                    "STOP CANCELLED BUY null x 0.0 at 2021-04-04T20:03:40.801Z OCO: target filled",
                    "STOP MODIFIED BUY null x 0.0 at 2021-04-04T20:03:40.801Z stop 58018.2 -> 58010.2",
                    "TARGET FILLED BUY 57994.2 x 1.0 at 2021-04-04T20:03:41.199Z ",
                    "STOP CANCELLED BUY null x 0.0 at 2021-04-04T20:03:41.199Z OCO: target filled");
            assertThat(trading.reports()).extracting(ExecutionReport::getReportId).doesNotHaveDuplicates();
            assertThat(trading.finalPositions()).hasSize(1);
            Position p = trading.finalPositions().values().iterator().next();
            assertThat(p.getStatus() + " " + p.getSide() + " " + p.getAverageEntryPrice() + " " + p.getRealizedTicks() + " " + p.getCurrency())
                    .isEqualTo("CLOSED SELL 58010.2 2400 USDT");
            assertThat(p.getRealizedPnl()).isEqualByComparingTo("24");   // (58010.20 - 58002.20) x 1 + (58010.20 - 57994.20) x 1
            assertThat(p.getCommission()).isEqualByComparingTo("0");

            // at the venue: the entry, two OCO lists, then leg 2's list again with the break-even stop; each id once
            assertThat(demo.ordersAccepted()).isEqualTo(7);
            assertThat(demo.clientOrderIds()).hasSize(7).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        }
    }

    private static String line(ExecutionReport r) {
        return r.getRole() + " " + r.getExecType() + " " + r.getSide() + " " + r.getFillPrice() + " x " + r.getFillQuantity() + " at "
                + r.getEventTime() + " " + r.getText();
    }
}
