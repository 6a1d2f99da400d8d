package io.liquidityengine.execution.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Where a broker's transport threads (a socket reader, a websocket callback) leave events for the
 * sink. {@link #offer} is safe from any thread; the sink {@link #drainTo drains} the inbox on its own
 * thread once per round, so those events are processed like every other input: single-threaded, in
 * arrival order, and committed in the sink's transaction. An event drained but not yet committed when
 * the process dies is gone from the inbox: the broker finds it again in {@link Broker#reconcile}.
 */
public final class BrokerInbox {

    private final LinkedBlockingQueue<BrokerEvent> events = new LinkedBlockingQueue<>();

    /** Queues an event for the sink; any thread. */
    public void offer(BrokerEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /**
     * Hands the events queued so far to {@code listener}, in arrival order, on the calling thread;
     * events offered meanwhile wait for the next drain. Returns how many were handed over.
     */
    public int drainTo(Consumer<? super BrokerEvent> listener) {
        List<BrokerEvent> batch = new ArrayList<>();
        events.drainTo(batch);
        batch.forEach(listener);
        return batch.size();
    }
}
