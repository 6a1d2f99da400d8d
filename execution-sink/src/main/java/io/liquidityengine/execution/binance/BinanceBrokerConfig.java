package io.liquidityengine.execution.binance;

import io.liquidityengine.execution.broker.BrokerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Binance broker's settings (keys of {@code execution.brokers.binance.*} / {@code execution.accounts.<id>.*}):
 * {@code rest-url} ({@value #DEFAULT_REST}), {@code ws-url} ({@value #DEFAULT_WS}), the API key from
 * {@code api-key-file} (its first line) or {@code api-key-env} (an environment variable), the secret from
 * {@code secret-file} or {@code secret-env} (never logged, never in {@link #describe}), {@code recv-window-ms}
 * (5000), {@code request-timeout-seconds} (10), {@code weight-limit-1m} (6000: requests wait for the next minute
 * once {@code X-MBX-USED-WEIGHT-1M} reaches it), {@code max-tries} (5: answers 429/418/-1021 waited out per
 * request), {@code keepalive-minutes} (30: the listen key's keepalive), {@code stop-limit-ticks} (0: a
 * stop-loss-limit's limit this many ticks beyond its stop) and per instrument {@code symbol.<instrument>}
 * (the Binance symbol; default the instrument without '-' and '/', upper case); {@code matching-clock} ({@code venue};
 * {@code sink} only against the project's exchange simulator: see {@link BinanceMatchingClock}).
 */
public record BinanceBrokerConfig(URI restUrl, URI wsUrl, Optional<Path> apiKeyFile, String apiKeyEnv, Optional<Path> secretFile,
                                  String secretEnv, long recvWindowMillis, Duration requestTimeout, int weightLimit, int maxTries,
                                  Duration keepalive, int stopLimitTicks, Map<String, String> symbols,
                                  boolean sinkMatchingClock) {

    static final String DEFAULT_REST = "https://api.binance.com";
    static final String DEFAULT_WS = "wss://stream.binance.com:9443";
    public static final Set<String> KEYS = Set.of("rest-url", "ws-url", "api-key-file", "api-key-env", "secret-file", "secret-env",
            "recv-window-ms", "request-timeout-seconds", "weight-limit-1m", "max-tries", "keepalive-minutes", "stop-limit-ticks",
            "matching-clock");

    public static BinanceBrokerConfig from(BrokerSettings s) {
        Set<String> allowed = new HashSet<>(KEYS);
        Map<String, String> symbols = new LinkedHashMap<>();
        for (String key : s.keys()) {
            if (key.startsWith("symbol.") && key.length() > 7) {
                symbols.put(key.substring(7), s.require(key));
                allowed.add(key);
            }
        }
        s.allowOnly(allowed);
        if (s.find("api-key-file").isEmpty() && s.find("api-key-env").isEmpty()) {
            throw new IllegalArgumentException("api-key-file or api-key-env is required (" + s.origin() + ")");
        }
        if (s.find("secret-file").isEmpty() && s.find("secret-env").isEmpty()) {
            throw new IllegalArgumentException("secret-file or secret-env is required (" + s.origin() + ")");
        }
        int recvWindow = s.getInt("recv-window-ms", 5000);
        if (recvWindow < 1 || recvWindow > 60000) {
            throw new IllegalArgumentException("recv-window-ms must be 1-60000, was " + recvWindow + " (" + s.origin() + ")");
        }
        int timeout = s.getInt("request-timeout-seconds", 10);
        int tries = s.getInt("max-tries", 5);
        int keepalive = s.getInt("keepalive-minutes", 30);
        int weight = s.getInt("weight-limit-1m", 6000);
        int stopLimit = s.getInt("stop-limit-ticks", 0);
        if (timeout < 1 || tries < 1 || keepalive < 1 || weight < 1 || stopLimit < 0) {
            throw new IllegalArgumentException("request-timeout-seconds, max-tries, keepalive-minutes and weight-limit-1m must be at least 1,"
                    + " stop-limit-ticks at least 0 (" + s.origin() + ")");
        }
        String clock = s.get("matching-clock", "venue");
        if (!clock.equals("venue") && !clock.equals("sink")) {
            throw new IllegalArgumentException("matching-clock must be venue or sink, was " + clock + " (" + s.origin() + ")");
        }
        return new BinanceBrokerConfig(URI.create(s.get("rest-url", DEFAULT_REST)), URI.create(s.get("ws-url", DEFAULT_WS)),
                s.find("api-key-file").map(Path::of), s.get("api-key-env", ""), s.find("secret-file").map(Path::of), s.get("secret-env", ""),
                recvWindow, Duration.ofSeconds(timeout), weight, tries, Duration.ofMinutes(keepalive), stopLimit, Map.copyOf(symbols),
                clock.equals("sink"));
    }

    /** The Binance symbol of an engine instrument. */
    public String symbol(String instrument) {
        return symbols.getOrDefault(instrument, instrument.replace("-", "").replace("/", "").toUpperCase(Locale.ROOT));
    }

    /** The API key and secret: a file's first line, else the environment variable; fails naming the source, never the value. */
    public Credentials credentials(Map<String, String> env) {
        return new Credentials(secretValue("API key", apiKeyFile, apiKeyEnv, env), secretValue("secret", secretFile, secretEnv, env));
    }

    private static String secretValue(String what, Optional<Path> file, String envName, Map<String, String> env) {
        if (file.isPresent()) {
            try {
                String first = Files.readAllLines(file.get(), StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
                if (first.isEmpty()) {
                    throw new IllegalArgumentException("the Binance " + what + " file " + file.get() + " is empty");
                }
                return first;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Binance " + what + " file " + file.get(), e);
            }
        }
        String value = env.get(envName);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the environment variable " + envName + " (the Binance " + what + ") is not set");
        }
        return value.trim();
    }

    /** An account's API key and secret; {@link #toString()} shows neither. */
    public record Credentials(String apiKey, String secret) {
        @Override
        public String toString() {
            return "Credentials[redacted]";
        }
    }

    /** For the start log: no credentials, only where they come from. */
    public String describe() {
        return "binance broker: " + restUrl + " and " + wsUrl + ", API key from " + apiKeyFile.map(p -> "file " + p).orElse("$" + apiKeyEnv)
                + ", recvWindow " + recvWindowMillis + " ms, symbols " + symbols
                + (sinkMatchingClock ? ", matching clock: the sink's trades (exchange simulator)" : "");
    }
}
