package io.liquidityengine.demo;

import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.control.StrategyKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What the demos and the latency benchmark do alike on their local stack. */
final class DemoStack {

    private DemoStack() {
    }

    /** The settings every service started on {@code stack} gets: its broker, its registry, a free HTTP port. */
    static Map<String, String> serviceSettings(LocalStack stack) {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("kafka.bootstrap.servers", stack.bootstrapServers());
        common.put("schema.registry.url", stack.registryUrl());
        common.put("quarkus.http.port", "0");
        return common;
    }

    /** Publishes a rule strategy (version 1, enabled) for {@code instrument} to config.strategies. */
    static StrategyDefinition publishRuleStrategy(LocalStack stack, String strategyId, String instrument, String json)
            throws Exception {
        StrategyDefinition definition = StrategyDefinition.newBuilder().setStrategyId(strategyId).setVersion(1)
                .setKind(StrategyKind.RULES).setEnabled(true).setInstruments(List.of(instrument)).setDefinition(json).build();
        try (KafkaProducer<String, StrategyDefinition> producer = new KafkaProducer<>(stack.clientConfig(),
                Topics.CONFIG_STRATEGIES.keySerde(stack.registryConfig()).serializer(),
                Topics.CONFIG_STRATEGIES.valueSerde(stack.registryConfig()).serializer())) {
            producer.send(new ProducerRecord<>(Topics.CONFIG_STRATEGIES.name(), strategyId, definition)).get();
        }
        return definition;
    }
}
