package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.lockstep.LockstepRules;
import io.liquidityengine.schemas.risk.AccountSignal;
import io.liquidityengine.schemas.risk.RiskClock;
import io.liquidityengine.schemas.signals.Bias;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's side of the backtest lockstep between the risk stage and the execution sink (its rules
 * are {@link LockstepRules}, shared with the sink and the one-process backtest), which
 * makes a replay of the closed loop give the same orders, fills and P&L on every run, however the two
 * services are scheduled or restarted.
 *
 * <p>The loop's only race is between a signal (plan or bar clock) at event time S and the fills the
 * sink produces on trades before S: the risk stage must see those fills first. So while the account
 * has brackets at the sink, signals wait here until the sink's market clock (exec.market-clock) says
 * it has run every trade before S and the risk stage has processed every report and position the
 * sink published up to then. Without brackets no fill can come, and signals pass at once. After each
 * input the risk stage tells the sink (risk.clock) how far orders are decided: the time of the first
 * waiting signal, or of the last processed one, and how many orders, reports and positions it has
 * put out and taken in; the sink runs trades only below that time, and stops after any fill until the
 * risk stage has answered it.
 *
 * <p>Signals are assumed to arrive per account in event-time order (true for one instrument; across
 * instruments the fan-out interleaves tasks, and a signal arriving behind the clock is processed at
 * once, its orders reaching the sink late). State is kept in the account's store entry; the waiting
 * signals are Avro single-object encoded, so drain them before upgrading the Bias or plan schema.
 */
final class RiskLockstep {

    private static final int FORMAT = 1;

    /** A signal waiting for the market: its event time and the encoded {@link AccountSignal}. */
    private record Waiting(long micros, byte[] signal) {
    }

    private final List<Waiting> waiting = new ArrayList<>();
    private long decidedThrough = Long.MIN_VALUE;
    private long ordersEmitted;
    private long reportsProcessed;
    private long positionsProcessed;
    private long marketThrough = Long.MIN_VALUE;
    private long marketReports;
    private long marketPositions;
    /** The last clock published, to publish only changes. */
    private long sentThrough = Long.MIN_VALUE;
    private long sentOrders = -1;
    private long sentReports = -1;
    private long sentPositions = -1;

    static long eventMicros(AccountSignal signal) {
        return LockstepRules.signalMicros(signal);
    }

    /**
     * True when a signal at {@code micros} may be decided now: nothing waits before it and either the
     * account has nothing at the sink that could fill or the sink has reported every trade before it.
     */
    boolean mayDecide(long micros, boolean hasBrackets) {
        return waiting.isEmpty() && ready(micros, hasBrackets);
    }

    private boolean ready(long micros, boolean hasBrackets) {
        return LockstepRules.signalMayBeDecided(micros, hasBrackets, marketThrough,
                reportsProcessed >= marketReports && positionsProcessed >= marketPositions);
    }

    /** Queues a signal behind the others, in event-time order (stable for equal times). */
    void hold(AccountSignal signal) {
        long micros = eventMicros(signal);
        int at = waiting.size();
        while (at > 0 && waiting.get(at - 1).micros() > micros) {
            at--;
        }
        try {
            ByteBuffer encoded = signal.toByteBuffer();
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            waiting.add(at, new Waiting(micros, bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first waiting signal if it may be decided now (removed), else null. */
    AccountSignal release(boolean hasBrackets) {
        if (waiting.isEmpty() || !ready(waiting.get(0).micros(), hasBrackets)) {
            return null;
        }
        Waiting next = waiting.remove(0);
        try {
            return AccountSignal.fromByteBuffer(ByteBuffer.wrap(next.signal()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a waiting account signal", e);
        }
    }

    void decided(long micros) {
        decidedThrough = Math.max(decidedThrough, micros);
    }

    void ordersEmitted(int count) {
        ordersEmitted += count;
    }

    void reportProcessed() {
        reportsProcessed++;
    }

    void positionProcessed() {
        positionsProcessed++;
    }

    void market(MarketClock clock) {
        marketThrough = Math.max(marketThrough, Micros.of(clock.getEventTime()));
        marketReports = Math.max(marketReports, clock.getReportsPublished());
        marketPositions = Math.max(marketPositions, clock.getPositionsPublished());
    }

    /** How far orders are decided: the first waiting signal's time, else the last decided one's. */
    long decidedThrough() {
        return waiting.isEmpty() ? decidedThrough : waiting.get(0).micros();
    }

    int waitingCount() {
        return waiting.size();
    }

    /** The clock to publish when it changed since the last one published (and marks it published), else null. */
    RiskClock changedClock(String account) {
        long through = decidedThrough();
        if (through == Long.MIN_VALUE
                || (through == sentThrough && ordersEmitted == sentOrders && reportsProcessed == sentReports && positionsProcessed == sentPositions)) {
            return null;
        }
        sentThrough = through;
        sentOrders = ordersEmitted;
        sentReports = reportsProcessed;
        sentPositions = positionsProcessed;
        return RiskClock.newBuilder().setAccount(account).setEventTime(Micros.instant(through)).setOrdersEmitted(ordersEmitted)
                .setReportsProcessed(reportsProcessed).setPositionsProcessed(positionsProcessed).build();
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            for (long v : new long[] {decidedThrough, ordersEmitted, reportsProcessed, positionsProcessed, marketThrough, marketReports,
                    marketPositions, sentThrough, sentOrders, sentReports, sentPositions}) {
                out.writeLong(v);
            }
            out.writeInt(waiting.size());
            for (Waiting w : waiting) {
                out.writeLong(w.micros());
                out.writeInt(w.signal().length);
                out.write(w.signal());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static RiskLockstep decode(byte[] bytes) {
        RiskLockstep s = new RiskLockstep();
        if (bytes == null) {
            return s;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("risk lockstep state format " + format + " is not supported (expected " + FORMAT + ")");
            }
            s.decidedThrough = in.readLong();
            s.ordersEmitted = in.readLong();
            s.reportsProcessed = in.readLong();
            s.positionsProcessed = in.readLong();
            s.marketThrough = in.readLong();
            s.marketReports = in.readLong();
            s.marketPositions = in.readLong();
            s.sentThrough = in.readLong();
            s.sentOrders = in.readLong();
            s.sentReports = in.readLong();
            s.sentPositions = in.readLong();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                long micros = in.readLong();
                byte[] signal = new byte[in.readInt()];
                in.readFully(signal);
                s.waiting.add(new Waiting(micros, signal));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode the risk lockstep state", e);
        }
        return s;
    }
}
