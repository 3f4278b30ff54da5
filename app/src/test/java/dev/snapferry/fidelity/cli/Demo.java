package dev.snapferry.fidelity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * Finds demo snapshots through the CLI: their names carry the simulator's dates, so they are looked up, not
 * written down.
 */
final class Demo {

    private Demo() {
    }

    /** The first available snapshot of {@code type} of a cluster, as {@code as} (an account's runner) lists it. */
    static JsonNode snapshot(Function<String[], AwsCli.Result> as, String service, String region, String cluster,
                             String type) {
        for (JsonNode s : as.apply(new String[] {service, "describe-db-cluster-snapshots", "--region", region,
                "--db-cluster-identifier", cluster, "--snapshot-type", type}).json().get("DBClusterSnapshots")) {
            if (s.get("Status").asText().equals("available")) {
                return s;
            }
        }
        throw new AssertionError("the demo has no available " + type + " snapshot of " + cluster + " in " + region);
    }

    static String arn(JsonNode snapshot) {
        return snapshot.get("DBClusterSnapshotArn").asText();
    }

    static String id(JsonNode snapshot) {
        return snapshot.get("DBClusterSnapshotIdentifier").asText();
    }

    /** The accounts of a snapshot's {@code restore} attribute, from either attribute operation's reply. */
    static java.util.List<String> restore(AwsCli.Result attributes) {
        JsonNode result = attributes.json().get("DBClusterSnapshotAttributesResult");
        java.util.List<String> accounts = new java.util.ArrayList<>();
        for (JsonNode a : result.get("DBClusterSnapshotAttributes")) {
            assertThat(a.get("AttributeName").asText()).isEqualTo("restore");
            a.path("AttributeValues").forEach(v -> accounts.add(v.asText()));
        }
        return accounts;
    }
}
