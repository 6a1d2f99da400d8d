package io.liquidityengine.execution.broker;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A venue the sink routes one account's orders to, made by the {@link BrokerFactory} the account is
 * configured with. Every call is made on the sink's thread. A broker answers with {@link BrokerEvent}s:
 * on the listener of its {@link BrokerContext} when it answers during the call (the paper broker, or a
 * venue's synchronous reply), or on the context's {@link BrokerInbox} from any other thread (a socket's
 * reader); the sink drains the inbox on its own thread, so both reach the same listener and the same
 * transaction. The sink guarantees a client order id reaches a broker at most once.
 *
 * <p>Lifecycle, driven by the sink: created, {@link #restoreState} (when the snapshot holds state for
 * the account), {@link #start}, {@link #reconcile}, then orders (and trades, for {@link MarketData}
 * brokers), {@link #saveState} at each commit, {@link #close} when the session ends.
 */
public interface Broker extends AutoCloseable {

    void place(PlaceBracket order);

    void modify(ModifyBracket order);

    void cancel(CancelBracket order);

    void flatten(FlattenBracket order);

    /** Connects to the venue (log on, subscribe to order updates). Default: nothing to connect. */
    default void start() {
    }

    /**
     * Brings the sink's view and the venue's into agreement after {@link #start} (on every start of the
     * sink, so after every restart too): open orders, fills since the last one reported, positions. Fills
     * missed while the sink was down go to the listener once. A broker may only start it here and report
     * through its inbox, holding input meanwhile ({@link #holdsInput}). Default: nothing to do (the venue's
     * state is the broker's own snapshot, as for the paper broker).
     */
    default void reconcile() {
    }

    /**
     * True while the broker cannot take instructions yet: a reconciliation whose answers reach the sink
     * through the {@link BrokerInbox} is still running. The runner then processes no input record, only
     * the inbox, until it is false again, so every instruction reaches the broker after the reconciliation,
     * as if {@link #reconcile} had waited for the venue, without the sink's thread ever waiting on it.
     * Default: false (a broker that reconciles within the call, or not at all).
     */
    default boolean holdsInput() {
        return false;
    }

    /**
     * True while the venue may still report on the bracket: the broker holds orders of it that have not ended. The sink
     * keeps a bracket whose position closed, or whose entry ended, until this is false, so what the venue tells after the
     * closing fill (an OCO partner's cancel, reported on its own) is published too and not skipped as unknown. Default:
     * false (a broker that reports a bracket's last events together, as the paper broker does).
     */
    default boolean hasLiveOrders(String bracketId) {
        return false;
    }

    /**
     * Called once the sink has processed every input record that was on its topics when it started (so
     * every instruction a crashed predecessor may have sent has been processed again), and right after
     * {@link #reconcile} for a broker made later. A broker that found orders at the venue it could not
     * place yet (they may still be adopted by an instruction being processed again) decides now which are
     * foreign and checks positions. Default: nothing.
     */
    default void inputCaughtUp() {
    }

    /**
     * The broker's own state to carry across a restart, opaque to the sink and stored in its snapshot
     * in the same transaction as the outputs it reflects; empty when there is nothing to carry.
     */
    Optional<BrokerState> saveState();

    /**
     * Restores what {@link #saveState} returned, possibly written by an earlier version of the broker.
     * Throws {@link IllegalStateException} (see {@link BrokerState#unsupported}) for a format version it
     * cannot read, so a snapshot is never silently misread.
     */
    void restoreState(BrokerState state);

    /** Ends the session with the venue. Default: nothing to close. */
    @Override
    default void close() {
    }

    /** A listener that collects nothing; for brokers built before the sink wires them. */
    Consumer<BrokerEvent> IGNORE = e -> { };
}
