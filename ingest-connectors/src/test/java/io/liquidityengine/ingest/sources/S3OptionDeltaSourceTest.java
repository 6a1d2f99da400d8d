package io.liquidityengine.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.PositionKind;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.SourceBatch;
import io.liquidityengine.ingest.s3.ObjectStore;
import io.liquidityengine.ingest.s3.S3KeyTemplate;
import io.liquidityengine.ingest.s3.S3Settings;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.StreamPosition;
import io.liquidityengine.schemas.marketdata.OptionDelta;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The S3 option-delta source against an in-memory store: versions, skipping, checks of the published part, 404/403, days. */
class S3OptionDeltaSourceTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2024, 12, 5);
    private static final String KEY = "deltas/2024-12-05/optiondelta.txt";
    private static final String URL = "s3://bucket/" + KEY;
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final FakeStore store = new FakeStore();
    private final TestClock clock = new TestClock(Instant.parse("2024-12-05T15:00:00Z"));

    private S3OptionDeltaSource source(LocalDate date) {
        S3Settings settings = new S3Settings("bucket", new S3KeyTemplate("deltas/{date}/optiondelta.txt"), Optional.empty(), false,
                Optional.empty(), INTERVAL, Duration.ZERO);
        return new S3OptionDeltaSource("s3-test", settings, "ES", NEW_YORK, NEW_YORK, date, store, Runnable::run, clock);
    }

    private S3OptionDeltaSource opened(LocalDate date, StreamPosition... streams) {
        S3OptionDeltaSource source = source(date);
        source.open(0, List.of(streams));
        return source;
    }

    /** The next poll once the poll interval has passed. */
    private SourceBatch nextPoll(S3OptionDeltaSource source) {
        clock.now = clock.now.plus(INTERVAL);
        return source.poll(100);
    }

    private static List<String> deltas(SourceBatch batch) {
        List<String> out = new ArrayList<>();
        for (OutRecord<?> r : batch.records()) {
            assertThat(r.topic()).isEqualTo(Topics.MD_OPTION_DELTAS);
            OptionDelta d = (OptionDelta) r.value();
            assertThat(r.key()).isEqualTo("ES");
            assertThat(d.getUnderlying()).isEqualTo("ES");
            assertThat(r.timestampMillis()).isEqualTo(d.getEventTime().toEpochMilli());
            out.add(d.getEventTime() + " " + d.getValue() + " " + d.getSource());
        }
        return out;
    }

    private static StreamPosition position(String etag, long nextLine, String lastEventTime) {
        return new StreamPosition(KEY, etag, nextLine, io.liquidityengine.schemas.deadletter.PositionKind.LINE,
                lastEventTime == null ? null : Instant.parse(lastEventTime), 0L);
    }

    @Test
    void shouldPublishOnlyTheLinesAfterThePublishedOnesAsTheObjectGrows() {
        store.put(KEY, "time,delta\n09:30:02,100.5\n09:30:40,101\n");
        S3OptionDeltaSource source = opened(DAY);

        SourceBatch first = source.poll(100);
        assertThat(deltas(first)).containsExactly("2024-12-05T14:30:00Z 100.5 " + URL);
        assertThat(first.problems()).isEmpty();
        assertThat(first.nextPosition()).isEqualTo(4);
        assertThat(first.lastEventMicros()).isEqualTo(Instant.parse("2024-12-05T14:30:00Z").toEpochMilli() * 1000);
        assertThat(first.streams()).containsExactly(position("\"1\"", 4, "2024-12-05T14:30:00Z"));
        assertThat(first.finished()).isFalse();

        // rows appended: 09:30:59 is in the minute already published and must not be decided again
        store.put(KEY, "time,delta\n09:30:02,100.5\n09:30:40,101\n09:30:59,102\n09:31:01,103\n09:31:30,104\nbad\n09:32:00,105\n");
        assertThat(source.poll(100).isEmpty()).as("not due yet: no get").isTrue();
        assertThat(store.gets).isEqualTo(1);
        SourceBatch second = nextPoll(source);
        assertThat(deltas(second)).containsExactly("2024-12-05T14:31:00Z 103.0 " + URL, "2024-12-05T14:32:00Z 105.0 " + URL);
        assertThat(second.problems()).extracting(ParseProblem::reason, ParseProblem::position, ParseProblem::rawText, ParseProblem::origin)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProblemReason.UNPARSABLE_ROW, 7L, "bad", URL));
        assertThat(second.nextPosition()).isEqualTo(9);
        assertThat(second.streams()).containsExactly(position("\"2\"", 9, "2024-12-05T14:32:00Z"));

        // unchanged: the store answers 304, nothing is handed out
        SourceBatch third = nextPoll(source);
        assertThat(third.isEmpty()).isTrue();
        assertThat(store.notModified).isEqualTo(1);
    }

    @Test
    void shouldLeaveALastLineWithoutLineBreakForTheNextVersion() {
        store.put(KEY, "time,delta\n09:30:02,100.5\n09:31:0");
        S3OptionDeltaSource source = opened(DAY);

        SourceBatch first = source.poll(100);
        assertThat(deltas(first)).containsExactly("2024-12-05T14:30:00Z 100.5 " + URL);
        assertThat(first.problems()).isEmpty();
        assertThat(first.nextPosition()).isEqualTo(3);

        store.put(KEY, "time,delta\n09:30:02,100.5\n09:31:05,7\n");
        SourceBatch second = nextPoll(source);
        assertThat(deltas(second)).containsExactly("2024-12-05T14:31:00Z 7.0 " + URL);
        assertThat(second.nextPosition()).isEqualTo(4);
    }

    @Test
    void shouldHandOutAVersionInBatchesWithoutGettingItAgain() {
        store.put(KEY, "time,delta\n09:30:02,1\n09:31:02,2\n09:32:02,3\n\n");
        S3OptionDeltaSource source = opened(DAY);

        SourceBatch first = source.poll(2);
        assertThat(first.records()).hasSize(2);
        assertThat(first.nextPosition()).isEqualTo(4);
        assertThat(first.streams()).containsExactly(position("\"1\"", 4, "2024-12-05T14:31:00Z"));
        SourceBatch rest = source.poll(2);
        assertThat(deltas(rest)).containsExactly("2024-12-05T14:32:00Z 3.0 " + URL);
        assertThat(rest.nextPosition()).isEqualTo(6);
        assertThat(store.gets).isEqualTo(1);
    }

    @Test
    void shouldResumeAfterTheCheckpointedLineOfTheSameVersion() {
        store.put(KEY, "time,delta\n09:30:02,1\n09:31:02,2\n09:32:02,3\n");
        S3OptionDeltaSource source = opened(DAY, position("\"1\"", 4, "2024-12-05T14:31:00Z"));

        SourceBatch batch = source.poll(100);

        assertThat(store.lastIfNoneMatch).as("the first get of a run reads the object").isNull();
        assertThat(deltas(batch)).containsExactly("2024-12-05T14:32:00Z 3.0 " + URL);
        assertThat(batch.nextPosition()).isEqualTo(5);
    }

    @Test
    void shouldResumeInAGrownVersionWhoseLastPublishedRecordIsUnchanged() {
        store.put(KEY, "time,delta\n09:30:02,1\n09:31:02,2\n");
        store.put(KEY, "time,delta\n09:30:02,1\n09:31:02,2\n09:31:40,9\n09:32:02,3\n");
        S3OptionDeltaSource source = opened(DAY, position("\"1\"", 4, "2024-12-05T14:31:00Z"));

        SourceBatch batch = source.poll(100);

        assertThat(deltas(batch)).containsExactly("2024-12-05T14:32:00Z 3.0 " + URL);
        assertThat(batch.streams()).containsExactly(position("\"2\"", 6, "2024-12-05T14:32:00Z"));
    }

    @Test
    void shouldDeadLetterAVersionChangedBeforeTheCheckpointAfterARestart() {
        store.put(KEY, "time,delta\n09:30:02,1\n09:29:02,2\n09:32:02,3\n");
        S3OptionDeltaSource source = opened(DAY, position("\"0\"", 4, "2024-12-05T14:31:00Z"));

        SourceBatch batch = source.poll(100);

        assertThat(batch.records()).isEmpty();
        ParseProblem problem = batch.problems().get(0);
        assertThat(batch.problems()).hasSize(1);
        assertThat(problem.reason()).isEqualTo(ProblemReason.OTHER);
        assertThat(problem.position()).isEqualTo(2);
        assertThat(problem.positionKind()).isEqualTo(PositionKind.LINE_NUMBER);
        assertThat(problem.origin()).isEqualTo(URL);
        assertThat(problem.rawText()).isEqualTo("09:30:02,1");
        assertThat(problem.detail()).isEqualTo("line 2 of " + URL + " (ETag \"1\") does not give the last published record "
                + "(2024-12-05T14:31:00Z) any more; lines 1-3 were published from ETag \"0\". Nothing of this version is published: "
                + "restore the published lines, or publish the object under a new source id");
        assertThat(batch.streams()).as("the position stays where it was").containsExactly(position("\"0\"", 4, "2024-12-05T14:31:00Z"));
    }

    @Test
    void shouldDeadLetterAVersionShorterThanThePublishedLinesAfterARestart() {
        store.put(KEY, "time,delta\n09:30:02,1\n");
        S3OptionDeltaSource source = opened(DAY, position("\"0\"", 5, "2024-12-05T14:32:00Z"));

        SourceBatch batch = source.poll(100);

        assertThat(batch.records()).isEmpty();
        assertThat(batch.problems()).extracting(ParseProblem::reason, ParseProblem::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProblemReason.OTHER, 3L));
        assertThat(batch.problems().get(0).detail()).startsWith("line 3 of " + URL + " (ETag \"1\") is missing: the object has only 2 complete lines");
    }

    @Test
    void shouldDeadLetterAChangedPublishedLineOnceAndCarryOnWhenItIsRestored() {
        store.put(KEY, "time,delta\n09:30:02,100.5\n09:31:02,101\n");
        S3OptionDeltaSource source = opened(DAY);
        assertThat(source.poll(100).records()).hasSize(2);

        store.put(KEY, "time,delta\n09:30:02,100.75\n09:31:02,101\n09:32:02,102\n");
        SourceBatch changed = nextPoll(source);
        assertThat(changed.records()).isEmpty();
        assertThat(changed.problems()).hasSize(1);
        ParseProblem problem = changed.problems().get(0);
        assertThat(problem.reason()).isEqualTo(ProblemReason.OTHER);
        assertThat(problem.position()).isEqualTo(2);
        assertThat(problem.rawText()).isEqualTo("09:30:02,100.75");
        assertThat(problem.detail()).isEqualTo("line 2 of " + URL + " (ETag \"2\") differs from the published line '09:30:02,100.5'; "
                + "lines 1-3 were published from ETag \"1\". Nothing of this version is published: restore the published lines, "
                + "or publish the object under a new source id");
        assertThat(nextPoll(source).isEmpty()).as("the same version is not dead-lettered twice").isTrue();

        store.put(KEY, "time,delta\n09:30:02,100.5\n09:31:02,101\n09:32:02,102\n09:33:02,103\n");
        SourceBatch restored = nextPoll(source);
        assertThat(deltas(restored)).containsExactly("2024-12-05T14:32:00Z 102.0 " + URL, "2024-12-05T14:33:00Z 103.0 " + URL);
        assertThat(restored.problems()).isEmpty();
        assertThat(restored.streams()).containsExactly(position("\"3\"", 6, "2024-12-05T14:33:00Z"));
    }

    @Test
    void shouldWaitForAMissingObjectWithoutDeadLetters() {
        S3OptionDeltaSource source = opened(DAY);

        assertThat(source.poll(100).isEmpty()).isTrue();
        assertThat(nextPoll(source).isEmpty()).isTrue();
        assertThat(store.gets).isEqualTo(2);

        store.put(KEY, "time,delta\n09:30:02,1\n");
        assertThat(deltas(nextPoll(source))).containsExactly("2024-12-05T14:30:00Z 1.0 " + URL);
    }

    @Test
    void shouldDeadLetterA403OnceUntilAReadSucceeds() {
        store.put(KEY, "time,delta\n09:30:02,1\n");
        store.answer = new ObjectStore.Denied("SignatureDoesNotMatch", "The request signature we calculated does not match");
        S3OptionDeltaSource source = opened(DAY);

        SourceBatch denied = source.poll(100);
        assertThat(denied.records()).isEmpty();
        assertThat(denied.problems()).hasSize(1);
        ParseProblem problem = denied.problems().get(0);
        assertThat(problem.reason()).isEqualTo(ProblemReason.ACCESS_DENIED);
        assertThat(problem.origin()).isEqualTo(URL);
        assertThat(problem.position()).isEqualTo(1);
        assertThat(problem.detail()).isEqualTo("403 SignatureDoesNotMatch reading " + URL
                + ": The request signature we calculated does not match (polled again every PT5S; dead-lettered again only after a read succeeded)");
        assertThat(nextPoll(source).isEmpty()).isTrue();

        store.answer = null;
        assertThat(deltas(nextPoll(source))).containsExactly("2024-12-05T14:30:00Z 1.0 " + URL);
        store.answer = new ObjectStore.Denied("AccessDenied", "Access Denied");
        SourceBatch again = nextPoll(source);
        assertThat(again.problems()).extracting(ParseProblem::reason, ParseProblem::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProblemReason.ACCESS_DENIED, 3L));
    }

    @Test
    void shouldPollTodaysObjectInTheInstrumentsZoneAndMoveOnToTheNextDay() {
        clock.now = Instant.parse("2024-12-06T04:30:00Z"); // 23:30 on the 5th in New York
        store.put(KEY, "time,delta\n09:30:02,1\n");
        S3OptionDeltaSource source = opened(null);
        assertThat(source.origin()).isEqualTo(URL);
        assertThat(deltas(source.poll(100))).containsExactly("2024-12-05T14:30:00Z 1.0 " + URL);

        clock.now = Instant.parse("2024-12-06T14:35:00Z");
        String nextKey = "deltas/2024-12-06/optiondelta.txt";
        assertThat(source.poll(100).isEmpty()).as("the 6th's object is not there yet").isTrue();
        assertThat(source.origin()).isEqualTo("s3://bucket/" + nextKey);
        store.put(nextKey, "time,delta\n09:31:00,2\n");
        SourceBatch next = nextPoll(source);

        assertThat(deltas(next)).containsExactly("2024-12-06T14:31:00Z 2.0 s3://bucket/" + nextKey);
        assertThat(next.streams()).containsExactly(position("\"1\"", 3, "2024-12-05T14:30:00Z"),
                new StreamPosition(nextKey, "\"2\"", 3L, io.liquidityengine.schemas.deadletter.PositionKind.LINE,
                        Instant.parse("2024-12-06T14:31:00Z"), 0L));
    }

    /** Objects in memory, ETags "1", "2", ... in order of puts, 304 for the ETag given as If-None-Match. */
    static final class FakeStore implements ObjectStore {
        final Map<String, byte[]> objects = new HashMap<>();
        final Map<String, String> etags = new HashMap<>();
        int versions;
        int gets;
        int notModified;
        String lastIfNoneMatch;
        Fetch answer;

        void put(String key, String content) {
            objects.put(key, content.getBytes(StandardCharsets.UTF_8));
            etags.put(key, "\"" + ++versions + "\"");
        }

        @Override
        public Fetch get(String bucket, String key, String ifNoneMatch) {
            assertThat(bucket).isEqualTo("bucket");
            gets++;
            lastIfNoneMatch = ifNoneMatch;
            if (answer != null) {
                return answer;
            }
            if (!objects.containsKey(key)) {
                return new NotFound("NoSuchKey");
            }
            if (etags.get(key).equals(ifNoneMatch)) {
                notModified++;
                return new NotModified();
            }
            return new Found(objects.get(key), etags.get(key));
        }

        @Override
        public void close() {
        }
    }

    static final class TestClock extends Clock {
        Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            TestClock outer = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId z) {
                    return outer.withZone(z);
                }

                @Override
                public Instant instant() {
                    return outer.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
