package io.liquidityengine.ingest.sources;

import io.liquidityengine.ingest.optiondelta.OptionDeltaConfig;
import io.liquidityengine.ingest.optiondelta.OptionDeltaParser;
import io.liquidityengine.ingest.optiondelta.OptionDeltaPoint;
import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.publish.SourceBatch;
import io.liquidityengine.ingest.s3.AwsObjectStore;
import io.liquidityengine.ingest.s3.ObjectLines;
import io.liquidityengine.ingest.s3.ObjectStore;
import io.liquidityengine.ingest.s3.S3Settings;
import io.liquidityengine.ingest.sources.ParsedFileSource.Unit;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.StreamPosition;
import io.liquidityengine.schemas.deadletter.PositionKind;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An option-delta series kept as one S3 object per trading day ({@code type=option-delta-s3}),
 * polled while it grows: the object is read whole every poll interval (plus jitter) and parsed with
 * the {@link OptionDeltaParser} of the file source (first value per minute, TIMESTAMP_BACKWARDS and
 * the other row rules); only rows not published before are handed out.
 *
 * <p>Position: one {@link StreamPosition} per object, stream = key, version = the ETag of the version
 * read, nextPosition = the next line to publish. A new version is parsed from line 1 again (so the
 * first-value-per-minute decisions of the published lines are made exactly as before) and only its
 * units from that line on are handed out, provided the published lines are still what they were:
 * compared line by line with the version read before in this run; after a restart, where the
 * published text is not kept, the new version must have at least as many lines and the same last
 * published record (event time). A version whose published lines changed is dead-lettered (reason
 * OTHER, at the first changed line) once per ETag and nothing of it is published.
 *
 * <p>Only complete lines count: a last line without its line break is left for a later version.
 * A missing object (404) is logged once and polled again; a 403 is dead-lettered as ACCESS_DENIED
 * once until a read succeeds again; other failures are logged once and retried. The object is
 * fetched on a background thread: {@link #poll(int)} never waits for S3, it returns an empty batch
 * while nothing is due or a get is under way. The source never finishes (run it in follow mode).
 */
public final class S3OptionDeltaSource implements RecordSource {

    public static final String TYPE = "option-delta-s3";
    private static final Logger LOG = LoggerFactory.getLogger(S3OptionDeltaSource.class);
    /** Positions of earlier objects (days) kept in the checkpoint besides the current one. */
    static final int EARLIER_STREAMS_KEPT = 4;

    private final String id;
    private final S3Settings settings;
    private final String underlying;
    private final ZoneId tradingZone;
    private final OptionDeltaConfig parseConfig;
    private final LocalDate configuredDate;
    private final ObjectStore store;
    private final Executor executor;
    private final Clock clock;

    /** Positions of other objects from the checkpoint, oldest first. */
    private final Map<String, StreamPosition> earlier = new LinkedHashMap<>();
    private ObjectState current;
    private CompletableFuture<ObjectStore.Fetch> inFlight;
    private long nextGetMillis = Long.MIN_VALUE;

    /**
     * @param instrument     the underlying; its zone gives today's trading date when {@code date} is null
     * @param zone           time zone of the rows' HH:MM:SS
     * @param date           the trading date to read, or null for today's date in the instrument's zone
     * @param executor       runs the gets (an {@link ExecutorService} is shut down on close)
     */
    public S3OptionDeltaSource(String id, S3Settings settings, String underlying, ZoneId tradingZone, ZoneId zone, LocalDate date,
                               ObjectStore store, Executor executor, Clock clock) {
        this.id = id;
        this.settings = settings;
        this.underlying = underlying;
        this.tradingZone = tradingZone;
        this.parseConfig = OptionDeltaConfig.defaults().withZone(zone);
        this.configuredDate = date;
        this.store = store;
        this.executor = executor;
        this.clock = clock;
    }

    /** The source against S3 with the SDK's default credential chain, getting on its own daemon thread. */
    public static S3OptionDeltaSource create(String id, S3Settings settings, String underlying, ZoneId tradingZone, ZoneId zone,
                                             LocalDate date) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ingest-s3-" + id);
            t.setDaemon(true);
            return t;
        });
        return new S3OptionDeltaSource(id, settings, underlying, tradingZone, zone, date, AwsObjectStore.create(settings), executor,
                Clock.systemUTC());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String origin() {
        return current != null ? current.url : settings.url(settings.keyTemplate().keyFor(tradingDate()));
    }

    @Override
    public PositionKind positionKind() {
        return PositionKind.LINE;
    }

    /** The configured date, else today in the instrument's zone. */
    LocalDate tradingDate() {
        return configuredDate != null ? configuredDate : LocalDate.now(clock.withZone(tradingZone));
    }

    @Override
    public void open(long position) {
        open(position, List.of());
    }

    @Override
    public void open(long position, List<StreamPosition> streams) {
        earlier.clear();
        for (StreamPosition p : streams) {
            earlier.put(p.getStream(), p);
        }
        current = stateFor(tradingDate());
        LOG.info("Source {}: polling {} every {}{}; {}", id, current.url, settings.pollInterval(),
                settings.jitter().isZero() ? "" : " plus up to " + settings.jitter() + " jitter",
                current.etag == null ? "nothing published from it yet"
                        : "published up to line " + (current.nextLine - 1) + " of ETag " + current.etag);
    }

    private ObjectState stateFor(LocalDate date) {
        String key = settings.keyTemplate().keyFor(date);
        ObjectState state = new ObjectState(key, date, settings.url(key));
        StreamPosition p = earlier.remove(key);
        if (p != null) {
            state.etag = p.getVersion();
            state.nextLine = p.getNextPosition();
            state.lastEventMicros = p.getLastEventTime() == null ? Long.MIN_VALUE : Micros.of(p.getLastEventTime());
        }
        return state;
    }

    @Override
    public SourceBatch poll(int maxUnits) {
        if (current.hasPending()) {
            return handOut(maxUnits);
        }
        if (inFlight == null) {
            long now = clock.millis();
            if (now < nextGetMillis) {
                return nothing();
            }
            followTradingDate();
            nextGetMillis = now + settings.pollInterval().toMillis() + jitterMillis();
            ObjectState state = current;
            String ifNoneMatch = state.lastSeenEtag;
            inFlight = CompletableFuture.supplyAsync(() -> store.get(settings.bucket(), state.key, ifNoneMatch), executor);
        }
        if (!inFlight.isDone()) {
            return nothing();
        }
        ObjectStore.Fetch fetch;
        try {
            fetch = inFlight.join();
        } catch (CompletionException e) {
            fetch = new ObjectStore.Failed(String.valueOf(e.getCause()));
        } finally {
            inFlight = null;
        }
        List<ParseProblem> problems = onFetch(fetch);
        if (!problems.isEmpty()) {
            return new SourceBatch(List.of(), problems, current.nextLine, Long.MIN_VALUE, false, streams());
        }
        return current.hasPending() ? handOut(maxUnits) : nothing();
    }

    private long jitterMillis() {
        long max = settings.jitter().toMillis();
        return max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max + 1);
    }

    private void followTradingDate() {
        LocalDate date = tradingDate();
        if (date.equals(current.date)) {
            return;
        }
        if (current.etag != null) {
            earlier.put(current.key, current.position());
        }
        current = stateFor(date);
        LOG.info("Source {}: trading date {}, polling {}", id, date, current.url);
    }

    private List<ParseProblem> onFetch(ObjectStore.Fetch fetch) {
        ObjectState s = current;
        if (fetch instanceof ObjectStore.Found found) {
            recovered(s);
            s.missingLogged = false;
            s.lastSeenEtag = found.etag();
            return onVersion(s, found.etag(), ObjectLines.of(found.content()));
        }
        if (fetch instanceof ObjectStore.NotModified) {
            recovered(s);
        } else if (fetch instanceof ObjectStore.NotFound n) {
            if (!s.missingLogged) {
                s.missingLogged = true;
                LOG.info("Source {}: {} does not exist yet ({}); polling again every {}", id, s.url, n.code(), settings.pollInterval());
            }
        } else if (fetch instanceof ObjectStore.Denied d) {
            if (!s.denied) {
                s.denied = true;
                return List.of(ParseProblem.atLine(ProblemReason.ACCESS_DENIED,
                        "403 " + d.code() + " reading " + s.url + ": " + d.message()
                                + " (polled again every " + settings.pollInterval() + "; dead-lettered again only after a read succeeded)",
                        s.url, Math.max(1, s.nextLine), ""));
            }
        } else if (fetch instanceof ObjectStore.Failed f) {
            if (!s.failing) {
                s.failing = true;
                LOG.warn("Source {}: reading {} failed, trying again every {}: {}", id, s.url, settings.pollInterval(), f.message());
            }
        }
        return List.of();
    }

    private void recovered(ObjectState s) {
        if (s.denied || s.failing) {
            LOG.info("Source {}: reading {} works again", id, s.url);
        }
        s.denied = false;
        s.failing = false;
    }

    /** A version of the object was read: check what was published of it is unchanged, then queue what follows. */
    private List<ParseProblem> onVersion(ObjectState s, String etag, ObjectLines now) {
        if (etag.equals(s.etag) && s.lines != null) {
            return List.of(); // the store ignored If-None-Match: the version already read
        }
        List<ParseResult<OptionDeltaPoint>> results = parse(now, s);
        Change change = publishedPrefixChange(s, etag, now, results);
        if (change != null) {
            if (etag.equals(s.rejectedEtag)) {
                return List.of();
            }
            s.rejectedEtag = etag;
            String detail = "line " + change.line + " of " + s.url + " (ETag " + etag + ") " + change.what
                    + "; lines 1-" + publishedLines(s) + " were published from ETag " + s.etag
                    + ". Nothing of this version is published: restore the published lines, or publish the object under a new source id";
            LOG.error("Source {}: the published part of {} changed: {}", id, s.url, detail);
            String raw = change.line <= now.lineCount() ? now.line(change.line) : "";
            return List.of(ParseProblem.atLine(ProblemReason.OTHER, detail, s.url, change.line, raw));
        }
        List<Unit> units = new ArrayList<>();
        for (Unit u : Unit.ofResults(results, p -> OptionDeltaSource.toRecord(underlying, p, s.url))) {
            if (u.position() >= s.nextLine) {
                units.add(u);
            }
        }
        if (s.etag != null && !etag.equals(s.etag)) {
            LOG.info("Source {}: {} has a new version (ETag {}): {} complete lines, {} new input units after line {}", id, s.url, etag,
                    now.lineCount(), units.size(), publishedLines(s));
        }
        s.etag = etag;
        s.lines = now;
        s.pending = units;
        s.next = 0;
        if (units.isEmpty()) {
            s.nextLine = Math.max(s.nextLine, now.lineCount() + 1L);
        }
        return List.of();
    }

    private record Change(int line, String what) {
    }

    /** How the published lines of {@code s} differ in version {@code now}, or null when they do not. */
    private static Change publishedPrefixChange(ObjectState s, String etag, ObjectLines now, List<ParseResult<OptionDeltaPoint>> results) {
        int published = publishedLines(s);
        if (published == 0 || etag.equals(s.etag)) {
            return null; // nothing published, or the very version the position refers to
        }
        if (s.lines != null) {
            int changed = ObjectLines.firstChangedLine(s.lines, published, now);
            if (changed == 0) {
                return null;
            }
            return new Change(changed, changed > now.lineCount()
                    ? "is missing: the object has only " + now.lineCount() + " complete lines"
                    : "differs from the published line '" + s.lines.line(changed) + "'");
        }
        // after a restart the published text is not known: check what the checkpoint can tell
        if (now.lineCount() < published) {
            return new Change(now.lineCount() + 1, "is missing: the object has only " + now.lineCount() + " complete lines");
        }
        ParseResult<OptionDeltaPoint> lastPublished = null;
        for (ParseResult<OptionDeltaPoint> r : results) {
            if (r.position() < s.nextLine && r.isParsed()) {
                lastPublished = r;
            }
        }
        long lastMicros = lastPublished == null ? Long.MIN_VALUE : lastPublished.value().eventEpochMicros();
        if (lastMicros != s.lastEventMicros) {
            return new Change(lastPublished == null ? published : (int) lastPublished.position(),
                    "does not give the last published record (" + (s.lastEventMicros == Long.MIN_VALUE ? "none"
                            : Micros.instant(s.lastEventMicros)) + ") any more");
        }
        return null;
    }

    private static int publishedLines(ObjectState s) {
        return (int) Math.max(0, s.nextLine - 1);
    }

    private List<ParseResult<OptionDeltaPoint>> parse(ObjectLines lines, ObjectState s) {
        if (lines.lineCount() == 0) {
            return List.of();
        }
        try {
            return new OptionDeltaParser(parseConfig).parse(new StringReader(lines.text()), s.url, s.date);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    private SourceBatch handOut(int maxUnits) {
        ObjectState s = current;
        List<OutRecord<?>> records = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        long lastEvent = Long.MIN_VALUE;
        for (int n = 0; n < maxUnits && s.next < s.pending.size(); n++) {
            Unit unit = s.pending.get(s.next++);
            for (OutRecord<?> r : unit.records()) {
                records.add(r);
                lastEvent = r.timestampMillis() * 1000;
            }
            if (unit.problem() != null) {
                problems.add(unit.problem());
            }
        }
        s.nextLine = s.hasPending() ? s.pending.get(s.next).position() : Math.max(s.nextLine, s.lines.lineCount() + 1L);
        if (lastEvent != Long.MIN_VALUE) {
            s.lastEventMicros = lastEvent;
        }
        return new SourceBatch(records, problems, s.nextLine, lastEvent, false, streams());
    }

    private SourceBatch nothing() {
        return new SourceBatch(List.of(), List.of(), current.nextLine, Long.MIN_VALUE, false, null);
    }

    /** The positions to checkpoint: a few earlier objects' and the current one's. */
    List<StreamPosition> streams() {
        List<StreamPosition> out = new ArrayList<>();
        List<StreamPosition> others = new ArrayList<>(earlier.values());
        out.addAll(others.subList(Math.max(0, others.size() - EARLIER_STREAMS_KEPT), others.size()));
        if (current.etag != null) {
            out.add(current.position());
        }
        return out;
    }

    @Override
    public void close() {
        if (executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
        store.close();
    }

    /** Where one object stands. */
    static final class ObjectState {
        final String key;
        final LocalDate date;
        final String url;
        /** The version the position refers to; null while nothing was read. */
        String etag;
        /** Next line to publish (0 or 1: from the start). */
        long nextLine;
        long lastEventMicros = Long.MIN_VALUE;
        /** The version {@link #etag} as read in this run; null after a restart until read again. */
        ObjectLines lines;
        /** ETag of the last version read (If-None-Match); null until the first read of this run. */
        String lastSeenEtag;
        /** Last version dead-lettered for a changed published part. */
        String rejectedEtag;
        List<Unit> pending = List.of();
        int next;
        boolean missingLogged;
        boolean denied;
        boolean failing;

        ObjectState(String key, LocalDate date, String url) {
            this.key = key;
            this.date = date;
            this.url = url;
        }

        boolean hasPending() {
            return next < pending.size();
        }

        StreamPosition position() {
            return new StreamPosition(key, etag, nextLine, PositionKind.LINE,
                    lastEventMicros == Long.MIN_VALUE ? null : Micros.instant(lastEventMicros), 0L);
        }
    }
}
