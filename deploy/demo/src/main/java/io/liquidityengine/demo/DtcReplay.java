package io.liquidityengine.demo;

import io.liquidityengine.dtc.server.DtcServer;
import io.liquidityengine.dtc.server.MarketTape;
import io.liquidityengine.dtc.server.TapePacer;
import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.ingest.dtc.ScidTape;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./engine demo --source dtc}: the project's {@link DtcServer} in the demo's JVM on 127.0.0.1,
 * serving the sample day's {@code .scid} file as the tape of an ES contract, with a user and password
 * made up for this run. The replay starts at the first subscription and prints the whole tape at once;
 * at its end the server logs the client off with DoNotReconnect, so the ingest's {@code type=dtc}
 * source (stop-on-logoff) finishes like the file source does at the end of the file.
 *
 * <p>The password goes to the ingest process in an environment variable only, never on a command
 * line or in a log.
 */
final class DtcReplay implements AutoCloseable {

    /** The environment variable the ingest reads the password from (its password-env default). */
    static final String PASSWORD_ENV = "DTC_PASSWORD";
    static final String EXCHANGE = "CME";
    static final double ES_TICK_SIZE = 0.25;
    private static final String MONTH_CODES = "FGHJKMNQUVXZ";

    private final DtcServer server;
    private final MarketTape tape;
    private final String username;
    private final String password;
    private TapePacer pacer;

    private DtcReplay(DtcServer server, MarketTape tape, String username, String password) {
        this.server = server;
        this.tape = tape;
        this.username = username;
        this.password = password;
    }

    /** Reads the file as the tape of the ES contract trading on {@code date} and starts the server on a free port. */
    static DtcReplay start(Path scid, LocalDate date) throws IOException {
        return start(scid, date, DtcServer.Settings.defaults());
    }

    /** The same with the server's order settings of {@code base} (trade accounts, fill rules, matching). */
    static DtcReplay start(Path scid, LocalDate date, DtcServer.Settings base) throws IOException {
        MarketTape tape = ScidTape.read(scid, ES_TICK_SIZE, esContract(date), EXCHANGE, Integer.MAX_VALUE);
        SecureRandom random = new SecureRandom();
        // 18 bytes = 24 characters: DTC's Password is a char[32] with its terminating NUL, and the codec cuts longer ones short
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        byte[] user = new byte[4];
        random.nextBytes(user);
        String username = "demo-" + HexFormat.of().formatHex(user);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        DtcCredentials credentials = DtcCredentials.resolve(username, Optional.empty(), PASSWORD_ENV, Map.of(PASSWORD_ENV, password));
        DtcServer server = DtcServer.start(base.withCredentials(credentials).withLogoffAtEnd(true), 0);
        DtcReplay replay = new DtcReplay(server, tape, username, password);
        server.addTape(tape);
        server.onFirstSubscription(replay::startPacer);
        return replay;
    }

    private synchronized void startPacer() {
        pacer = TapePacer.start(List.of(tape), 0); // speed 0: the whole tape at once
    }

    /** The ingest's {@code type=dtc} source for this server (everything but the password). */
    Map<String, String> sourceProperties(String prefix, String instrument) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(prefix + "type", "dtc");
        p.put(prefix + "host", "127.0.0.1");
        p.put(prefix + "port", Integer.toString(server.port()));
        p.put(prefix + "instrument", instrument);
        p.put(prefix + "symbol", tape.symbol());
        p.put(prefix + "exchange", tape.exchange());
        p.put(prefix + "username", username);
        p.put(prefix + "password-env", PASSWORD_ENV);
        p.put(prefix + "stop-on-logoff", "true");
        p.put(prefix + "heartbeat-interval", "PT5S");
        return p;
    }

    String username() {
        return username;
    }

    int port() {
        return server.port();
    }

    MarketTape tape() {
        return tape;
    }

    /** The ingest (and sink) process's environment additions: the password. */
    Map<String, String> environment() {
        return Map.of(PASSWORD_ENV, password);
    }

    /** The client keeps connecting and never gets logged on (wrong credentials, for instance). */
    boolean logonsFailing() {
        return server.logons() == 0 && server.connectionsAccepted() >= 5;
    }

    String address() {
        return "127.0.0.1:" + server.port();
    }

    String describe() {
        return String.format("DTC server %s: %s on %s, %,d trades on the tape (%,d printed), %d connection(s), %d logon(s), "
                        + "%d subscription(s), %d history request(s); user %s, password in %s of the client processes only", address(),
                tape.symbol(), tape.exchange(), tape.size(), tape.released(), server.connectionsAccepted(), server.logons(),
                server.subscriptions(), server.historyRequests(), username, PASSWORD_ENV);
    }

    /**
     * The quarterly ES contract trading on {@code date} (for example ESZ4 on 2024-12-05): the first of
     * March, June, September and December whose expiry, the third Friday of the month, is on or after it.
     */
    static String esContract(LocalDate date) {
        LocalDate month = date.withDayOfMonth(1).plusMonths((3 - date.getMonthValue() % 3) % 3);
        if (thirdFriday(month).isBefore(date)) {
            month = month.plusMonths(3);
        }
        return "ES" + MONTH_CODES.charAt(month.getMonthValue() - 1) + month.getYear() % 10;
    }

    private static LocalDate thirdFriday(LocalDate month) {
        return month.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
    }

    @Override
    public synchronized void close() {
        if (pacer != null) {
            pacer.close();
        }
        server.close();
    }
}
