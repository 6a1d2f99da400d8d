package io.liquidityengine.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, for unit tests (TopologyTestDriver) and benchmarks. Same rules as the
 * local stack's registry: ids are global, identical schemas share an id, and a new version must be
 * BACKWARD compatible with the latest one under the subject.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    private final Map<String, List<Schema>> versions = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Schema> subjectVersions = versions.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!subjectVersions.contains(schema)) {
            if (!subjectVersions.isEmpty()) {
                Schema latest = subjectVersions.get(subjectVersions.size() - 1);
                var result = SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getResult();
                if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    throw new SchemaRegistryException("schema registry rejected subject '" + subject
                            + "' (HTTP 409, error 409): schema is not BACKWARD compatible: " + result.getIncompatibilities(), 409, 409, null);
                }
            }
            subjectVersions.add(schema);
        }
        return idsBySchema.computeIfAbsent(schema.toString(), s -> {
            int id = schemasById.size() + 1;
            schemasById.put(id, schema);
            return id;
        });
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        List<Schema> subjectVersions = versions.get(subject);
        if (subjectVersions == null || !subjectVersions.contains(schema)) {
            throw new SchemaRegistryException("schema not found under subject '" + subject + "' (HTTP 404, error 40403)", 404, 40403, null);
        }
        return idsBySchema.get(schema.toString());
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("schema id " + id + " not found (HTTP 404, error 40403)", 404, 40403, null);
        }
        return schema;
    }
}
