package io.liquidityengine.execution.dtc;

import io.liquidityengine.execution.broker.BrokerSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DTC broker's settings (keys of {@code execution.brokers.dtc.*} / {@code execution.accounts.<id>.*}):
 * {@code host} (required), {@code port} (required), {@code tls} (false), {@code trade-account} (required),
 * {@code username} (empty), {@code password-file} or {@code password-env} (the password: a file's first
 * line or an environment variable; never logged), {@code heartbeat-seconds} (10), {@code request-timeout-seconds}
 * (30: logon and reconciliation answers), {@code matching-clock} ({@code venue}: the server fills on its own clock;
 * {@code sink}: the project's server in {@code matching=external} fills only through the trades the sink has run,
 * see {@link DtcMatchingClock}), {@code commission-per-contract} (0: added to every fill, as DTC order updates carry
 * none), and per instrument {@code symbol.<instrument>} (the DTC symbol, default the instrument) and
 * {@code exchange.<instrument>} (default empty).
 */
public record DtcBrokerConfig(String host, int port, boolean tls, String tradeAccount, String username, Optional<Path> passwordFile,
                              String passwordEnv, Duration heartbeat, Duration requestTimeout, Map<String, String> symbols,
                              Map<String, String> exchanges, MatchingClock matchingClock, BigDecimal commissionPerContract) {

    /** Whose clock the server's matching follows: its own ({@code venue}, any DTC server) or the sink's ({@code sink}, replays). */
    public enum MatchingClock { VENUE, SINK }

    public static final Set<String> KEYS = Set.of("host", "port", "tls", "trade-account", "username", "password-file", "password-env",
            "heartbeat-seconds", "request-timeout-seconds", "matching-clock", "commission-per-contract");

    public static DtcBrokerConfig from(BrokerSettings s) {
        Set<String> allowed = new HashSet<>(KEYS);
        Map<String, String> symbols = new LinkedHashMap<>();
        Map<String, String> exchanges = new LinkedHashMap<>();
        for (String key : s.keys()) {
            if (key.startsWith("symbol.") && key.length() > 7) {
                symbols.put(key.substring(7), s.require(key));
                allowed.add(key);
            } else if (key.startsWith("exchange.") && key.length() > 9) {
                exchanges.put(key.substring(9), s.require(key));
                allowed.add(key);
            }
        }
        s.allowOnly(allowed);
        int port = s.getInt("port", 0);
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + s.find("port").orElse("missing") + " (" + s.origin() + ")");
        }
        int heartbeat = s.getInt("heartbeat-seconds", 10);
        int timeout = s.getInt("request-timeout-seconds", 30);
        if (heartbeat < 1 || timeout < 1) {
            throw new IllegalArgumentException("heartbeat-seconds and request-timeout-seconds must be at least 1 (" + s.origin() + ")");
        }
        BigDecimal commission = s.getDecimal("commission-per-contract", BigDecimal.ZERO);
        if (commission.signum() < 0) {
            throw new IllegalArgumentException("commission-per-contract must be >= 0, was " + commission + " (" + s.origin() + ")");
        }
        return new DtcBrokerConfig(s.require("host"), port, Boolean.parseBoolean(s.get("tls", "false")), s.require("trade-account"),
                s.get("username", ""), s.find("password-file").map(Path::of), s.get("password-env", ""), Duration.ofSeconds(heartbeat),
                Duration.ofSeconds(timeout), Map.copyOf(symbols), Map.copyOf(exchanges),
                s.getEnum("matching-clock", MatchingClock.class, MatchingClock.VENUE), commission);
    }

    public String symbol(String instrument) {
        return symbols.getOrDefault(instrument, instrument);
    }

    public String exchange(String instrument) {
        return exchanges.getOrDefault(instrument, "");
    }

    /** For the start log: no credentials. */
    public String describe() {
        return "dtc broker: " + (tls ? "dtcs://" : "dtc://") + host + ":" + port + ", trade account " + tradeAccount
                + (username.isEmpty() ? "" : ", user " + username) + ", symbols " + symbols
                + (matchingClock == MatchingClock.SINK ? ", matching clock: the sink's" : "")
                + (commissionPerContract.signum() == 0 ? "" : ", commission " + commissionPerContract.toPlainString() + " per contract");
    }
}
