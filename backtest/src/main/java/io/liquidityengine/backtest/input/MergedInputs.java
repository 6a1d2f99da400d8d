package io.liquidityengine.backtest.input;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.publish.SourceBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The ingest service's file sources (the same parsers and the same records it publishes), read
 * batch by batch and merged by record timestamp, as the topology's task takes its input topics.
 * At equal timestamps the source listed first goes first. Parse problems go to {@code problems}
 * with the source's id, as the ingest sends them to dlq.ingest.
 */
public final class MergedInputs implements AutoCloseable {

    private static final int BATCH = 8192;

    private final List<Cursor> cursors = new ArrayList<>();
    private final BiConsumer<String, ParseProblem> problems;

    /** A source with the batch it is being read from. */
    private static final class Cursor {
        final RecordSource source;
        List<OutRecord<?>> batch = List.of();
        int next;
        boolean finished;

        Cursor(RecordSource source) {
            this.source = source;
        }
    }

    public MergedInputs(List<RecordSource> sources, BiConsumer<String, ParseProblem> problems) throws IOException {
        this.problems = problems;
        for (RecordSource source : sources) {
            source.open(0);
            cursors.add(new Cursor(source));
        }
    }

    /** The cursor the last record came from, and the head timestamp of the others it may run ahead of (strictly before). */
    private Cursor current;
    private long othersHead;

    /** The record with the smallest timestamp over every source, or null when all are read. */
    public OutRecord<?> next() {
        // a run of records from one source (a day of ticks) needs no scan until it reaches another source's head
        if (current != null && fill(current) && current.batch.get(current.next).timestampMillis() < othersHead) {
            return current.batch.get(current.next++);
        }
        Cursor best = null;
        long bestTs = Long.MAX_VALUE;
        long second = Long.MAX_VALUE;
        for (Cursor c : cursors) {
            if (!fill(c)) {
                continue;
            }
            long ts = c.batch.get(c.next).timestampMillis();
            if (best == null || ts < bestTs) {
                second = Math.min(second, bestTs);
                best = c;
                bestTs = ts;
            } else {
                second = Math.min(second, ts);
            }
        }
        current = best;
        othersHead = second;
        return best == null ? null : best.batch.get(best.next++);
    }

    /** True when the cursor has a record to give (reading its next batch if needed). */
    private boolean fill(Cursor c) {
        while (c.next >= c.batch.size()) {
            if (c.finished) {
                return false;
            }
            SourceBatch batch;
            try {
                batch = c.source.poll(BATCH);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + c.source.origin() + ": " + e.getMessage(), e);
            }
            for (ParseProblem p : batch.problems()) {
                problems.accept(c.source.id(), p);
            }
            c.batch = batch.records();
            c.next = 0;
            // a complete file has nothing more when a poll gives nothing (a .scid reader stays open for appends)
            c.finished = batch.finished() || batch.isEmpty();
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        for (Cursor c : cursors) {
            c.source.close();
        }
    }
}
