package io.liquidityengine.dtc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.HistoricalDataInterval;
import io.liquidityengine.dtc.message.HistoricalPriceDataRequest;
import io.liquidityengine.dtc.message.HistoricalPriceDataResponseHeader;
import io.liquidityengine.dtc.message.HistoricalPriceDataTickRecordResponse;
import io.liquidityengine.dtc.message.LogonResponse;
import io.liquidityengine.dtc.message.MarketDataReject;
import io.liquidityengine.dtc.message.MarketDataRequest;
import io.liquidityengine.dtc.message.MarketDataSnapshot;
import io.liquidityengine.dtc.message.MarketDataUpdateBidAsk;
import io.liquidityengine.dtc.message.MarketDataUpdateTrade;
import io.liquidityengine.dtc.session.ClientSettings;
import io.liquidityengine.dtc.session.DtcClient;
import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.dtc.session.SessionListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client session against the project's server on loopback: logon, data, history, and every fault the server can cause. */
class DtcServerSessionTest {

    private static final long T0 = 1_733_409_000_000_000L; // 2024-12-05 14:30 UTC

    /** What the listener heard, in order. */
    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    record LoggedOn(long connection, LogonResponse response) { }

    record Message(long connection, DtcMessage message) { }

    record ProtocolError(long connection, long offset, String detail, byte[] bytes) { }

    record Disconnected(long connection, String reason) { }

    private final SessionListener listener = new SessionListener() {
        @Override
        public void onLoggedOn(long connection, LogonResponse response) {
            events.add(new LoggedOn(connection, response));
        }

        @Override
        public void onMessage(long connection, DtcMessage message) {
            events.add(new Message(connection, message));
        }

        @Override
        public void onProtocolError(long connection, long offset, String detail, byte[] bytes) {
            events.add(new ProtocolError(connection, offset, detail, bytes));
        }

        @Override
        public void onDisconnected(long connection, String reason) {
            events.add(new Disconnected(connection, reason));
        }
    };

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private static MarketTape tape(int n) {
        List<TapeTrade> trades = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double price = 6000 + (i % 8) * 0.25;
            trades.add(new TapeTrade(T0 + i * 250_000L, price, 1 + i % 3, i % 2 == 0 ? 2 : 1, price - 0.25, price));
        }
        return new MarketTape("ESZ4", "CME", trades);
    }

    private DtcServer server(DtcServer.Settings settings, MarketTape tape) throws Exception {
        DtcServer server = DtcServer.start(settings, 0).addTape(tape);
        closeables.add(server);
        return server;
    }

    private DtcClient client(DtcServer server, DtcCredentials credentials, Duration heartbeat) {
        ClientSettings settings = ClientSettings.of("test", "127.0.0.1", server.port()).withHeartbeat(heartbeat)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        DtcClient client = new DtcClient(settings, credentials, listener).start();
        closeables.add(0, client);
        return client;
    }

    @SuppressWarnings("unchecked")
    private <T> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<Object> skipped = new ArrayList<>();
        while (true) {
            Object e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(e).as("an event of type " + type.getSimpleName() + " within 15 s; other events: " + skipped).isNotNull();
            skipped.add(e);
            if (type.isInstance(e)) {
                return (T) e;
            }
            if (e instanceof Message m && type.isInstance(m.message())) {
                return (T) m.message();
            }
        }
    }

    @Test
    void logsOnSubscribesAndReceivesBidAskAndTradesAsTheTapePrints() throws Exception {
        MarketTape tape = tape(10);
        DtcServer server = server(DtcServer.Settings.defaults(), tape);
        DtcClient client = client(server, DtcCredentials.none(), Duration.ofSeconds(10));
        LoggedOn logon = next(LoggedOn.class);
        assertThat(logon.connection()).isEqualTo(1);
        assertThat(logon.response().serverName()).isEqualTo("Liquidity Engine DTC server");
        assertThat(logon.response().historicalPriceDataSupported()).isEqualTo(1);

        tape.release(2);
        assertThat(client.send(MarketDataRequest.builder().symbolId(7).symbol("ESZ4").exchange("CME").build())).isTrue();
        MarketDataSnapshot snapshot = next(MarketDataSnapshot.class);
        assertThat(snapshot.symbolId()).isEqualTo(7);
        assertThat(snapshot.lastTradePrice()).isEqualTo(6000.25);
        assertThat(snapshot.lastTradeDateTime()).isEqualTo((T0 + 250_000L) / 1e6);

        tape.release(1);
        MarketDataUpdateBidAsk quote = next(MarketDataUpdateBidAsk.class);
        assertThat(quote.bidPrice()).isEqualTo(6000.25);
        assertThat(quote.askPrice()).isEqualTo(6000.5);
        MarketDataUpdateTrade trade = next(MarketDataUpdateTrade.class);
        assertThat(trade.symbolId()).isEqualTo(7);
        assertThat(trade.price()).isEqualTo(6000.5);
        assertThat(trade.volume()).isEqualTo(3.0);
        assertThat(trade.atBidOrAsk()).isEqualTo(2);
        assertThat(Math.round(trade.dateTime() * 1e6)).isEqualTo(T0 + 500_000L);

        client.send(MarketDataRequest.builder().symbolId(8).symbol("NQZ4").exchange("CME").build());
        assertThat(next(MarketDataReject.class).rejectText()).isEqualTo("unknown symbol NQZ4-CME");
    }

    @Test
    void servesHistoricalTicksOfWhatWasPrintedFromTheRequestedSecond() throws Exception {
        MarketTape tape = tape(12);
        DtcServer server = server(DtcServer.Settings.defaults(), tape);
        DtcClient client = client(server, DtcCredentials.none(), Duration.ofSeconds(10));
        next(LoggedOn.class);
        tape.release(10); // 10 trades, 0.25 s apart: 2.25 s of tape
        client.send(HistoricalPriceDataRequest.builder().requestId(3).symbol("ESZ4").exchange("CME")
                .recordInterval(HistoricalDataInterval.TICK).startDateTime(T0 / 1_000_000L + 1).build());
        HistoricalPriceDataResponseHeader header = next(HistoricalPriceDataResponseHeader.class);
        assertThat(header.requestId()).isEqualTo(3);
        assertThat(header.noRecordsToReturn()).isZero();
        List<HistoricalPriceDataTickRecordResponse> ticks = new ArrayList<>();
        HistoricalPriceDataTickRecordResponse t;
        do {
            t = next(HistoricalPriceDataTickRecordResponse.class);
            ticks.add(t);
        } while (t.isFinalRecord() == 0);
        // trades 4..9 are at or after the second T0 + 1 s
        assertThat(ticks).hasSize(6);
        assertThat(Math.round(ticks.get(0).dateTime() * 1e6)).isEqualTo(T0 + 1_000_000L);
        assertThat(ticks.get(0).price()).isEqualTo(6001.0);
        assertThat(ticks.get(5).price()).isEqualTo(6000.25);
        assertThat(server.historyRequests()).isEqualTo(1);
    }

    @Test
    void wrongCredentialsAreRefusedAndTheRightOnesFromAFileAreAccepted() throws Exception {
        Path file = dir.resolve("password");
        Files.writeString(file, "s3cret-pw\n");
        DtcServer server = server(DtcServer.Settings.defaults().withCredentials(
                DtcCredentials.resolve("trader", Optional.empty(), "PW", Map.of("PW", "s3cret-pw"))), tape(1));
        DtcClient wrong = client(server, DtcCredentials.resolve("trader", Optional.empty(), "PW", Map.of("PW", "nope")), Duration.ofSeconds(10));
        assertThat(next(Disconnected.class).reason()).isEqualTo("logon refused (result 2): bad user name or password");
        wrong.close();
        events.clear();
        DtcCredentials right = DtcCredentials.resolve("trader", Optional.of(file), "PW", Map.of());
        assertThat(right.toString()).doesNotContain("s3cret-pw").contains("file");
        client(server, right, Duration.ofSeconds(10));
        assertThat(next(LoggedOn.class).response().resultText()).isEqualTo("logged on");
    }

    @Test
    void logsOnOverTlsWithTheServersCertificateTrustedAndItsHostVerified() throws Exception {
        char[] storePassword = "changeit".toCharArray();
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "dtc", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, storePassword);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, storePassword);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);

        DtcServer server = DtcServer.start(DtcServer.Settings.defaults(), serverContext.getServerSocketFactory(), 0).addTape(tape(2));
        closeables.add(server);
        ClientSettings settings = ClientSettings.of("tls", "127.0.0.1", server.port()).withTls(clientContext.getSocketFactory());
        assertThat(settings.address()).isEqualTo("dtcs://127.0.0.1:" + server.port());
        DtcClient client = new DtcClient(settings, DtcCredentials.none(), listener).start();
        closeables.add(0, client);
        assertThat(next(LoggedOn.class).response().resultText()).isEqualTo("logged on");
        client.send(MarketDataRequest.builder().symbolId(3).symbol("ESZ4").exchange("CME").build());
        assertThat(next(MarketDataSnapshot.class).symbolId()).isEqualTo(3);

        // a client that does not trust the certificate never logs on
        client.close();
        events.clear();
        SSLContext untrusting = SSLContext.getInstance("TLS");
        untrusting.init(null, null, null);
        DtcClient stranger = new DtcClient(ClientSettings.of("tls-untrusted", "127.0.0.1", server.port())
                .withTls(untrusting.getSocketFactory()).withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5)),
                DtcCredentials.none(), listener).start();
        closeables.add(0, stranger);
        assertThat(next(Disconnected.class).reason()).startsWith("SSLHandshakeException");
        assertThat(server.logons()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionIsReconnected() throws Exception {
        DtcServer server = server(DtcServer.Settings.defaults(), tape(1));
        DtcClient client = client(server, DtcCredentials.none(), Duration.ofSeconds(10));
        next(LoggedOn.class);
        assertThat(server.dropConnections()).isEqualTo(1);
        Disconnected lost = next(Disconnected.class);
        assertThat(lost.connection()).isEqualTo(1);
        assertThat(next(LoggedOn.class).connection()).isEqualTo(2);
        assertThat(client.connections()).isEqualTo(2);
        assertThat(server.logons()).isEqualTo(2);
    }

    @Test
    void aStalledHeartbeatIsDetectedAfterTwoIntervalsAndTheClientReconnects() throws Exception {
        DtcServer server = server(DtcServer.Settings.defaults(), tape(1));
        client(server, DtcCredentials.none(), Duration.ofSeconds(1));
        next(LoggedOn.class);
        server.stallHeartbeats();
        Disconnected lost = next(Disconnected.class);
        assertThat(lost.reason()).startsWith("link lost: no heartbeat from the server for ");
        long silentMillis = Long.parseLong(lost.reason().replaceAll("\\D+", " ").trim().split(" ")[0]);
        assertThat(silentMillis).isGreaterThan(2_000);
        assertThat(next(LoggedOn.class).connection()).isEqualTo(2);
    }

    @Test
    void aMalformedFrameIsAProtocolErrorWithItsBytesAndTheClientReconnects() throws Exception {
        DtcServer server = server(DtcServer.Settings.defaults(), tape(1));
        client(server, DtcCredentials.none(), Duration.ofSeconds(10));
        next(LoggedOn.class);
        assertThat(server.sendMalformedFrame()).isEqualTo(1);
        ProtocolError error = next(ProtocolError.class);
        assertThat(error.connection()).isEqualTo(1);
        // encoding response (16) and logon response (256) came before it
        assertThat(error.offset()).isEqualTo(16 + 256);
        assertThat(error.detail()).contains("FRAME_TOO_SHORT");
        assertThat(error.bytes()).startsWith((byte) 2, (byte) 0, (byte) 107, (byte) 0);
        assertThat(next(Disconnected.class).reason()).isEqualTo("protocol error: FRAME_TOO_SHORT");
        assertThat(next(LoggedOn.class).connection()).isEqualTo(2);
    }

    @Test
    void theServerLogsOffWithDoNotReconnectAtTheEndOfAReplay() throws Exception {
        MarketTape tape = tape(3);
        DtcServer server = server(DtcServer.Settings.defaults().withLogoffAtEnd(true), tape);
        DtcClient client = client(server, DtcCredentials.none(), Duration.ofSeconds(10));
        next(LoggedOn.class);
        client.send(MarketDataRequest.builder().symbolId(1).symbol("ESZ4").exchange("CME").build());
        next(MarketDataSnapshot.class);
        tape.release(3);
        for (int i = 0; i < 3; i++) {
            next(MarketDataUpdateTrade.class);
        }
        assertThat(next(Disconnected.class).reason()).isEqualTo("the server logged off: replay of ESZ4 finished");
        assertThat(client.finishedReason()).isEqualTo("the server logged off: replay of ESZ4 finished");
        assertThat(client.finished()).isTrue();
    }
}
