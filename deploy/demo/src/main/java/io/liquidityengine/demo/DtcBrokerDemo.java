package io.liquidityengine.demo;

import io.liquidityengine.dtc.server.DtcServer;
import io.liquidityengine.dtc.server.OrderMatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./engine demo --broker dtc}: the execution sink trades through the project's DTC server (the one
 * {@link DtcReplay} runs in the demo's JVM, which also serves the market data), with the paper run's results.
 * The server fills with the paper broker's rules of the sink's {@code application.properties} (slippage 1 tick,
 * limits through), matches in {@code matching=external} mode, and the sink's DTC broker is its matching clock
 * ({@code matching-clock=sink}): orders fill on the trades the sink runs, in its lockstep with the risk stage,
 * exactly as the paper broker fills them. Commission (DTC order updates carry none) is the paper broker's 2.25
 * per contract, added by the broker. The sink gets the server's password in {@code DTC_PASSWORD} only.
 */
final class DtcBrokerDemo {

    /** The trade account at the server every order of the demo's account goes to. */
    static final String TRADE_ACCOUNT = "Sim1";
    /** The paper broker's settings in the sink's application.properties, which the paper demo runs with. */
    static final int SLIPPAGE_TICKS = 1;
    static final String COMMISSION_PER_CONTRACT = "2.25";

    private DtcBrokerDemo() {
    }

    /** The DTC server for the day, matching on the sink's clock with the paper broker's rules. */
    static DtcReplay start(Path scid, LocalDate date) throws IOException {
        return DtcReplay.start(scid, date, DtcServer.Settings.defaults().withTradeAccounts(List.of(TRADE_ACCOUNT))
                .withOrderRules(new OrderMatcher.Rules(SLIPPAGE_TICKS, OrderMatcher.LimitFill.THROUGH))
                .withMatching(DtcServer.Matching.EXTERNAL));
    }

    /** The sink's settings: every account trades through the DTC broker on {@code dtc}'s server (the password is in the environment). */
    static Map<String, String> sinkProperties(DtcReplay dtc, String instrument) {
        String p = "execution.brokers.dtc.";
        Map<String, String> props = new LinkedHashMap<>();
        props.put("execution.broker", "dtc");
        props.put(p + "host", "127.0.0.1");
        props.put(p + "port", Integer.toString(dtc.port()));
        props.put(p + "trade-account", TRADE_ACCOUNT);
        props.put(p + "username", dtc.username());
        props.put(p + "password-env", DtcReplay.PASSWORD_ENV);
        props.put(p + "symbol." + instrument, dtc.tape().symbol());
        props.put(p + "exchange." + instrument, dtc.tape().exchange());
        props.put(p + "matching-clock", "sink");
        props.put(p + "commission-per-contract", COMMISSION_PER_CONTRACT);
        return props;
    }
}
