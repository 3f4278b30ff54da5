package dev.snapferry.fidelity;

import java.util.List;
import java.util.stream.Stream;

/**
 * Replies that depart from the installed models and are accepted, each with its reason, in two lists kept apart:
 * <ul>
 *   <li>{@link #MODEL_OLDER_THAN_API}: members AWS added to an API after the model Debian's awscli ships was cut.
 *   The simulator follows the current API; the AWS SDK the app uses (2.40.2, built from newer models) knows each
 *   member, which {@code SdkKnowsWhatTheModelLacksTest} checks, so none of these is a simulator fault.</li>
 *   <li>{@link #SIMULATOR}: real departures of the simulator from AWS's models, today's as well as the installed
 *   one. The simulator is not this test's to change: each entry is a finding for whoever owns
 *   {@code dev.snapferry.sim}, narrow (one service, shape or operation, and member or code) so nothing else hides
 *   behind it, and checked to still occur so the list shrinks when the simulator is fixed.</li>
 * </ul>
 */
final class KnownGaps {

    /**
     * @param problem   as {@link Violation#problem()}
     * @param operation the operation, or {@code *} for any
     * @param shape     the structure lacking the member, or {@code *} (error codes)
     * @param actual    the member's wire name, or the error code
     * @param sdkClass  for a member the model lacks: the SDK's generated class that has it; otherwise empty
     */
    record Gap(String problem, String service, String operation, String shape, String actual, String sdkClass,
               String reason) {

        boolean covers(Violation v) {
            return v.problem().equals(problem) && v.service().equals(service)
                    && (operation.equals("*") || v.operation().equals(operation))
                    && (shape.equals("*") || v.shape().equals(shape)) && v.actual().equals(actual);
        }
    }

    private static final String SDK = "software.amazon.awssdk.services.";

    static final List<Gap> MODEL_OLDER_THAN_API = List.of(
            new Gap("unknown member", "rds", "*", "DBClusterSnapshot", "StorageType",
                    SDK + "rds.model.DBClusterSnapshot",
                    "RDS added DBClusterSnapshot.StorageType (Aurora I/O-Optimized) after botocore's 2.9.19 model"),
            new Gap("unknown member", "rds", "*", "DBClusterSnapshot", "DbClusterResourceId",
                    SDK + "rds.model.DBClusterSnapshot",
                    "RDS added DBClusterSnapshot.DbClusterResourceId after botocore's 2.9.19 model"),
            new Gap("unknown member", "docdb", "*", "DBClusterSnapshot", "StorageType",
                    SDK + "docdb.model.DBClusterSnapshot",
                    "DocumentDB added DBClusterSnapshot.StorageType (I/O-Optimized) after botocore's 2.9.19 model"),
            new Gap("unknown member", "neptune", "*", "DBClusterSnapshot", "StorageType",
                    SDK + "neptune.model.DBClusterSnapshot",
                    "Neptune added DBClusterSnapshot.StorageType (I/O-Optimized) after botocore's 2.9.19 model"),
            new Gap("unknown member", "kms", "GetKeyPolicy", "GetKeyPolicyResponse", "PolicyName",
                    SDK + "kms.model.GetKeyPolicyResponse",
                    "KMS added PolicyName to GetKeyPolicy's response after botocore's 2.9.19 model"),
            new Gap("unknown member", "docdb-elastic", "*", "ClusterSnapshot", "snapshotType",
                    SDK + "docdbelastic.model.ClusterSnapshot",
                    "DocumentDB Elastic added ClusterSnapshot.snapshotType (with CopyClusterSnapshot) after "
                            + "botocore's 2.9.19 model"),
            new Gap("enum", "docdb-elastic", "*", "Status", "\"COPYING\"",
                    SDK + "docdbelastic.model.Status",
                    "DocumentDB Elastic added the COPYING status (with CopyClusterSnapshot) after botocore's 2.9.19 "
                            + "model"));

    static final List<Gap> SIMULATOR = List.of(
            new Gap("unknown member", "docdb", "*", "DBClusterSnapshot", "TagList", "",
                    "DocumentDB's model (installed and current, per SDK 2.40.2) has no DBClusterSnapshot.TagList; "
                            + "the simulator writes it for every engine because one backend answers all three "
                            + "clients and the app reads tags from it (SnapshotFields). The SDK's docdb client "
                            + "ignores it."),
            new Gap("unknown member", "neptune", "*", "DBClusterSnapshot", "TagList", "",
                    "As for DocumentDB: Neptune's model has no DBClusterSnapshot.TagList; the simulator writes it "
                            + "for every engine. The SDK's neptune client ignores it."),
            new Gap("undeclared error", "rds", "AddTagsToResource", "*", "DBClusterSnapshotNotFoundFault", "",
                    "RDS's model declares no DBClusterSnapshotNotFoundFault for AddTagsToResource (only DBInstance-, "
                            + "DBCluster-, DBSnapshot-, DBProxy-, ...NotFound; SDK 2.40.2's RdsClient, from the "
                            + "current model, declares none either); the simulator answers it for a cluster "
                            + "snapshot ARN that does not exist. What RDS answers there is not modelled."),
            new Gap("undeclared error", "rds", "RemoveTagsFromResource", "*", "DBClusterSnapshotNotFoundFault", "",
                    "As for AddTagsToResource."));

    private KnownGaps() {
    }

    static List<Gap> all() {
        return Stream.concat(MODEL_OLDER_THAN_API.stream(), SIMULATOR.stream()).toList();
    }

    static boolean known(Violation v) {
        return all().stream().anyMatch(g -> g.covers(v));
    }

    static String label(Violation v) {
        if (MODEL_OLDER_THAN_API.stream().anyMatch(g -> g.covers(v))) {
            return "[model older than the API] ";
        }
        return SIMULATOR.stream().anyMatch(g -> g.covers(v)) ? "[known simulator gap] " : "";
    }
}
