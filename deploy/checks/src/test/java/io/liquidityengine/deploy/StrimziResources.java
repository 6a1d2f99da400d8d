package io.liquidityengine.deploy;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders deploy/k8s/base/kafka/topics.yaml (a Strimzi {@code KafkaTopic} per catalog topic) and
 * deploy/k8s/base/kafka/users.yaml (a {@code KafkaUser} per service with SCRAM-SHA-512 and the ACLs it
 * needs, no more). {@code StrimziResourcesTest} keeps the checked-in files equal to these renderings.
 */
final class StrimziResources {

    static final String CLUSTER = "liquidity-engine";
    /** The topology's Kafka Streams application.id: its group, transactional ids and internal topics start with it. */
    static final String STREAMS_APPLICATION_ID = "liquidity-engine";

    private StrimziResources() {
    }

    /** What one service may do: topics it reads, topics it writes, and its group / transactional-id prefixes. */
    record Access(String user, String description, List<Topic<?, ?>> reads, List<Topic<?, ?>> writes, List<String> groupPrefixes,
                  List<String> transactionalIdPrefixes, List<String> internalTopicPrefixes) {
    }

    static final List<Access> SERVICES = List.of(
            new Access("ingest-connectors", "publishes market data, instruments, checkpoints and dead letters in transactions",
                    List.of(Topics.CONTROL_INGEST_CHECKPOINTS),
                    List.of(Topics.MD_TICKS, Topics.MD_BARS_IMPORTED, Topics.MD_LEVELS_IMPORTED, Topics.MD_OPTION_DELTAS,
                            Topics.REF_INSTRUMENTS, Topics.CONTROL_INGEST_CHECKPOINTS, Topics.DLQ_INGEST),
                    List.of(), List.of("ingest-"), List.of()),
            new Access("topology", "the Kafka Streams application (exactly-once v2) and its metrics follower",
                    List.of(Topics.MD_TICKS, Topics.MD_BARS_IMPORTED, Topics.MD_LEVELS_IMPORTED, Topics.MD_OPTION_DELTAS,
                            Topics.REF_INSTRUMENTS, Topics.CONFIG_STRATEGIES, Topics.SIG_BARS, Topics.SIG_LEVELS, Topics.SIG_BIAS,
                            Topics.SIG_PLANS, Topics.RISK_SIGNALS_BY_ACCOUNT, Topics.RISK_DECISIONS, Topics.EXEC_ORDERS,
                            Topics.EXEC_REPORTS, Topics.EXEC_POSITIONS, Topics.CONTROL_COMMANDS, Topics.EXEC_MARKET_CLOCK,
                            Topics.DLQ_TOPOLOGY),
                    List.of(Topics.SIG_BARS, Topics.SIG_LEVELS, Topics.SIG_BIAS, Topics.SIG_PLANS, Topics.RISK_SIGNALS_BY_ACCOUNT,
                            Topics.RISK_DECISIONS, Topics.EXEC_ORDERS, Topics.RISK_CLOCK, Topics.DLQ_TOPOLOGY),
                    List.of(STREAMS_APPLICATION_ID), List.of(STREAMS_APPLICATION_ID), List.of(STREAMS_APPLICATION_ID + "-")),
            new Access("execution-sink", "executes orders, reports fills and positions, snapshots its state in transactions",
                    List.of(Topics.EXEC_ORDERS, Topics.MD_TICKS, Topics.REF_INSTRUMENTS, Topics.RISK_CLOCK, Topics.EXEC_SINK_STATE,
                            Topics.EXEC_POSITIONS),
                    List.of(Topics.EXEC_REPORTS, Topics.EXEC_POSITIONS, Topics.EXEC_MARKET_CLOCK, Topics.EXEC_SINK_STATE,
                            Topics.CONTROL_COMMANDS, Topics.DLQ_EXECUTION),
                    List.of("execution-sink-"), List.of("execution-sink-"), List.of()),
            new Access("notifier", "posts signals, decisions, fills and dead letters to Discord",
                    List.of(Topics.REF_INSTRUMENTS, Topics.SIG_BARS, Topics.SIG_LEVELS, Topics.SIG_BIAS, Topics.SIG_PLANS,
                            Topics.RISK_DECISIONS, Topics.EXEC_REPORTS, Topics.EXEC_POSITIONS, Topics.EXEC_MARKET_CLOCK,
                            Topics.DLQ_INGEST, Topics.DLQ_TOPOLOGY, Topics.DLQ_EXECUTION),
                    List.of(Topics.DLQ_NOTIFIER),
                    List.of("notifier-"), List.of(), List.of()));

    static String topics() {
        StringBuilder out = header("KafkaTopic per topic of io.liquidityengine.schemas.catalog.Topics", "-Dk8s.write=true");
        for (Topic<?, ?> t : Topics.ALL) {
            out.append("---\n");
            out.append("apiVersion: kafka.strimzi.io/v1\n");
            out.append("kind: KafkaTopic\n");
            out.append("metadata:\n");
            out.append("  name: ").append(t.name()).append('\n');
            out.append("  labels:\n");
            out.append("    strimzi.io/cluster: ").append(CLUSTER).append('\n');
            out.append("  annotations:\n");
            out.append("    liquidity-engine.io/description: \"").append(t.description().replace("\"", "'")).append("\"\n");
            out.append("spec:\n");
            out.append("  topicName: ").append(t.name()).append('\n');
            out.append("  partitions: ").append(t.partitions()).append('\n');
            out.append("  replicas: 3\n");
            out.append("  config:\n");
            t.topicConfigs().forEach((k, v) -> out.append("    ").append(k).append(": \"").append(v).append("\"\n"));
        }
        return out.toString();
    }

    static String users() {
        StringBuilder out = header("KafkaUser per service: SCRAM-SHA-512 and least-privilege ACLs (each service reads and writes only its topics)",
                "-Dk8s.write=true");
        for (Access a : SERVICES) {
            out.append("---\n");
            out.append("apiVersion: kafka.strimzi.io/v1\n");
            out.append("kind: KafkaUser\n");
            out.append("metadata:\n");
            out.append("  name: ").append(a.user()).append('\n');
            out.append("  labels:\n");
            out.append("    strimzi.io/cluster: ").append(CLUSTER).append('\n');
            out.append("  annotations:\n");
            out.append("    liquidity-engine.io/description: \"").append(a.description()).append("\"\n");
            out.append("spec:\n");
            out.append("  authentication:\n");
            out.append("    type: scram-sha-512\n");
            out.append("  authorization:\n");
            out.append("    type: simple\n");
            out.append("    acls:\n");
            // per topic: Describe always, Read and/or Write as needed, in catalog order
            Map<String, List<String>> byTopic = new LinkedHashMap<>();
            for (Topic<?, ?> t : Topics.ALL) {
                List<String> ops = new ArrayList<>();
                if (a.reads().contains(t)) {
                    ops.add("Read");
                }
                if (a.writes().contains(t)) {
                    ops.add("Write");
                }
                if (!ops.isEmpty()) {
                    ops.add("Describe");
                    byTopic.put(t.name(), ops);
                }
            }
            byTopic.forEach((topic, ops) -> acl(out, "topic", topic, "literal", ops));
            for (String prefix : a.internalTopicPrefixes()) {
                // Kafka Streams creates, reads and writes its changelog and repartition topics itself
                acl(out, "topic", prefix, "prefix", List.of("All"));
            }
            for (String prefix : a.groupPrefixes()) {
                acl(out, "group", prefix, prefix.endsWith("-") ? "prefix" : "literal", List.of("Read", "Describe"));
            }
            for (String prefix : a.transactionalIdPrefixes()) {
                acl(out, "transactionalId", prefix, "prefix", List.of("Write", "Describe"));
            }
            if (!a.transactionalIdPrefixes().isEmpty()) {
                acl(out, "cluster", null, null, List.of("IdempotentWrite"));
            }
        }
        return out.toString();
    }

    /** Topics a service may read or write (the ACL test checks every catalog topic has a writer). */
    static TreeSet<String> writers(Topic<?, ?> topic) {
        TreeSet<String> out = new TreeSet<>();
        SERVICES.stream().filter(a -> a.writes().contains(topic)).forEach(a -> out.add(a.user()));
        return out;
    }

    private static void acl(StringBuilder out, String type, String name, String pattern, List<String> operations) {
        out.append("      - resource:\n");
        out.append("          type: ").append(type).append('\n');
        if (name != null) {
            out.append("          name: ").append(name).append('\n');
            out.append("          patternType: ").append(pattern).append('\n');
        }
        out.append("        operations: [").append(String.join(", ", operations)).append("]\n");
    }

    private static StringBuilder header(String what, String flag) {
        return new StringBuilder()
                .append("# ").append(what).append(".\n")
                .append("# Generated by deploy/checks StrimziResources; do not edit by hand. Regenerate:\n")
                .append("#   ./mvnw -q -pl deploy/checks test -Dtest=StrimziResourcesTest ").append(flag).append('\n');
    }
}
