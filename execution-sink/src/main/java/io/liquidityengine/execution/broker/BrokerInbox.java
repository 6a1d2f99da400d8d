package io.liquidityengine.execution.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where a broker's transport threads (a socket reader, a websocket callback) leave events for the
 * sink. {@link #offer} is safe from any thread; the sink {@link #drainTo drains} the inbox on its own
 * thread once per round, so those events are processed like every other input: single-threaded, in
 * arrival order, and committed in the sink's transaction. An event drained but not yet committed when
 * the process dies is gone from the inbox: the broker finds it again in {@link Broker#reconcile}.
 *
 * <p>A broker that needs its own state to turn what its venue said into events (which bracket an order
 * update belongs to, whether a fill was booked already) hands over a {@link #run task} instead: it runs
 * on the sink's thread, in arrival order with the events, and reports through the listener it is given.
 * So the broker's state changes only on the sink's thread, together with what the sink books, and the
 * state it saves at a commit matches the events committed with it.
 */
public final class BrokerInbox {

    private final LinkedBlockingQueue<Object> items = new LinkedBlockingQueue<>();

    /** Queues an event for the sink; any thread. */
    public void offer(BrokerEvent event) {
        items.add(Objects.requireNonNull(event, "event"));
    }

    /** Queues a task that runs on the sink's thread at the next drain and reports events to the listener it gets; any thread. */
    public void run(Consumer<Consumer<? super BrokerEvent>> task) {
        items.add(new Task(Objects.requireNonNull(task, "task")));
    }

    private record Task(Consumer<Consumer<? super BrokerEvent>> body) {
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * Hands the events queued so far to {@code listener} and runs the tasks queued so far, in arrival
     * order, on the calling thread; items offered meanwhile wait for the next drain. Returns how many
     * items (events and tasks) were handled.
     */
    public int drainTo(Consumer<? super BrokerEvent> listener) {
        List<Object> batch = new ArrayList<>();
        items.drainTo(batch);
        return handle(batch, listener);
    }

    /**
     * Like {@link #drainTo(Consumer)}, but when the inbox is empty waits up to {@code wait} for the first item (the
     * sink's thread while a broker holds its input: it has nothing else to do until the venue answers).
     */
    public int drainTo(Consumer<? super BrokerEvent> listener, Duration wait) {
        List<Object> batch = new ArrayList<>();
        try {
            Object first = items.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (first == null) {
                return 0;
            }
            batch.add(first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        items.drainTo(batch);
        return handle(batch, listener);
    }

    @SuppressWarnings("unchecked")
    private static int handle(List<Object> batch, Consumer<? super BrokerEvent> listener) {
        for (Object item : batch) {
            if (item instanceof Task t) {
                t.body().accept(listener);
            } else {
                listener.accept((BrokerEvent) item);
            }
        }
        return batch.size();
    }
}
