package io.liquidityengine.topology.stream;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * What {@link LiveKeyValueStore} and its {@link LiveKeyValueStore.Encoded} store share: dirty keys with what gives their value
 * and the record context that last changed them, written into the inner store when Kafka Streams
 * flushes before a commit (or before a range read), see {@link LiveKeyValueStore} for how this meets
 * Kafka Streams' commit.
 */
abstract class DeferredWriteStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
        implements KeyValueStore<String, V> {

    /** Dirty keys, in the order they were first changed: what gives the value to write. */
    private final Map<String, Supplier<V>> dirty = new LinkedHashMap<>();
    /** The record context of the record that last changed each dirty key. */
    private final Map<String, ProcessorRecordContext> contexts = new HashMap<>();
    private InternalProcessorContext<?, ?> internal;
    private final LiveKeyValueStore.Pending pending = new LiveKeyValueStore.Pending(this::writeDirty);

    DeferredWriteStore(KeyValueStore<String, V> inner) {
        super(inner);
    }

    /** Drops what the subclass holds for a key (delete). */
    void forget(String key) {
    }

    /** Drops everything the subclass holds (init, clearCache, close). */
    void forgetAll() {
    }

    /** Marks the key dirty: {@code value} gives what to write at the next flush. */
    final void markDirty(String key, Supplier<V> value) {
        dirty.put(key, value);
        contexts.put(key, internal == null ? null : internal.recordContext());
        pending.mark();
    }

    /** What a dirty key's value will be written from, null when the key is not dirty. */
    final Supplier<V> dirtyValue(String key) {
        return dirty.get(key);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        clearAll();
        internal = context instanceof InternalProcessorContext<?, ?> c ? c : null;
        super.init(context, root);
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
        forget(key);
        dirty.remove(key);
        contexts.remove(key);
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

    /** A commit's flush: writes the dirty values of every live store this stream thread changed (see {@link LiveKeyValueStore.Pending}). */
    @Override
    public void flushCache() {
        LiveKeyValueStore.Pending.writeAllOfThisThread();
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
        clearAll();
        super.clearCache();
    }

    @Override
    public void close() {
        clearAll();
        super.close();
    }

    private void clearAll() {
        dirty.clear();
        contexts.clear();
        pending.clear();
        forgetAll();
    }

    /** Writes the dirty values into the inner store, each under the record context that last changed it. */
    private void writeDirty() {
        pending.clear();
        if (dirty.isEmpty()) {
            return;
        }
        ProcessorRecordContext current = internal == null ? null : internal.recordContext();
        try {
            for (Map.Entry<String, Supplier<V>> e : dirty.entrySet()) {
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
        dirty.clear();
        contexts.clear();
    }
}
