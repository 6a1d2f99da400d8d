package io.liquidityengine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs that Strimzi's User Operator makes from the {@code KafkaUser}s of deploy/k8s/base/kafka/users.yaml
 * ({@code authorization.type: simple}), as Kafka ACL bindings: principal {@code User:<name>}, host {@code *},
 * ALLOW, one binding per operation; a {@code cluster} resource is Kafka's {@code kafka-cluster}. The secured
 * local stack ({@code local-stack up --secured}, deploy/checks SecurityIT) grants exactly these, so the local
 * broker enforces what production declares.
 */
public final class KafkaUserAcls {

    private KafkaUserAcls() {
    }

    /** Per user, in file order: its bindings. */
    public static Map<String, List<AclBinding>> read(Path usersYaml) {
        Map<String, List<AclBinding>> out = new LinkedHashMap<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(usersYaml.toFile())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || !"KafkaUser".equals(doc.path("kind").asText())) {
                    continue;
                }
                String user = doc.path("metadata").path("name").asText();
                JsonNode authorization = doc.path("spec").path("authorization");
                if (!"simple".equals(authorization.path("type").asText())) {
                    throw new IllegalArgumentException("KafkaUser " + user + ": authorization type '" + authorization.path("type").asText()
                            + "' is not 'simple'");
                }
                List<AclBinding> bindings = new ArrayList<>();
                for (JsonNode acl : authorization.path("acls")) {
                    ResourcePattern pattern = pattern(user, acl.path("resource"));
                    String host = acl.path("host").asText("*");
                    AclPermissionType permission = AclPermissionType.fromString(acl.path("type").asText("allow"));
                    for (JsonNode op : acl.path("operations")) {
                        bindings.add(new AclBinding(pattern, new AccessControlEntry("User:" + user, host, operation(user, op.asText()), permission)));
                    }
                }
                out.put(user, List.copyOf(bindings));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + usersYaml, e);
        }
        return out;
    }

    private static ResourcePattern pattern(String user, JsonNode resource) {
        String type = resource.path("type").asText();
        ResourceType resourceType = switch (type) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            case "cluster" -> ResourceType.CLUSTER;
            default -> throw new IllegalArgumentException("KafkaUser " + user + ": unknown resource type '" + type + "'");
        };
        if (resourceType == ResourceType.CLUSTER) {
            return new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
        }
        String patternType = resource.path("patternType").asText("literal");
        return new ResourcePattern(resourceType, resource.path("name").asText(),
                switch (patternType) {
                    case "literal" -> PatternType.LITERAL;
                    case "prefix" -> PatternType.PREFIXED;
                    default -> throw new IllegalArgumentException("KafkaUser " + user + ": unknown patternType '" + patternType + "'");
                });
    }

    /** Strimzi spells operations in CamelCase ({@code IdempotentWrite}); Kafka's enum in upper snake case. */
    private static AclOperation operation(String user, String strimzi) {
        String snake = strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        AclOperation op = AclOperation.fromString(snake);
        if (op == AclOperation.UNKNOWN) {
            throw new IllegalArgumentException("KafkaUser " + user + ": unknown operation '" + strimzi + "'");
        }
        return op;
    }
}
