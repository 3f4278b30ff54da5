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

    /** The source snapshot's key, which RDS could not use for the caller: the words AWS uses (see RdsCopy). */
    static SimException sourceKmsNotAccessible(String keyId) {
        return SimException.badRequest("KMSKeyNotAccessibleFault", "The source snapshot KMS key [" + keyId
                + "] does not exist, is not enabled or you do not have permissions to access it.");
    }

    static SimException snapshotQuota(String message) {
        return SimException.badRequest("SnapshotQuotaExceeded", message);
    }

    /**
     * More than the 50 tags a resource may hold. No RDS-family model declares a tag-quota fault: AddTagsToResource,
     * CopyDBClusterSnapshot and CreateDBClusterSnapshot list none in rds, docdb or neptune 2014-10-31, and
     * TagQuotaPerResourceExceeded belongs to ElastiCache and MemoryDB. The RDS user guide (Tagging Amazon RDS
     * resources) gives the limit, "A tag set can contain as many as 50 tags", but no code; RDS reports other tag
     * refusals as InvalidParameterValue (400), the common error for "an invalid or out-of-range value". That is
     * the best-supported answer, not a confirmed one.
     */
    static SimException tooManyTags(int maxTags) {
        return SimException.invalidParameter("A resource can have at most " + maxTags + " tags.");
    }
}
