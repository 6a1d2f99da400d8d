package io.liquidityengine.topology.stream;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
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
final class LiveKeyValueStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V> implements KeyValueStore<String, V> {

    private final Map<String, V> live = new HashMap<>();
    /** Dirty keys, with the record context of the record that last changed each. */
    private final Map<String, ProcessorRecordContext> dirty = new LinkedHashMap<>();
    private InternalProcessorContext<?, ?> internal;

    private LiveKeyValueStore(KeyValueStore<String, V> inner) {
        super(inner);
    }

    /** A builder of a live store over an in-memory, changelogged store with the given value serde. */
    static <V> StoreBuilder<KeyValueStore<String, V>> inMemory(String name, Serde<V> valueSerde) {
        return new Builder<>(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), valueSerde));
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        live.clear();
        dirty.clear();
        internal = context instanceof InternalProcessorContext<?, ?> c ? c : null;
        super.init(context, root);
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
        dirty.put(key, internal == null ? null : internal.recordContext());
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V old = get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        for (KeyValue<String, V> e : entries) {
            put(e.key, e.value);
        }
    }

    @Override
    public V delete(String key) {
        V old = get(key);
        live.remove(key);
        dirty.remove(key);
        wrapped().delete(key);
        return old;
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        writeDirty();
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        writeDirty();
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        writeDirty();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        writeDirty();
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        writeDirty();
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        writeDirty();
        return wrapped().approximateNumEntries();
    }

    @Override
    public void flushCache() {
        writeDirty();
        super.flushCache();
    }

    @Override
    public void flush() {
        writeDirty();
        super.flush();
    }

    @Override
    public void clearCache() {
        live.clear();
        dirty.clear();
        super.clearCache();
    }

    @Override
    public void close() {
        live.clear();
        dirty.clear();
        super.close();
    }

    /** Serializes the dirty values into the inner store, each under the record context that last changed it. */
    private void writeDirty() {
        if (dirty.isEmpty()) {
            return;
        }
        ProcessorRecordContext current = internal == null ? null : internal.recordContext();
        try {
            for (Map.Entry<String, ProcessorRecordContext> e : dirty.entrySet()) {
                if (e.getValue() != null) {
                    internal.setRecordContext(e.getValue());
                }
                wrapped().put(e.getKey(), live.get(e.getKey()));
            }
        } finally {
            if (internal != null) {
                internal.setRecordContext(current);
            }
        }
        dirty.clear();
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
    static final class Encoded extends WrappedStateStore<KeyValueStore<String, byte[]>, String, byte[]> implements KeyValueStore<String, byte[]> {

        /** Dirty keys: the encoder of the current value and the record context of the record that last changed it. */
        private final Map<String, Supplier<byte[]>> encoders = new LinkedHashMap<>();
        private final Map<String, ProcessorRecordContext> contexts = new HashMap<>();
        private InternalProcessorContext<?, ?> internal;

        private Encoded(KeyValueStore<String, byte[]> inner) {
            super(inner);
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            encoders.clear();
            contexts.clear();
            internal = context instanceof InternalProcessorContext<?, ?> c ? c : null;
            super.init(context, root);
        }

        /** Sets the key's value to what {@code encoder} gives at the next flush (it must encode the live object's state then). */
        void putLive(String key, Supplier<byte[]> encoder) {
            encoders.put(key, encoder);
            contexts.put(key, internal == null ? null : internal.recordContext());
        }

        @Override
        public byte[] get(String key) {
            Supplier<byte[]> encoder = encoders.get(key);
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

        @Override
        public byte[] putIfAbsent(String key, byte[] value) {
            byte[] old = get(key);
            if (old == null) {
                put(key, value);
            }
            return old;
        }

        @Override
        public void putAll(List<KeyValue<String, byte[]>> entries) {
            for (KeyValue<String, byte[]> e : entries) {
                put(e.key, e.value);
            }
        }

        @Override
        public byte[] delete(String key) {
            byte[] old = get(key);
            encoders.remove(key);
            contexts.remove(key);
            wrapped().delete(key);
            return old;
        }

        @Override
        public KeyValueIterator<String, byte[]> range(String from, String to) {
            writeDirty();
            return wrapped().range(from, to);
        }

        @Override
        public KeyValueIterator<String, byte[]> reverseRange(String from, String to) {
            writeDirty();
            return wrapped().reverseRange(from, to);
        }

        @Override
        public KeyValueIterator<String, byte[]> all() {
            writeDirty();
            return wrapped().all();
        }

        @Override
        public KeyValueIterator<String, byte[]> reverseAll() {
            writeDirty();
            return wrapped().reverseAll();
        }

        @Override
        public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
            writeDirty();
            return wrapped().prefixScan(prefix, prefixKeySerializer);
        }

        @Override
        public long approximateNumEntries() {
            writeDirty();
            return wrapped().approximateNumEntries();
        }

        @Override
        public void flushCache() {
            writeDirty();
            super.flushCache();
        }

        @Override
        public void flush() {
            writeDirty();
            super.flush();
        }

        @Override
        public void clearCache() {
            encoders.clear();
            contexts.clear();
            super.clearCache();
        }

        @Override
        public void close() {
            encoders.clear();
            contexts.clear();
            super.close();
        }

        /** Encodes the dirty values into the inner store, each under the record context that last changed it. */
        private void writeDirty() {
            if (encoders.isEmpty()) {
                return;
            }
            ProcessorRecordContext current = internal == null ? null : internal.recordContext();
            try {
                for (Map.Entry<String, Supplier<byte[]>> e : encoders.entrySet()) {
                    ProcessorRecordContext changedBy = contexts.get(e.getKey());
                    if (changedBy != null) {
                        internal.setRecordContext(changedBy);
                    }
                    wrapped().put(e.getKey(), e.getValue().get());
                }
            } finally {
                if (internal != null) {
                    internal.setRecordContext(current);
                }
            }
            encoders.clear();
            contexts.clear();
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
