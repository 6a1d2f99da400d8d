package io.liquidityengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s renders with {@code kubectl kustomize} for both overlays, and every rendered document is valid
 * against its schema, offline: Kubernetes kinds against the Kubernetes API schemas, Strimzi kinds against
 * Strimzi's CRD schemas, the PodMonitor against the Prometheus Operator's (deploy/k8s/validate: the npm packages
 * kubernetes-models 5.1.0, @kubernetes-models/strimzi-kafka-operator 1.0.1, @kubernetes-models/prometheus-operator
 * 6.0.0, which carry those schemas compiled for ajv). Needs kubectl and node with {@code npm ci} run in
 * deploy/k8s/validate (.ci/run does it); without them the test is skipped, under CI=true it fails.
 */
class KubernetesManifestsTest {

    private final Path repo = Tools.repo();

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void shouldRenderAndValidateAgainstTheKubernetesStrimziAndPrometheusOperatorSchemas(String overlay) throws Exception {
        List<JsonNode> docs = render(overlay);
        Map<String, Long> kinds = docs.stream().collect(Collectors.groupingBy(d -> d.get("kind").asText(), TreeMap::new, Collectors.counting()));
        assertThat(kinds).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(Map.entry("ConfigMap", 5L), Map.entry("Deployment", 4L),
                Map.entry("Kafka", 1L), Map.entry("KafkaNodePool", 1L), Map.entry("KafkaTopic", 24L), Map.entry("KafkaUser", 5L),
                Map.entry("Namespace", 1L), Map.entry("PersistentVolumeClaim", 1L), Map.entry("PodMonitor", 1L), Map.entry("PrometheusRule", 1L), Map.entry("Service", 5L),
                Map.entry("StatefulSet", 1L))));

        Path node = Tools.require("node", "nodejs");
        Path validator = repo.resolve("deploy/k8s/validate");
        if (!Files.isDirectory(validator.resolve("node_modules/@kubernetes-models/strimzi-kafka-operator"))) {
            String message = "deploy/k8s/validate has no node_modules: run npm ci --prefix deploy/k8s/validate";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            org.junit.jupiter.api.Assumptions.abort(message);
        }
        Path rendered = Files.createTempFile("k8s-" + overlay, ".yaml");
        Files.writeString(rendered, kustomize(overlay), StandardCharsets.UTF_8);
        Tools.Run run = Tools.run(validator, List.of(node.toString(), "validate.mjs", rendered.toString()));
        assertThat(run.output()).as(run.output()).endsWith("50 documents, 0 invalid\n");
        assertThat(run.exitCode()).isZero();
        Files.delete(rendered);
    }

    @Test
    void shouldFindAnInvalidManifest() throws Exception {
        Path node = Tools.require("node", "nodejs");
        Path validator = repo.resolve("deploy/k8s/validate");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(validator.resolve("node_modules")) || "true".equals(System.getenv("CI")),
                "deploy/k8s/validate has no node_modules: run npm ci --prefix deploy/k8s/validate");
        Path broken = Files.createTempFile("k8s-broken", ".yaml");
        Files.writeString(broken, """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata:
                  name: u
                spec:
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: md.ticks}
                        operations: [Reed]
                """);
        Tools.Run run = Tools.run(validator, List.of(node.toString(), "validate.mjs", broken.toString()));
        assertThat(run.output()).isEqualTo("INVALID kafka.strimzi.io/v1 KafkaUser -/u: data/spec/authorization/acls/0/operations/0 "
                + "must be equal to one of the allowed values\n1 documents, 1 invalid\n");
        assertThat(run.exitCode()).isEqualTo(1);
        Files.delete(broken);
    }

    @Test
    void productionRunsTwoTopologyInstancesWithStandbyReplicasPersistentStateAndHealthProbes() throws Exception {
        List<JsonNode> docs = render("production");
        JsonNode topology = find(docs, "StatefulSet", "topology");
        assertThat(topology.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(topology.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("20Gi");
        assertThat(find(docs, "ConfigMap", "topology-config").at("/data/application.properties").asText())
                .contains("kafka-streams.num.standby.replicas=1\n").contains("kafka-streams.state.dir=/var/lib/liquidity-engine/streams\n");
        assertThat(find(docs, "KafkaNodePool", "dual-role").at("/spec/replicas").asInt()).isEqualTo(3);
        for (String name : List.of("ingest-connectors", "execution-sink", "notifier")) {
            JsonNode container = find(docs, "Deployment", name).at("/spec/template/spec/containers/0");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/image").asText()).isEqualTo("registry.example.com/liquidity-engine/" + name + ":0.1.0");
        }
        JsonNode small = find(render("small"), "StatefulSet", "topology");
        assertThat(small.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(find(render("small"), "KafkaTopic", "md.ticks").at("/spec/replicas").asInt()).isEqualTo(1);
    }

    private List<JsonNode> render(String overlay) throws Exception {
        return StrimziResourcesTest.documents(kustomize(overlay));
    }

    private String kustomize(String overlay) throws Exception {
        Path kubectl = Tools.require("kubectl", "kubectl");
        Tools.Run run = Tools.run(repo, List.of(kubectl.toString(), "kustomize", "deploy/k8s/overlays/" + overlay), false);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run.output();
    }

    private static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> d.get("kind").asText().equals(kind) && d.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + name + " not rendered"));
    }
}
