package io.liquidityengine.demo;

import io.liquidityengine.dtc.server.DtcServer;
import io.liquidityengine.dtc.server.MarketTape;
import io.liquidityengine.dtc.server.TapePacer;
import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.ingest.dtc.ScidTape;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./engine dtc-server --scid FILE --symbol ESZ4}: the project's DTC server on 127.0.0.1 in the
 * foreground, replaying a {@code .scid} file as the tape of one symbol (market data, historical ticks,
 * order entry with the paper broker's rules) for a live run on one machine without Sierra Chart.
 */
@Command(name = "dtc-server", mixinStandardHelpOptions = true,
        description = "Runs the project's DTC server on 127.0.0.1, replaying a .scid file, until Ctrl-C.")
public final class DtcServerCommand implements Callable<Integer> {

    @Option(names = "--scid", required = true, description = "The .scid file to replay.")
    Path scid;

    @Option(names = "--symbol", required = true, description = "The DTC symbol it is served as, e.g. ESZ4.")
    String symbol;

    @Option(names = "--exchange", defaultValue = "CME", description = "Default: ${DEFAULT-VALUE}")
    String exchange;

    @Option(names = "--tick-size", defaultValue = "0.25", description = "Default: ${DEFAULT-VALUE}")
    double tickSize;

    @Option(names = "--port", defaultValue = "11099", description = "Default: ${DEFAULT-VALUE} (Sierra Chart's DTC port)")
    int port;

    @Option(names = "--speed", defaultValue = "1", description = "N times real time from the first subscription; 0 = all at once. "
            + "Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--user", defaultValue = "", description = "The user a client must log on as; empty: anyone.")
    String user;

    @Option(names = "--password-env", defaultValue = "DTC_SERVER_PASSWORD",
            description = "The environment variable with the password a client must give. Default: ${DEFAULT-VALUE}")
    String passwordEnv;

    @Option(names = "--accounts", split = ",", defaultValue = "Sim1", description = "Trade accounts. Default: ${DEFAULT-VALUE}")
    List<String> accounts;

    @Override
    public Integer call() throws Exception {
        MarketTape tape = ScidTape.read(scid, tickSize, symbol, exchange, Integer.MAX_VALUE);
        DtcCredentials credentials = user.isEmpty() ? DtcCredentials.none()
                : DtcCredentials.resolve(user, Optional.empty(), passwordEnv, System.getenv());
        DtcServer.Settings settings = DtcServer.Settings.defaults().withCredentials(credentials).withTradeAccounts(accounts);
        CountDownLatch stopped = new CountDownLatch(1);
        try (DtcServer server = DtcServer.start(settings, port).addTape(tape)) {
            TapePacer[] pacer = new TapePacer[1];
            server.onFirstSubscription(() -> pacer[0] = TapePacer.start(List.of(tape), speed));
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "dtc-server-shutdown"));
            System.out.printf("==> DTC server on 127.0.0.1:%d: %s on %s, %,d trades from %s, printed %s from the first "
                    + "subscription; accounts %s; %s. Ctrl-C stops it.%n", server.port(), symbol, exchange, tape.size(), scid,
                    speed == 0 ? "all at once" : speed + " x real time", accounts, credentials);
            stopped.await();
            if (pacer[0] != null) {
                pacer[0].close();
            }
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DtcServerCommand()).execute(args));
    }
}
