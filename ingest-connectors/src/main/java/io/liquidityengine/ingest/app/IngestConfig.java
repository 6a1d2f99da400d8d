package io.liquidityengine.ingest.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code ingest.*}: the sources this service publishes, by source id. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Sources by id; the id is the checkpoint key, so keep it stable for a file. */
    Map<String, Source> sources();

    /** Exit the process once every backfill source is done (for scripted replays and the demo). */
    @WithDefault("false")
    boolean exitWhenDone();

    /** Publish the configured instruments to ref.instruments at startup. */
    @WithDefault("true")
    boolean publishInstruments();

    interface Source {
        /** scid, bar-export, zones, option-delta, option-delta-s3, dtc, binance or coinbase. */
        String type();

        /** The file to read (file sources). */
        Optional<String> path();

        /** Instrument (or underlying) symbol, as configured under {@code instruments.*}; binance and coinbase: a comma-separated list. */
        String instrument();

        /** Keep reading a growing file (scid only) instead of stopping at its end. */
        @WithDefault("false")
        boolean follow();

        /** 0 = as fast as possible; N = N times real time from the records' timestamps. */
        @WithDefault("0")
        double speed();

        /** How often a followed file is checked for new records. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /** Length of bar records (scid bar files, bar exports), seconds. */
        @WithDefault("5")
        int barIntervalSeconds();

        /** Time zone of the times in text exports and option-delta files. */
        Optional<String> timeZone();

        /** Trading date of an option-delta file when its name does not carry one (yyyy-MM-dd); option-delta-s3: the day to poll instead of today. */
        Optional<String> date();

        /** option-delta-s3: the bucket. */
        Optional<String> bucket();

        /** option-delta-s3: the object key, {@code {date}} standing for the trading date (yyyy-MM-dd). */
        Optional<String> keyTemplate();

        /** option-delta-s3: endpoint of an S3-compatible store (MinIO, S3Proxy); AWS when absent. */
        Optional<String> endpoint();

        /** option-delta-s3: path-style requests (http://host/bucket/key), for most S3-compatible stores. */
        @WithDefault("false")
        boolean pathStyle();

        /** option-delta-s3: signing region; the AWS SDK's default region chain, else us-east-1, when absent. */
        Optional<String> region();

        /** option-delta-s3: up to this much is added at random to each poll interval; a fifth of it when absent. */
        Optional<Duration> jitter();

        /** dtc: the DTC server's host. */
        Optional<String> host();

        /** dtc: the DTC server's port (Sierra Chart's default is 11099). */
        Optional<Integer> port();

        /** dtc: connect with TLS (the JVM's default trust store, javax.net.ssl.trustStore). */
        @WithDefault("false")
        boolean tls();

        /**
         * dtc: the instrument's DTC symbol (for example ESZ4); binance, coinbase: the venue's symbols (BTCUSDT, BTC-USD),
         * comma-separated, in the order of {@code instrument}; the instrument symbols when absent.
         */
        Optional<String> symbol();

        /** dtc: the DTC exchange (for example CME); empty when the symbol carries it. */
        Optional<String> exchange();

        /** dtc: the logon user name. */
        Optional<String> username();

        /** dtc: a file whose first line is the logon password (takes precedence over password-env). */
        Optional<String> passwordFile();

        /** dtc: the environment variable holding the logon password. */
        @WithDefault("DTC_PASSWORD")
        String passwordEnv();

        /** dtc: heartbeat interval asked for at logon; the link is lost after two intervals without one. */
        @WithDefault("PT10S")
        Duration heartbeatInterval();

        /** dtc, binance, coinbase: first wait before a reconnect; it doubles up to reconnect-max, with jitter. */
        @WithDefault("PT0.5S")
        Duration reconnectInitial();

        /** dtc, binance, coinbase: longest wait between reconnects. */
        @WithDefault("PT30S")
        Duration reconnectMax();

        /** binance, coinbase: the market-data websocket; the venue's own when absent. */
        Optional<String> url();

        /** binance, coinbase: base of the venue's public REST API (trade history); the venue's own when absent. */
        Optional<String> restUrl();

        /** binance: the trade stream, aggTrade (aggregate trades) or trade. */
        @WithDefault("aggTrade")
        String stream();

        /** binance, coinbase: how often the client pings the venue. */
        @WithDefault("PT20S")
        Duration pingInterval();

        /** binance, coinbase: a connection without any frame (data, ping, pong) for this long is re-established. */
        @WithDefault("PT60S")
        Duration idleTimeout();

        /** binance, coinbase: reconnect when a connection is this old (both venues cut connections at 24 hours). */
        @WithDefault("PT23H")
        Duration maxConnectionAge();

        /** binance, coinbase: timeout of a REST request (and of the websocket handshake). */
        @WithDefault("PT10S")
        Duration restTimeout();

        /** binance, coinbase: longest wait before a REST retry; a larger Retry-After of a 429 is capped to it. */
        @WithDefault("PT60S")
        Duration restMaxWait();

        /** dtc: finish the source when the server logs off with DoNotReconnect (a finished replay); false keeps reconnecting. */
        @WithDefault("false")
        boolean stopOnLogoff();
    }
}
