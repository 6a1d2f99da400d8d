package io.liquidityengine.schemas.registry;

import org.apache.avro.Schema;

/**
 * The two operations the serde needs from a Confluent-API schema registry: register a schema under
 * a subject (returning its global id) and fetch a schema by id.
 */
public interface SchemaRegistry {

    /** Registers {@code schema} under {@code subject} (or finds it if already there) and returns its id. */
    int register(String subject, Schema schema);

    /** Returns the id of {@code schema} under {@code subject} without registering it. */
    int lookup(String subject, Schema schema);

    /** The schema with this global id. */
    Schema schemaById(int id);

    /** Subject name for a topic, Confluent's TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
    static String subjectFor(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
