package io.liquidityengine.topology.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
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
        return new Encoded(new Decoded<>(name, null));
    }

    /** A plain sorted map store (the byte-store key order), for the stages run outside Kafka Streams (see {@link DirectTopology}). */
    static <V> KeyValueStore<String, V> plainInMemory(String name) {
        return new Decoded<>(name, null);
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
     * A builder of a {@link Decoded} store, for a global store whose values every task reads on
     * every bar. Logging is always off (a global store is its topic).
     */
    static <V> StoreBuilder<KeyValueStore<String, V>> decoded(String name, Deserializer<V> valueDeserializer) {
        return new DecodedBuilder<>(name, valueDeserializer);
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
     * An in-memory store of decoded values for a global store: its updater decodes each record once
     * and puts the value, and readers get that value instead of decoding the stored bytes on every
     * read (a serialized store decodes on every get). Keys iterate in the order of an in-memory byte
     * store (UTF-8 bytes). The global stream thread writes while stream threads read, so the map is
     * concurrent; values are shared and must not be modified by readers. Kafka Streams rebuilds a
     * global store from its topic through its updater processor; the restore callback registered
     * here decodes raw records the same way should it be used instead.
     */
    static final class Decoded<V> implements KeyValueStore<String, V> {

        private final String name;
        private final Deserializer<V> valueDeserializer;
        private final ConcurrentSkipListMap<String, V> map = new ConcurrentSkipListMap<>(LiveKeyValueStore::compareUtf8);
        private volatile boolean open;

        private Decoded(String name, Deserializer<V> valueDeserializer) {
            this.name = name;
            this.valueDeserializer = valueDeserializer;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            map.clear();
            context.register(root, (StateRestoreCallback) (key, value) -> {
                if (key == null) {
                    return;
                }
                String k = new String(key, StandardCharsets.UTF_8);
                if (value == null) {
                    map.remove(k);
                    return;
                }
                try {
                    map.put(k, valueDeserializer.deserialize(name, value));
                } catch (RuntimeException e) {
                    // undecodable: skipped, as the updater does
                }
            });
            open = true;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            map.clear();
            open = false;
        }

        @Override
        public boolean persistent() {
            return false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public Position getPosition() {
            return Position.emptyPosition();
        }

        @Override
        public V get(String key) {
            return map.get(key);
        }

        @Override
        public void put(String key, V value) {
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
        }

        @Override
        public V putIfAbsent(String key, V value) {
            return value == null ? map.get(key) : map.putIfAbsent(key, value);
        }

        @Override
        public void putAll(List<KeyValue<String, V>> entries) {
            for (KeyValue<String, V> e : entries) {
                put(e.key, e.value);
            }
        }

        @Override
        public V delete(String key) {
            return map.remove(key);
        }

        @Override
        public KeyValueIterator<String, V> range(String from, String to) {
            return iterator(sub(from, to).entrySet());
        }

        @Override
        public KeyValueIterator<String, V> reverseRange(String from, String to) {
            return iterator(sub(from, to).descendingMap().entrySet());
        }

        @Override
        public KeyValueIterator<String, V> all() {
            return iterator(map.entrySet());
        }

        @Override
        public KeyValueIterator<String, V> reverseAll() {
            return iterator(map.descendingMap().entrySet());
        }

        @Override
        public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
            byte[] p = prefixKeySerializer.serialize(null, prefix);
            List<Map.Entry<String, V>> matching = new ArrayList<>();
            for (Map.Entry<String, V> e : map.entrySet()) {
                byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
                if (k.length >= p.length && Arrays.equals(k, 0, p.length, p, 0, p.length)) {
                    matching.add(e);
                }
            }
            return iterator(matching);
        }

        @Override
        public long approximateNumEntries() {
            return map.size();
        }

        private java.util.NavigableMap<String, V> sub(String from, String to) {
            if (from != null && to != null) {
                return compareUtf8(from, to) > 0 ? new java.util.TreeMap<>() : map.subMap(from, true, to, true);
            }
            if (from != null) {
                return map.tailMap(from, true);
            }
            return to != null ? map.headMap(to, true) : map;
        }

        /** An iterator over a snapshot of the entries (as the in-memory store, which also iterates a copy). */
        private static <V> KeyValueIterator<String, V> iterator(Collection<Map.Entry<String, V>> entries) {
            List<KeyValue<String, V>> snapshot = new ArrayList<>(entries.size());
            for (Map.Entry<String, V> e : entries) {
                snapshot.add(KeyValue.pair(e.getKey(), e.getValue()));
            }
            Iterator<KeyValue<String, V>> it = snapshot.iterator();
            return new KeyValueIterator<>() {
                private KeyValue<String, V> next;

                @Override
                public boolean hasNext() {
                    return next != null || it.hasNext();
                }

                @Override
                public KeyValue<String, V> next() {
                    if (next != null) {
                        KeyValue<String, V> n = next;
                        next = null;
                        return n;
                    }
                    return it.next();
                }

                @Override
                public String peekNextKey() {
                    if (next == null) {
                        next = it.next();
                    }
                    return next.key;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static final class DecodedBuilder<V> implements StoreBuilder<KeyValueStore<String, V>> {
        private final String name;
        private final Deserializer<V> valueDeserializer;

        DecodedBuilder(String name, Deserializer<V> valueDeserializer) {
            this.name = name;
            this.valueDeserializer = valueDeserializer;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
            throw new UnsupportedOperationException("a decoded store needs no cache");
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("a decoded store is for global stores, which are their topic");
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
            return this;
        }

        @Override
        public KeyValueStore<String, V> build() {
            return new Decoded<>(name, valueDeserializer);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }

        @Override
        public String name() {
            return name;
        }
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
