package io.liquidityengine.ingest.publish;

import io.liquidityengine.schemas.catalog.Topic;
import org.apache.avro.specific.SpecificRecord;

/** One record to publish: topic, key, value and its event time (the Kafka record timestamp). */
public record OutRecord<V extends SpecificRecord>(Topic<String, V> topic, String key, V value, long timestampMillis) {
}
