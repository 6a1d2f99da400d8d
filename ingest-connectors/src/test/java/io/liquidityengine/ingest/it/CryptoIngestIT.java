package io.liquidityengine.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.exchangesim.BinanceSimulator;
import io.liquidityengine.exchangesim.CoinbaseSimulator;
import io.liquidityengine.exchangesim.ExchangeSimulator;
import io.liquidityengine.exchangesim.SimulatorSettings;
import io.liquidityengine.exchangesim.RecordedFrames;
import io.liquidityengine.ingest.crypto.JsonFields;
import io.liquidityengine.ingest.crypto.TestVenues;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.liquidityengine.schemas.control.StreamPosition;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged ingest service takes the recorded Binance session of 2021-04-04 (980 aggregate trades of
 * BTCUSDT, DOTUSDT and ETHUSDT) live from the exchange simulator while the simulator skips 20 BTCUSDT
 * trades on the websocket, drops the connection twice (the second time with a 429 on the trade
 * history), and the service is SIGKILLed in the middle of the stream while the market goes on:
 * {@code md.ticks} holds every trade once, in id order per instrument, with the recorded price, size,
 * side and time. A malformed frame and an off-grid book ticker are the two records in {@code dlq.ingest}.
 * Runs {@code target/quarkus-app/quarkus-run.jar}, built by {@code package}.
 */
@ExtendWith(LocalStackExtension.class)
class CryptoIngestIT {

    private static final String SOURCE = "it-binance";
    private static final Map<String, String> INSTRUMENTS = new LinkedHashMap<>(Map.of("BTCUSDT", "IT-BTCUSDT", "DOTUSDT", "IT-DOTUSDT",
            "ETHUSDT", "IT-ETHUSDT"));
    private static final Map<String, String[]> STEPS = Map.of("BTCUSDT", new String[] {"0.01", "0.000001"}, "DOTUSDT",
            new String[] {"0.0001", "0.01"}, "ETHUSDT", new String[] {"0.01", "0.00001"});
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final String MALFORMED = "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\"";
    private static final String OFF_GRID = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"58000.005\","
            + "\"B\":\"1.0\",\"a\":\"58000.01\",\"A\":\"1.0\"}}";

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    private Process startService(LocalStack stack, ExchangeSimulator sim, Path log) throws IOException {
        return startService(stack, sim, log, "binance", SOURCE, INSTRUMENTS, STEPS);
    }

    /** The service with one crypto source of {@code type}: venue symbol -> instrument, venue symbol -> {tick size, quantity step}. */
    private Process startService(LocalStack stack, ExchangeSimulator sim, Path log, String type, String source, Map<String, String> instruments,
                                 Map<String, String[]> steps) throws IOException {
        String prefix = "ingest.sources." + source + ".";
        List<String> properties = new ArrayList<>(List.of(prefix + "type=" + type,
                prefix + "instrument=" + String.join(",", instruments.values()), prefix + "symbol=" + String.join(",", instruments.keySet()),
                prefix + "url=" + sim.wsUrl(), prefix + "rest-url=" + sim.restUrl(),
                prefix + "reconnect-initial=PT0.05S", prefix + "reconnect-max=PT0.5S", "ingest.publish-instruments=false"));
        instruments.forEach((venue, symbol) -> {
            String p = "instruments." + symbol + ".";
            properties.addAll(List.of(p + "asset-class=CRYPTO", p + "tick-size=" + steps.get(venue)[0], p + "tick-value=" + steps.get(venue)[0],
                    p + "quantity-step=" + steps.get(venue)[1], p + "time-zone=UTC", p + "session-open=00:00", p + "session-close=00:00"));
        });
        Process process = ServiceJar.start(stack, properties, env -> { }, log);
        processes.add(process);
        return process;
    }

    @Test
    void everyTradeLandsOnceThroughSkippedIdsTwoDropsA429AndAKill(LocalStack stack) throws Exception {
        RecordedFrames frames = RecordedFrames.resource("/exchanges/binance_spot_2021-04-04");
        List<JsonNode> trades = trades(frames, frames.size());
        assertThat(trades).hasSize(980);
        Path log = dir.resolve("service.log");
        try (BinanceSimulator sim = BinanceSimulator.start(frames, SimulatorSettings.defaults(), 0)) {
            Process service = startService(stack, sim, log);
            // a new source publishes from its subscription on
            await(() -> sim.subscriptions() == 1, "the first subscription", service);
            sim.release(200);
            Broker.awaitPublished(stack, SOURCE, trades(frames, 200).size(), STEP_TIMEOUT, service);

            // 20 BTCUSDT trades are printed but never sent: the next BTCUSDT trade's id jumps and the gap is filled over REST
            sim.skipTrades("BTCUSDT", 20);
            sim.release(150);
            Broker.awaitPublished(stack, SOURCE, trades(frames, 350).size(), STEP_TIMEOUT, service);
            assertThat(sim.skippedTrades()).isEqualTo(20);

            // drop 1: what is printed meanwhile comes from the trade history after the reconnect
            assertThat(sim.dropConnections()).isEqualTo(1);
            sim.release(100);
            await(() -> sim.subscriptions() == 2, "a subscription after the first drop", service);
            Broker.awaitPublished(stack, SOURCE, trades(frames, 450).size(), STEP_TIMEOUT, service);

            // SIGKILL in the middle of the stream; the market goes on while the service is down
            sim.release(100);
            service.destroyForcibly();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
            sim.release(150);
            service = startService(stack, sim, log);
            await(() -> sim.subscriptions() == 3, "a subscription after the restart", service);
            Broker.awaitPublished(stack, SOURCE, trades(frames, 700).size(), STEP_TIMEOUT, service);

            // drop 2, and the history answers 429 once: the service waits Retry-After and asks again
            sim.rateLimit(1);
            assertThat(sim.dropConnections()).isEqualTo(1);
            sim.release(150);
            await(() -> sim.subscriptions() == 4, "a subscription after the second drop", service);
            Broker.awaitPublished(stack, SOURCE, trades(frames, 850).size(), STEP_TIMEOUT, service);
            assertThat(sim.rateLimitedAnswers()).isEqualTo(1);

            // bad frames are dead-lettered and the stream goes on
            assertThat(sim.inject(MALFORMED)).isEqualTo(1);
            assertThat(sim.inject(OFF_GRID)).isEqualTo(1);
            sim.releaseAll();
            SourceCheckpoint last = Broker.awaitPublished(stack, SOURCE, 980, STEP_TIMEOUT, service);
            assertThat(last.getStreams()).extracting(StreamPosition::getStream).containsExactly("BTCUSDT", "DOTUSDT", "ETHUSDT");
            assertThat(last.getStreams()).extracting(StreamPosition::getNextPosition).containsExactly(665077388L, 54605765L, 291477356L);
            assertThat(last.getNextPosition()).isEqualTo(980);
            service.destroyForcibly();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n--- service log (tail) ---\n" + ServiceJar.tail(log, 60), e);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }

        int total = 0;
        for (Map.Entry<String, String> instrument : INSTRUMENTS.entrySet()) {
            List<JsonNode> expected = trades.stream().filter(t -> t.get("s").asText().equals(instrument.getKey())).toList();
            List<ConsumerRecord<String, Tick>> records = Broker.readAll(stack, Topics.MD_TICKS, instrument.getValue());
            assertThat(records).as(instrument.getValue()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                JsonNode trade = expected.get(i);
                Tick tick = records.get(i).value();
                String at = instrument.getValue() + " record " + i + ": " + tick + " vs " + trade;
                assertThat(tick.getSourceSequence()).as(at).isEqualTo(trade.get("a").asLong());
                assertThat(Micros.of(tick.getEventTime())).as(at).isEqualTo(trade.get("T").asLong() * 1000);
                assertThat(records.get(i).timestamp()).as(at).isEqualTo(trade.get("T").asLong());
                assertThat(BigDecimal.valueOf(tick.getPrice())).as(at).isEqualByComparingTo(trade.get("p").asText());
                assertThat(BigDecimal.valueOf(tick.getSize())).as(at).isEqualByComparingTo(trade.get("q").asText());
                assertThat(tick.getAggressor()).as(at).isEqualTo(trade.get("m").asBoolean() ? AggressorSide.SELL : AggressorSide.BUY);
                assertThat(tick.getSource()).as(at).isIn("ws:binance", "rest:binance");
                assertThat(tick.getBid()).as(at).isNull(); // this recording has no bookTicker
            }
            total += records.size();
        }
        assertThat(total).isEqualTo(980);

        List<DeadLetter> letters = Broker.deadLetters(stack, SOURCE);
        assertThat(letters).extracting(DeadLetter::getReason).containsExactly(DeadLetterReason.UNPARSABLE_ROW, DeadLetterReason.OFF_TICK_GRID);
        assertThat(letters).extracting(l -> StandardCharsets.UTF_8.decode(l.getPayload()).toString()).containsExactly(MALFORMED, OFF_GRID);
        assertThat(letters).allSatisfy(l -> assertThat(l.getPositionKind()).isEqualTo(PositionKind.RECORD_INDEX));
        assertThat(letters.get(1).getDetail()).isEqualTo("BTCUSDT quote: bid 58000.005 / ask 58000.01 is not on the IT-BTCUSDT tick grid 0.01");

        String serviceLog = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(serviceLog).contains("filled in from the trade history");
        assertThat(serviceLog).contains("/api/v3/aggTrades answered 429");
        assertThat(serviceLog).contains("resuming at RECORD_INDEX");
    }

    /**
     * The Coinbase recording (41 trades of 10 products: 10 {@code last_match}, 31 {@code match}) live from the simulator
     * while 3 SKL-USD trades are printed but never sent and the connection is dropped mid-stream: {@code md.ticks} holds
     * every trade once, contiguous trade ids per product, the skipped ones filled in from the REST trade history.
     */
    @Test
    void everyCoinbaseTradeLandsOnceThroughSkippedIdsAndADrop(LocalStack stack) throws Exception {
        String source = "it-coinbase";
        RecordedFrames frames = RecordedFrames.resource("/exchanges/coinbase_2021-04-17");
        List<JsonNode> trades = coinbaseTrades(frames, frames.size());
        assertThat(trades).hasSize(41);
        Map<String, String> instruments = new LinkedHashMap<>();
        Map<String, String[]> steps = new LinkedHashMap<>();
        trades.stream().map(t -> t.get("product_id").asText()).distinct().sorted().forEach(product -> {
            instruments.put(product, "IT-CB-" + product);
            double[] s = TestVenues.STEPS.get(product);
            steps.put(product, new String[] {BigDecimal.valueOf(s[0]).toPlainString(), BigDecimal.valueOf(s[1]).toPlainString()});
        });
        assertThat(instruments).hasSize(10);
        Path log = dir.resolve("coinbase-service.log");
        try (CoinbaseSimulator sim = CoinbaseSimulator.start(frames, SimulatorSettings.defaults(), 0)) {
            Process service = startService(stack, sim, log, "coinbase", source, instruments, steps);
            await(() -> sim.subscriptions() == 1, "the first subscription", service);
            sim.release(30);
            Broker.awaitPublished(stack, source, coinbaseTrades(frames, 30).size(), STEP_TIMEOUT, service);

            // three SKL-USD trades printed but never sent, then the connection dropped while the market goes on
            sim.skipTrades("SKL-USD", 3);
            sim.release(20);
            assertThat(sim.skippedTrades()).isEqualTo(3);
            assertThat(sim.dropConnections()).isEqualTo(1);
            sim.release(15);
            await(() -> sim.subscriptions() == 2, "a subscription after the drop", service);
            Broker.awaitPublished(stack, source, coinbaseTrades(frames, 65).size(), STEP_TIMEOUT, service);
            sim.releaseAll();
            Broker.awaitPublished(stack, source, 41, STEP_TIMEOUT, service);
            service.destroyForcibly();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n--- service log (tail) ---\n" + ServiceJar.tail(log, 60), e);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }

        int total = 0;
        int fromHistory = 0;
        for (Map.Entry<String, String> instrument : instruments.entrySet()) {
            List<JsonNode> expected = trades.stream().filter(t -> t.get("product_id").asText().equals(instrument.getKey()))
                    .sorted(java.util.Comparator.comparingLong(t -> t.get("trade_id").asLong())).toList();
            List<ConsumerRecord<String, Tick>> records = Broker.readAll(stack, Topics.MD_TICKS, instrument.getValue());
            assertThat(records).as(instrument.getValue()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                JsonNode trade = expected.get(i);
                Tick tick = records.get(i).value();
                String at = instrument.getValue() + " record " + i + ": " + tick + " vs " + trade;
                assertThat(tick.getSourceSequence()).as(at).isEqualTo(trade.get("trade_id").asLong());
                assertThat(Micros.of(tick.getEventTime())).as(at).isEqualTo(Micros.of(java.time.Instant.parse(trade.get("time").asText())));
                assertThat(BigDecimal.valueOf(tick.getPrice())).as(at).isEqualByComparingTo(trade.get("price").asText());
                assertThat(BigDecimal.valueOf(tick.getSize())).as(at).isEqualByComparingTo(trade.get("size").asText());
                // the match's side is the maker's
                assertThat(tick.getAggressor()).as(at).isEqualTo(trade.get("side").asText().equals("sell") ? AggressorSide.BUY : AggressorSide.SELL);
                assertThat(tick.getSource()).as(at).isIn("ws:coinbase", "rest:coinbase");
                fromHistory += tick.getSource().equals("rest:coinbase") ? 1 : 0;
            }
            total += records.size();
        }
        assertThat(total).isEqualTo(41);
        assertThat(fromHistory).as("trades filled in from the REST history (at least the 3 skipped)").isGreaterThanOrEqualTo(3);
        assertThat(Broker.deadLetters(stack, source)).isEmpty();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("filled in from the trade history");
    }

    /** The Coinbase trades ({@code match} and {@code last_match}) among the first {@code n} frames, in order. */
    private static List<JsonNode> coinbaseTrades(RecordedFrames frames, int n) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (RecordedFrames.Frame f : frames.frames().subList(0, n)) {
            JsonNode frame = JsonFields.JSON.readTree(f.text());
            String type = frame.path("type").asText();
            if (type.equals("match") || type.equals("last_match")) {
                out.add(frame);
            }
        }
        return out;
    }

    /** The aggTrade payloads among the first {@code n} frames, in order. */
    private static List<JsonNode> trades(RecordedFrames frames, int n) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (RecordedFrames.Frame f : frames.frames().subList(0, n)) {
            JsonNode data = JsonFields.JSON.readTree(f.text()).get("data");
            if (data.path("e").asText().equals("aggTrade")) {
                out.add(data);
            }
        }
        return out;
    }

    /** Waits for a condition of the simulator, failing at once when the service has exited. */
    private static void await(BooleanSupplier condition, String what, Process service) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited with " + service.exitValue() + " before " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + STEP_TIMEOUT);
            }
            service.waitFor(20, TimeUnit.MILLISECONDS);
        }
    }
}
