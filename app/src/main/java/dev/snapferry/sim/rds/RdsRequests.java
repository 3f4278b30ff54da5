package dev.snapferry.sim.rds;

import dev.snapferry.core.model.Tag;
import dev.snapferry.sim.aws.Partitions;
import dev.snapferry.sim.http.FormParams;
import dev.snapferry.sim.state.RegionState;
import java.util.List;

/** What the RDS operations share: reading tags from a request, naming snapshots, the manual-snapshot quota. */
final class RdsRequests {

    static final int MANUAL_SNAPSHOT_QUOTA = 100;

    private RdsRequests() {
    }

    /** {@code Tags.Tag.N.Key} / {@code .Value} of a request, in order. */
    static List<Tag> tags(FormParams params) {
        return params.structs("Tags").stream()
                .map(t -> new Tag(t.get("Key").orElse(""), t.get("Value").orElse(""))).toList();
    }

    static String snapshotArn(String region, String accountId, String key) {
        return "arn:" + Partitions.of(region) + ":rds:" + region + ":" + accountId
                + ":cluster-snapshot:" + key;
    }

    /** The region's manual cluster snapshots, every engine of the RDS API: the quota's "used". */
    static long manualCount(RegionState r) {
        return r.snapshots().values().stream().filter(s -> s.spec().type().equals("manual")).count();
    }

    /** Refuses one more manual snapshot when the region already holds the quota's worth. */
    static void checkManualQuota(RegionState r) {
        long manual = manualCount(r);
        if (manual >= MANUAL_SNAPSHOT_QUOTA) {
            throw RdsErrors.snapshotQuota("The request would exceed the quota of " + MANUAL_SNAPSHOT_QUOTA
                    + " manual cluster snapshots in " + r.region() + ".");
        }
    }
}
