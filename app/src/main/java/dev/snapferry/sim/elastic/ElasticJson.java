package dev.snapferry.sim.elastic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.http.Xml;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SimSnapshot;
import dev.snapferry.sim.state.SnapshotView;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** DocumentDB Elastic's JSON shapes and errors. */
final class ElasticJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private ElasticJson() {
    }

    static String status(SimSnapshot.Phase phase) {
        return switch (phase) {
            case CREATING -> "CREATING";
            case COPYING -> "COPYING";
            case AVAILABLE -> "ACTIVE";
        };
    }

    /** The short form ListClusterSnapshots returns. */
    static ObjectNode inList(SnapshotView s) {
        return JSON.createObjectNode().put("clusterArn", s.spec().clusterRef()).put("snapshotArn", s.spec().arn())
                .put("snapshotCreationTime", Xml.timestamp(s.spec().createTime()))
                .put("snapshotName", s.spec().identifier()).put("status", status(s.phase()));
    }

    /** The full form of GetClusterSnapshot and the write operations. */
    static ObjectNode full(SnapshotView s, @Nullable String statusOverride) {
        ObjectNode node = JSON.createObjectNode().put("adminUserName", s.spec().masterUsername())
                .put("clusterArn", s.spec().clusterRef())
                .put("clusterCreationTime", Xml.timestamp(s.spec().clusterCreateTime()))
                .put("kmsKeyId", s.spec().kmsKeyId())
                .put("snapshotArn", s.spec().arn())
                .put("snapshotCreationTime", Xml.timestamp(s.spec().createTime()))
                .put("snapshotName", s.spec().identifier())
                .put("snapshotType", s.spec().type().toUpperCase(java.util.Locale.ROOT))
                .put("status", statusOverride != null ? statusOverride : status(s.phase()));
        node.putArray("subnetIds").add("subnet-0sim" + Math.abs(s.spec().vpcId().hashCode() % 1000));
        node.putArray("vpcSecurityGroupIds").add("sg-0sim" + Math.abs(s.spec().arn().hashCode() % 1000));
        return node;
    }

    static ObjectNode cluster(SimCluster c) {
        return JSON.createObjectNode().put("clusterArn", c.arn()).put("clusterName", c.identifier())
                .put("status", c.status());
    }

    static SimException validation(String message, String field) {
        return new SimException("ValidationException", 400, message, Map.of("reason", "fieldValidationFailed",
                "fieldList", List.of(Map.of("name", field, "message", message))));
    }

    static SimException notFound(String arn, String type) {
        return new SimException("ResourceNotFoundException", 404, "The resource " + arn + " was not found.",
                Map.of("resourceId", arn, "resourceType", type));
    }

    static SimException conflict(String message, String arn, String type) {
        return new SimException("ConflictException", 409, message, Map.of("resourceId", arn, "resourceType", type));
    }
}
