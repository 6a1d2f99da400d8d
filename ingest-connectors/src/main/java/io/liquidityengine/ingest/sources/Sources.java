package io.liquidityengine.ingest.sources;

import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.ingest.app.IngestConfig;
import io.liquidityengine.ingest.binance.BinanceStream;
import io.liquidityengine.ingest.binance.BinanceVenue;
import io.liquidityengine.ingest.coinbase.CoinbaseVenue;
import io.liquidityengine.ingest.crypto.CryptoMarketDataSource;
import io.liquidityengine.ingest.crypto.CryptoSettings;
import io.liquidityengine.ingest.crypto.RestClient;
import io.liquidityengine.ingest.crypto.Venue;
import io.liquidityengine.ingest.dtc.DtcMarketDataSource;
import io.liquidityengine.ingest.dtc.DtcSettings;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.ingest.s3.S3KeyTemplate;
import io.liquidityengine.ingest.s3.S3Settings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates the record source for a configured source type. */
public final class Sources {

    /** Live trades from a DTC server. */
    public static final String DTC = "dtc";
    /** Live trades from Binance spot. */
    public static final String BINANCE = "binance";
    /** Live trades from Coinbase Exchange. */
    public static final String COINBASE = "coinbase";

    private Sources() {
    }

    /** Whether {@code ingest.sources.<id>.instrument} of this type may list several instruments (comma-separated). */
    public static boolean takesInstrumentList(String type) {
        return BINANCE.equals(type) || COINBASE.equals(type);
    }

    /** The source configured under {@code ingest.sources.<id>}, for its instruments (one, or a list where the type takes one). */
    public static RecordSource create(String id, IngestConfig.Source source, List<InstrumentSpec> instruments, MeterRegistry metrics) {
        if (takesInstrumentList(source.type())) {
            return crypto(id, source, instruments, metrics);
        }
        if (instruments.size() != 1) {
            throw new IllegalArgumentException("source " + id + ": type " + source.type() + " takes one instrument, got " + instruments.size());
        }
        return create(id, source, instruments.get(0), metrics);
    }

    static RecordSource crypto(String id, IngestConfig.Source source, List<InstrumentSpec> instruments, MeterRegistry metrics) {
        String prefix = "ingest.sources." + id + ".";
        List<String> configured = source.symbol().map(s -> Arrays.stream(s.split(",")).map(String::trim).toList())
                .orElse(instruments.stream().map(InstrumentSpec::symbol).toList());
        boolean binance = BINANCE.equals(source.type());
        List<String> symbols = binance ? configured.stream().map(s -> s.toUpperCase(java.util.Locale.ROOT)).toList() : configured;
        if (symbols.size() != instruments.size()) {
            throw new IllegalArgumentException("source " + id + ": " + prefix + "symbol lists " + symbols.size() + " venue symbols for "
                    + instruments.size() + " instruments");
        }
        Map<String, InstrumentSpec> bySymbol = new LinkedHashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            bySymbol.put(symbols.get(i), instruments.get(i));
        }
        if (binance && symbols.size() > BinanceVenue.MAX_SYMBOLS) {
            throw new IllegalArgumentException("source " + id + ": " + symbols.size() + " Binance symbols on one connection; at most "
                    + BinanceVenue.MAX_SYMBOLS + " (two streams each, 1024 streams per connection): split them over several sources");
        }
        CryptoSettings settings = new CryptoSettings(
                URI.create(source.url().orElse(binance ? BinanceVenue.DEFAULT_WEBSOCKET : CoinbaseVenue.DEFAULT_WEBSOCKET)),
                URI.create(source.restUrl().orElse(binance ? BinanceVenue.DEFAULT_REST : CoinbaseVenue.DEFAULT_REST).replaceFirst("/+$", "")),
                symbols, source.pingInterval(), source.idleTimeout(), source.maxConnectionAge(), source.reconnectInitial(),
                source.reconnectMax(), source.restTimeout(), source.restMaxWait());
        RestClient rest = new RestClient(settings.restTimeout(), settings.restMaxWait(), 10,
                status -> Counter.builder("ingest.crypto.rate.limited").tag("source", id).tag("status", String.valueOf(status))
                        .description("REST answers 429 (rate limited) or 418 (banned) from the venue").register(metrics).increment());
        Venue venue = binance ? new BinanceVenue(settings, BinanceStream.of(source.stream()), rest) : new CoinbaseVenue(settings, rest);
        return new CryptoMarketDataSource(id, venue, settings, bySymbol, metrics);
    }

    /** The source configured under {@code ingest.sources.<id>}. */
    public static RecordSource create(String id, IngestConfig.Source source, InstrumentSpec instrument, MeterRegistry metrics) {
        if (DTC.equals(source.type())) {
            return new DtcMarketDataSource(id, dtcSettings(id, source, instrument), instrument, metrics);
        }
        if (S3OptionDeltaSource.TYPE.equals(source.type())) {
            ZoneId zone = source.timeZone().map(ZoneId::of).orElse(instrument.timeZone());
            return S3OptionDeltaSource.create(id, s3Settings(id, source), instrument.symbol(), instrument.timeZone(), zone,
                    source.date().map(LocalDate::parse).orElse(null));
        }
        Path path = Path.of(source.path().orElseThrow(() -> new IllegalArgumentException(
                "source " + id + ": type " + source.type() + " needs ingest.sources." + id + ".path")));
        return create(id, source.type(), path, instrument, source.follow(), source.barIntervalSeconds(), source.timeZone(), source.date());
    }

    /**
     * Empty when the runner reads the source to its end (backfill); else follow mode, sleeping this long
     * after a poll that found nothing. option-delta-s3 always follows and is polled every 100 ms at most
     * (it answers at once and gets the object on its own schedule, poll-interval plus jitter).
     */
    public static Optional<Duration> followInterval(IngestConfig.Source source) {
        if (DTC.equals(source.type()) || takesInstrumentList(source.type())) {
            return Optional.of(Duration.ZERO); // live: its poll waits for the session's next event itself
        }
        if (S3OptionDeltaSource.TYPE.equals(source.type())) {
            Duration tick = Duration.ofMillis(100);
            return Optional.of(source.pollInterval().compareTo(tick) < 0 ? source.pollInterval() : tick);
        }
        return source.follow() ? Optional.of(source.pollInterval()) : Optional.empty();
    }

    static DtcSettings dtcSettings(String id, IngestConfig.Source source, InstrumentSpec instrument) {
        String prefix = "ingest.sources." + id + ".";
        DtcCredentials credentials = DtcCredentials.resolve(source.username().orElse(""), source.passwordFile().map(Path::of),
                source.passwordEnv(), System.getenv());
        return new DtcSettings(
                source.host().orElseThrow(() -> new IllegalArgumentException("source " + id + ": " + prefix + "host is required")),
                source.port().orElseThrow(() -> new IllegalArgumentException("source " + id + ": " + prefix + "port is required")),
                source.tls(), source.symbol().orElse(instrument.symbol()), source.exchange().orElse(""), credentials,
                source.heartbeatInterval(), source.reconnectInitial(), source.reconnectMax(), source.stopOnLogoff());
    }

    static S3Settings s3Settings(String id, IngestConfig.Source source) {
        String prefix = "ingest.sources." + id + ".";
        return new S3Settings(
                source.bucket().orElseThrow(() -> new IllegalArgumentException("source " + id + ": " + prefix + "bucket is required")),
                new S3KeyTemplate(source.keyTemplate().orElseThrow(() -> new IllegalArgumentException(
                        "source " + id + ": " + prefix + "key-template is required"))),
                source.endpoint().map(URI::create), source.pathStyle(), source.region(), source.pollInterval(),
                source.jitter().orElse(source.pollInterval().dividedBy(5)));
    }

    /**
     * @param timeZone zone of the times in text exports and option-delta files; the instrument's zone when absent
     * @param date     trading date of an option-delta file (yyyy-MM-dd); from the file name when absent
     */
    public static RecordSource create(String id, String type, Path path, InstrumentSpec instrument, boolean follow,
                                      int barIntervalSeconds, Optional<String> timeZone, Optional<String> date) {
        ZoneId zone = timeZone.map(ZoneId::of).orElse(instrument.timeZone());
        return switch (type) {
            case "scid" -> new ScidTickSource(id, path, instrument, !follow, barIntervalSeconds);
            case "bar-export" -> new BarExportSource(id, path, instrument, zone, barIntervalSeconds);
            case "zones" -> new ZoneExportSource(id, path, instrument, zone);
            case "option-delta" -> new OptionDeltaSource(id, path, instrument.symbol(), zone, date.map(LocalDate::parse).orElse(null));
            default -> throw new IllegalArgumentException("source " + id + ": unknown type '" + type
                    + "'; expected scid, bar-export, zones, option-delta, option-delta-s3 or dtc");
        };
    }
}
