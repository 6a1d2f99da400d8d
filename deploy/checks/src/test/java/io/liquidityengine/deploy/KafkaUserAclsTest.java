package io.liquidityengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.local.KafkaUserAcls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KafkaUsers of deploy/k8s/base/kafka/users.yaml read as the ACL bindings SecurityIT grants. */
class KafkaUserAclsTest {

    private final Map<String, List<AclBinding>> acls = KafkaUserAcls.read(Tools.repo().resolve("deploy/k8s/base/kafka/users.yaml"));

    @Test
    void shouldReadOneBindingPerDeclaredOperationOfEveryService() {
        assertThat(acls.keySet()).containsExactly("ingest-connectors", "topology", "execution-sink", "notifier");
        assertThat(acls.get("ingest-connectors")).hasSize(18);
        assertThat(acls.get("topology")).hasSize(52);
        assertThat(acls.get("execution-sink")).hasSize(27);
        assertThat(acls.get("notifier")).hasSize(28);
    }

    @Test
    void shouldMapStrimziResourcesAndOperationsToKafkas() {
        assertThat(acls.get("ingest-connectors")).contains(
                allow("ingest-connectors", ResourceType.TOPIC, "md.ticks", PatternType.LITERAL, AclOperation.WRITE),
                allow("ingest-connectors", ResourceType.TOPIC, "md.ticks", PatternType.LITERAL, AclOperation.DESCRIBE),
                allow("ingest-connectors", ResourceType.TRANSACTIONAL_ID, "ingest-", PatternType.PREFIXED, AclOperation.WRITE),
                allow("ingest-connectors", ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.IDEMPOTENT_WRITE));
        assertThat(acls.get("topology")).contains(
                allow("topology", ResourceType.TOPIC, "liquidity-engine-", PatternType.PREFIXED, AclOperation.ALL),
                allow("topology", ResourceType.GROUP, "liquidity-engine", PatternType.LITERAL, AclOperation.READ));
        assertThat(acls.get("notifier")).contains(allow("notifier", ResourceType.GROUP, "notifier-", PatternType.PREFIXED, AclOperation.READ))
                .doesNotContain(allow("notifier", ResourceType.TOPIC, "exec.orders", PatternType.LITERAL, AclOperation.READ));
    }

    @Test
    void shouldRefuseWhatStrimziWouldNotAccept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata:
                  name: x
                spec:
                  authorization:
                    type: simple
                    acls:
                      - resource:
                          type: topic
                          name: t
                          patternType: literal
                        operations: [Wrte]
                """);
        assertThatThrownBy(() -> KafkaUserAcls.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KafkaUser x: unknown operation 'Wrte'");
    }

    private static AclBinding allow(String user, ResourceType type, String name, PatternType pattern, AclOperation op) {
        return new AclBinding(new ResourcePattern(type, name, pattern), new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW));
    }
}
