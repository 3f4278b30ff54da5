package dev.snapferry.sim.rds;

import dev.snapferry.sim.SimException;

/** The RDS faults the simulator raises, with AWS's codes and HTTP statuses. */
final class RdsErrors {

    private RdsErrors() {
    }

    static SimException snapshotNotFound(String id) {
        return SimException.notFound("DBClusterSnapshotNotFoundFault", "DBClusterSnapshot " + id + " not found.");
    }

    static SimException clusterNotFound(String id) {
        return SimException.notFound("DBClusterNotFoundFault", "DBCluster " + id + " not found.");
    }

    static SimException snapshotExists(String id) {
        return SimException.badRequest("DBClusterSnapshotAlreadyExistsFault",
                "Cannot create the cluster snapshot because one with the identifier " + id + " already exists.");
    }

    static SimException invalidSnapshotState(String message) {
        return SimException.badRequest("InvalidDBClusterSnapshotStateFault", message);
    }

    static SimException invalidClusterState(String message) {
        return SimException.badRequest("InvalidDBClusterStateFault", message);
    }

    static SimException kmsNotAccessible(String keyId) {
        return SimException.badRequest("KMSKeyNotAccessibleFault", "The specified KMS key [" + keyId
                + "] does not exist, is not enabled or you do not have permissions to access it.");
    }

    static SimException snapshotQuota(String message) {
        return SimException.badRequest("SnapshotQuotaExceeded", message);
    }
}
