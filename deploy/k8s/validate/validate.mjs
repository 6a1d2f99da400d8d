// Validates Kubernetes manifests (multi-document YAML, from files or stdin) offline, each document against the
// JSON schema of its apiVersion and kind:
//   - Kubernetes API kinds: kubernetes-models (schemas generated from the Kubernetes OpenAPI specification);
//   - kafka.strimzi.io kinds: @kubernetes-models/strimzi-kafka-operator (generated from Strimzi's CRDs);
//   - monitoring.coreos.com kinds: @kubernetes-models/prometheus-operator (generated from the operator's CRDs).
// A kind without a schema is an error. Prints one line per document and exits 1 if any is invalid.
//   kubectl kustomize deploy/k8s/overlays/small | node deploy/k8s/validate/validate.mjs
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

function modulePath(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "kafka.strimzi.io" || group === "core.strimzi.io") {
    return `@kubernetes-models/strimzi-kafka-operator/${group}/${version}/${kind}`;
  }
  if (group === "monitoring.coreos.com") {
    return `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`;
  }
  return group === "" ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
}

const inputs = process.argv.length > 2 ? process.argv.slice(2).map((f) => readFileSync(f, "utf8")) : [readFileSync(0, "utf8")];
let invalid = 0;
let count = 0;
for (const text of inputs) {
  for (const doc of yaml.loadAll(text)) {
    if (doc == null) continue;
    count++;
    const name = `${doc.apiVersion} ${doc.kind} ${doc.metadata?.namespace ?? "-"}/${doc.metadata?.name}`;
    let Model;
    try {
      Model = (await import(modulePath(doc.apiVersion, doc.kind)))[doc.kind];
    } catch (e) {
      console.log(`INVALID ${name}: no schema for this apiVersion and kind (${e.code ?? e.message})`);
      invalid++;
      continue;
    }
    try {
      new Model(doc).validate();
      console.log(`valid   ${name}`);
    } catch (e) {
      console.log(`INVALID ${name}: ${e.message}`);
      invalid++;
    }
  }
}
console.log(`${count} documents, ${invalid} invalid`);
process.exit(invalid === 0 && count > 0 ? 0 : 1);
