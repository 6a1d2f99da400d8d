package io.liquidityengine.topology.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store of live objects over a changelogged in-memory store: {@code put} keeps the
 * object and marks its key dirty, and only dirty values are serialized into the inner store (and
 * so its changelog) when Kafka Streams flushes before a commit. A stage can therefore keep mutable
 * per-key state and put it after every change without paying a serialization per record.
 *
 * <p>Values returned by {@link #get} are the live objects: a caller that mutates one must put it
 * again for the change to be persisted. A key not held live is read from the inner store (after
 * a restore from the changelog) and held live from then on. Range reads flush dirty values first.
 *
 * <p>Kafka Streams subtleties this relies on: a task's commit calls {@code flushCache()} on every
 * registered {@code CachedStateStore} (not {@code flush()}, which under exactly-once runs only at
 * checkpoints) before it flushes the record collector and commits the transaction, so the
 * serialized values land in the same transaction as the outputs and input offsets. This is how
 * Kafka Streams' own caching layer works, and as there each changelog record is written under
 * the record context of the record that last changed the key. A dirty close (exactly-once) closes
 * the store, dropping the live objects with their uncommitted changes; the re-initialized task
 * reads the restored inner store. {@code clearCache()} (task recycled) drops them as well.
 */
final class LiveKeyValueStore<V> extends DeferredWriteStore<V> {

    /** Every value read or put, dirty or not. */
    private final Map<String, V> live = new HashMap<>();

    private LiveKeyValueStore(KeyValueStore<String, V> inner) {
        super(inner);
    }

    /** A builder of a live store over an in-memory, changelogged store with the given value serde. */
    static <V> StoreBuilder<KeyValueStore<String, V>> inMemory(String name, Serde<V> valueSerde) {
        return new Builder<>(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), valueSerde));
    }

    @Override
    public V get(String key) {
        V value = live.get(key);
        if (value == null) {
            value = wrapped().get(key);
            if (value != null) {
                live.put(key, value);
            }
        }
        return value;
    }

    @Override
    public void put(String key, V value) {
        if (value == null) {
            delete(key);
            return;
        }
        live.put(key, value);
        // the object itself: its state when the flush writes it
        markDirty(key, () -> value);
    }

    @Override
    void forget(String key) {
        live.remove(key);
    }

    @Override
    void forgetAll() {
        live.clear();
    }

    /**
     * A builder of an {@link Encoded} store over an in-memory, changelogged byte store: the same
     * stored and changelogged bytes as a cached byte store, but a stage puts a live object's encoder
     * instead of its bytes, and the bytes are made only when Kafka Streams flushes before a commit
     * (or when the key is read while dirty).
     */
    static StoreBuilder<KeyValueStore<String, byte[]>> encoded(String name) {
        return new EncodedBuilder(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.ByteArray()));
    }

    /** An {@link Encoded} store over a plain map store, for the stages run outside Kafka Streams (see {@link DirectTopology}). */
    static Encoded encodedInMemory(String name) {
        return new Encoded(DecodedStore.plain(name));
    }

    /** A plain sorted map store (the byte-store key order), for the stages run outside Kafka Streams (see {@link DirectTopology}). */
    static <V> KeyValueStore<String, V> plainInMemory(String name) {
        return DecodedStore.plain(name);
    }

    /** The {@link Encoded} store behind the store Kafka Streams hands a processor (it wraps stores in decorators). */
    static Encoded encodedStore(StateStore store) {
        StateStore s = store;
        while (!(s instanceof Encoded) && s instanceof WrappedStateStore<?, ?, ?> wrapped) {
            s = wrapped.wrapped();
        }
        if (s instanceof Encoded encoded) {
            return encoded;
        }
        throw new IllegalStateException("store " + store.name() + " is not built by LiveKeyValueStore.encoded");
    }

    /**
     * A byte store whose values a stage keeps as live objects: {@link #putLive} marks the key dirty
     * with an encoder of the object's current state, and the encoder runs when Kafka Streams flushes
     * before a commit (same mechanics as the enclosing class), so a stage that changes its state on
     * every record encodes it once per commit instead of once per record. {@link #get} of a dirty key
     * encodes the current state; reads otherwise see the inner store. Plain {@code put} of bytes
     * works too (held dirty until the flush, as a caching store would).
     */
    static final class Encoded extends DeferredWriteStore<byte[]> {

        private Encoded(KeyValueStore<String, byte[]> inner) {
            super(inner);
        }

        /** Sets the key's value to what {@code encoder} gives at the next flush (it must encode the live object's state then). */
        void putLive(String key, Supplier<byte[]> encoder) {
            markDirty(key, encoder);
        }

        @Override
        public byte[] get(String key) {
            Supplier<byte[]> encoder = dirtyValue(key);
            return encoder != null ? encoder.get() : wrapped().get(key);
        }

        @Override
        public void put(String key, byte[] value) {
            if (value == null) {
                delete(key);
                return;
            }
            putLive(key, () -> value);
        }
    }

    private static final class EncodedBuilder extends Builder<byte[]> {
        EncodedBuilder(StoreBuilder<KeyValueStore<String, byte[]>> inner) {
            super(inner);
        }

        @Override
        public KeyValueStore<String, byte[]> build() {
            return new Encoded(inner.build());
        }
    }

    /**
     * The order of the UTF-8 encodings of two strings, which is the order of a byte store's string
     * keys: code point order.
     */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * The live stores (of either kind) that hold changes not yet written to their inner store, by
     * the stream thread that made them, so that a commit writes them all at its first store flush.
     *
     * <p>Why: under exactly-once v2 all tasks of a stream thread share one producer and commit in one
     * transaction, and Kafka Streams prepares the commit task by task, each task flushing its stores
     * (here: writing the changelog records) and then flushing the shared producer, which waits for
     * the broker to acknowledge everything sent. With the bar and signal stages' state in live stores
     * that meant one broker round trip per task holding state (three md.ticks partitions, three
     * tasks) at every commit. Writing the whole thread's pending changes at the first flush lets the
     * first producer flush cover them all; the later tasks find nothing left to write and their
     * producer flush nothing to wait for. The records are the same, in the same transaction (the
     * thread's tasks are committed together, as they share it), each under the record context of
     * the record that last changed its key.
     *
     * <p>A store registers itself when it gets its first pending change and leaves when it is written,
     * cleared or closed; changes are made and written on the stream thread that owns the task.
     */
    static final class Pending {

        private static final Map<Thread, Set<Pending>> BY_THREAD = new ConcurrentHashMap<>();

        /** Writes the store's pending changes. */
        private final Runnable write;
        /** The thread whose set this store is in, null when it is in none. */
        private Thread registeredOn;

        Pending(Runnable write) {
            this.write = write;
        }

        /** Called on every change: registers the store with the current thread when it is not yet. */
        void mark() {
            Thread current = Thread.currentThread();
            if (registeredOn != current) {
                clear();
                BY_THREAD.computeIfAbsent(current, t -> ConcurrentHashMap.newKeySet()).add(this);
                registeredOn = current;
            }
        }

        /** The store has nothing pending (written, cleared or closed). */
        void clear() {
            Thread thread = registeredOn;
            if (thread != null) {
                registeredOn = null;
                Set<Pending> stores = BY_THREAD.get(thread);
                if (stores != null) {
                    stores.remove(this);
                    if (stores.isEmpty()) {
                        BY_THREAD.remove(thread, stores);
                    }
                }
            }
        }

        /** Writes the pending changes of every store the current thread changed. */
        static void writeAllOfThisThread() {
            Set<Pending> stores = BY_THREAD.get(Thread.currentThread());
            if (stores != null) {
                for (Pending p : List.copyOf(stores)) {
                    p.write.run();
                }
            }
        }
    }

    private static class Builder<V> implements StoreBuilder<KeyValueStore<String, V>> {
        final StoreBuilder<KeyValueStore<String, V>> inner;

        Builder(StoreBuilder<KeyValueStore<String, V>> inner) {
            this.inner = inner;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
            throw new UnsupportedOperationException("a live store is its own cache");
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
            inner.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
            inner.withLoggingDisabled();
            return this;
        }

        @Override
        public KeyValueStore<String, V> build() {
            return new LiveKeyValueStore<>(inner.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
