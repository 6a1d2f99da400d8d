package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.registry.RegistryConfig;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.liquidityengine.schemas.registry.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics the topology writes, and their value schemas registered before it starts. A serializer
 * registers its schema on its first record, so without this the first plan and the first order of a
 * fresh deployment would wait for the registry (a new subject took 40-500 ms on the local registry)
 * on the way to the broker. The serializers share this registry client and its cache.
 */
public final class OutputSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(OutputSchemas.class);

    private OutputSchemas() {
    }

    /** Every topic a sink of {@link EngineTopology#build} writes, for this configuration. */
    public static List<Topic<String, ?>> topics(TopologyConfig config) {
        List<Topic<String, ?>> topics = new ArrayList<>(List.of(Topics.SIG_BARS, Topics.SIG_LEVELS, Topics.SIG_BIAS, Topics.SIG_PLANS,
                Topics.RISK_SIGNALS_BY_ACCOUNT, Topics.RISK_DECISIONS, Topics.EXEC_ORDERS, Topics.DLQ_TOPOLOGY));
        if (config.lockstep()) {
            topics.add(Topics.RISK_CLOCK);
        }
        return topics;
    }

    /**
     * Registers (or, with {@code auto.register.schemas=false}, looks up) the value schema of every output
     * topic. A registry that fails here (after its client's retries) is logged and not asked again: each
     * serializer tries on its first record.
     *
     * @return how many schemas the registry answered for
     */
    public static int register(TopologyConfig config) {
        SchemaRegistry registry = SchemaRegistries.forConfig(config.registryConfig());
        boolean autoRegister = RegistryConfig.autoRegister(config.registryConfig());
        int answered = 0;
        for (Topic<String, ?> topic : topics(config)) {
            Schema schema = SpecificData.getForClass(topic.valueType()).getSchema(topic.valueType());
            String subject = SchemaRegistry.subjectFor(topic.name(), false);
            try {
                int id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
                LOG.debug("schema of {} has id {}", subject, id);
                answered++;
            } catch (RuntimeException e) {
                LOG.warn("schema of {} not registered before start (each output's first record will try again): {}", subject, e.getMessage());
                break;
            }
        }
        return answered;
    }
}
