package io.liquidityengine.topology.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * An in-memory store of decoded values for a global store: its updater decodes each record once
 * and puts the value, and readers get that value instead of decoding the stored bytes on every
 * read (a serialized store decodes on every get). Keys iterate in the order of an in-memory byte
 * store (UTF-8 bytes). The global stream thread writes while stream threads read, so the map is
 * concurrent; values are shared and must not be modified by readers. Kafka Streams rebuilds a
 * global store from its topic through its updater processor; the restore callback registered
 * here decodes raw records the same way should it be used instead.
 */
final class DecodedStore<V> implements KeyValueStore<String, V> {

    private final String name;
    private final Deserializer<V> valueDeserializer;
    private final ConcurrentSkipListMap<String, V> map = new ConcurrentSkipListMap<>(LiveKeyValueStore::compareUtf8);
    private volatile boolean open;

    private DecodedStore(String name, Deserializer<V> valueDeserializer) {
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
            return LiveKeyValueStore.compareUtf8(from, to) > 0 ? new java.util.TreeMap<>() : map.subMap(from, true, to, true);
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

    /**
     * A builder of a decoded store, for a global store whose values every task reads on every bar.
     * Logging is always off (a global store is its topic).
     */
    static <V> StoreBuilder<KeyValueStore<String, V>> builder(String name, Deserializer<V> valueDeserializer) {
        return new Builder<>(name, valueDeserializer);
    }

    /** A plain sorted map store (the byte-store key order) with no topic behind it, for {@link DirectTopology}. */
    static <V> DecodedStore<V> plain(String name) {
        return new DecodedStore<>(name, null);
    }


    private static final class Builder<V> implements StoreBuilder<KeyValueStore<String, V>> {
        private final String name;
        private final Deserializer<V> valueDeserializer;

        Builder(String name, Deserializer<V> valueDeserializer) {
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
            return new DecodedStore<>(name, valueDeserializer);
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
}
