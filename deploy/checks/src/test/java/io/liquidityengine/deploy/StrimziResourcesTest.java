package io.liquidityengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** deploy/k8s's KafkaTopics and KafkaUsers are the catalog's topics and the services' accesses (like deploy/topics.yaml). */
class StrimziResourcesTest {

    private final Path kafka = Tools.repo().resolve("deploy/k8s/base/kafka");

    @Test
    void checkedInKafkaTopicsMatchTheCatalog() throws IOException {
        check(kafka.resolve("topics.yaml"), StrimziResources.topics());
    }

    @Test
    void checkedInKafkaUsersMatchTheServicesAccesses() throws IOException {
        check(kafka.resolve("users.yaml"), StrimziResources.users());
    }

    @Test
    void shouldDeclareOneKafkaTopicPerCatalogTopicWithItsPartitionsAndCleanup() throws IOException {
        List<JsonNode> docs = documents(StrimziResources.topics());
        assertThat(docs).hasSize(Topics.ALL.size()).hasSize(24);
        JsonNode ticks = docs.get(0);
        assertThat(ticks.at("/metadata/name").asText()).isEqualTo("md.ticks");
        assertThat(ticks.at("/spec/partitions").asInt()).isEqualTo(3);
        assertThat(ticks.at("/spec/config/cleanup.policy").asText()).isEqualTo("delete");
        assertThat(ticks.at("/spec/config/retention.ms").asText()).isEqualTo("-1");
        JsonNode instruments = docs.stream().filter(d -> d.at("/spec/topicName").asText().equals("ref.instruments")).findFirst().orElseThrow();
        assertThat(instruments.at("/spec/config/cleanup.policy").asText()).isEqualTo("compact");
        assertThat(instruments.at("/spec/config").has("retention.ms")).isFalse();
    }

    @Test
    void everyTopicHasOneWritingServiceAndTheServicesOnlyReachTheirOwnTopics() {
        for (Topic<?, ?> t : Topics.ALL) {
            if (t == Topics.CONFIG_STRATEGIES || t == Topics.CONTROL_COMMANDS) {
                continue; // written by operators (strategy definitions, halt/resume), and control.commands also by the sink
            }
            assertThat(StrimziResources.writers(t)).as("writers of %s", t.name()).hasSize(1);
        }
        assertThat(StrimziResources.writers(Topics.CONTROL_COMMANDS)).containsExactly("execution-sink");
        assertThat(StrimziResources.writers(Topics.CONFIG_STRATEGIES)).isEmpty();
        StrimziResources.Access notifier = StrimziResources.SERVICES.get(3);
        assertThat(notifier.user()).isEqualTo("notifier");
        assertThat(notifier.writes()).containsExactly(Topics.DLQ_NOTIFIER);
        assertThat(notifier.reads()).doesNotContain(Topics.EXEC_ORDERS, Topics.MD_TICKS, Topics.CONTROL_COMMANDS);
    }

    private static void check(Path file, String rendered) throws IOException {
        if (Boolean.getBoolean("k8s.write")) {
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as(file + " is out of date; regenerate it with ./mvnw -q -pl deploy/checks test -Dtest=StrimziResourcesTest -Dk8s.write=true")
                .isEqualTo(rendered);
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
        }
        return out;
    }
}
