package io.liquidityengine.schemas.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Renders the catalog as {@code deploy/topics.yaml} for operators (and for tools that create topics).
 * A test keeps the checked-in file equal to this rendering; {@code main} rewrites it.
 */
public final class TopicsYaml {

    private TopicsYaml() {
    }

    public static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Generated from io.liquidityengine.schemas.catalog.Topics; do not edit by hand.\n");
        out.append("# Regenerate: ./mvnw -q -pl schemas test -Dtest=TopicsYamlTest -Dtopics.yaml.write=true\n");
        out.append("topics:\n");
        for (Topic<?, ?> t : Topics.ALL) {
            out.append("  - name: ").append(t.name()).append('\n');
            out.append("    key: ").append(t.keyDescription()).append(" (string)\n");
            out.append("    value: ").append(t.valueType().getName()).append('\n');
            out.append("    valueSubject: ").append(t.name()).append("-value\n");
            out.append("    partitions: ").append(t.partitions()).append('\n');
            out.append("    cleanupPolicy: ").append(t.cleanup().name().toLowerCase()).append('\n');
            if (t.cleanup() == Topic.Cleanup.DELETE) {
                out.append("    retentionMs: ").append(t.retention().map(Duration::toMillis).orElse(-1L)).append('\n');
            }
            out.append("    description: \"").append(t.description()).append("\"\n");
        }
        return out.toString();
    }

    public static void write(Path file) throws IOException {
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }
}
