package io.liquidityengine.schemas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicsYamlTest {

    private static final Path FILE = Path.of("../deploy/topics.yaml");

    @Test
    void checkedInTopicsYamlMatchesTheCatalog() throws IOException {
        if (Boolean.getBoolean("topics.yaml.write")) {
            TopicsYaml.write(FILE);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("deploy/topics.yaml is out of date; regenerate it with "
                        + "./mvnw -q -pl schemas test -Dtest=TopicsYamlTest -Dtopics.yaml.write=true")
                .isEqualTo(TopicsYaml.render());
    }

    @Test
    void topicNamesAreUniqueAndFollowTheContextPrefixes() {
        Set<String> names = new HashSet<>();
        for (Topic<?, ?> t : Topics.ALL) {
            assertThat(names.add(t.name())).as("duplicate topic %s", t.name()).isTrue();
            assertThat(t.name()).matches("(md|ref|sig|risk|exec|control|config|dlq)\\.[a-z.-]+");
        }
        assertThat(names).hasSize(24);
    }

    @Test
    void compactedTopicsHaveNoRetentionAndDeleteTopicsDo() {
        assertThat(Topics.REF_INSTRUMENTS.topicConfigs()).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
        assertThat(Topics.MD_TICKS.topicConfigs()).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
        assertThat(Topics.EXEC_ORDERS.topicConfigs()).containsEntry("retention.ms", "-1");
        assertThat(Topics.byName("sig.bias")).isSameAs(Topics.SIG_BIAS);
    }
}
