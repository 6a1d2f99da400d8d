package io.liquidityengine.ingest.sources;

import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.ingest.app.IngestConfig;
import io.liquidityengine.ingest.dtc.DtcMarketDataSource;
import io.liquidityengine.ingest.dtc.DtcSettings;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.ingest.s3.S3KeyTemplate;
import io.liquidityengine.ingest.s3.S3Settings;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** Creates the record source for a configured source type. */
public final class Sources {

    /** Live trades from a DTC server. */
    public static final String DTC = "dtc";

    private Sources() {
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
        if (DTC.equals(source.type())) {
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
