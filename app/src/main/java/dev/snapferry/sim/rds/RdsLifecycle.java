package dev.snapferry.sim.rds;

import dev.snapferry.core.model.Tag;
import dev.snapferry.sim.Caller;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.aws.ClusterTags;
import dev.snapferry.sim.aws.EngineRules;
import dev.snapferry.sim.aws.SnapshotNames;
import dev.snapferry.sim.http.FormParams;
import dev.snapferry.sim.http.SimRequest;
import dev.snapferry.sim.http.SimResponse;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SimSnapshot;
import dev.snapferry.sim.state.SnapshotSpec;
import dev.snapferry.sim.state.SnapshotView;
import dev.snapferry.sim.state.Transfer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** CreateDBClusterSnapshot and DeleteDBClusterSnapshot (which is also how a copy in progress is cancelled). */
final class RdsLifecycle {

    private final SimContext ctx;
    private final RdsLookup lookup;

    RdsLifecycle(SimContext ctx, RdsLookup lookup) {
        this.ctx = ctx;
        this.lookup = lookup;
    }

    static void requireValidIdentifier(String parameter, String identifier) {
        if (!SnapshotNames.valid(identifier)) {
            throw SimException.invalidParameter("The parameter " + parameter + " is not a valid identifier. "
                    + "Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; "
                    + "and must not end with a hyphen or contain two consecutive hyphens.");
        }
    }

    SimResponse create(SimRequest request, FormParams params) {
        Caller caller = request.caller();
        String clusterId = params.required("DBClusterIdentifier").toLowerCase(Locale.ROOT);
        String id = params.required("DBClusterSnapshotIdentifier");
        requireValidIdentifier("DBClusterSnapshotIdentifier", id);
        String key = id.toLowerCase(Locale.ROOT);
        List<Tag> tags = RdsRequests.tags(params);
        Instant now = lookup.now();
        SnapshotView created = lookup.own(caller).update(now, r -> {
            SimCluster cluster = r.clusters().get(clusterId);
            if (cluster == null) {
                throw RdsErrors.clusterNotFound(clusterId);
            }
            if (!"available".equals(cluster.status())) {
                throw RdsErrors.invalidClusterState("DBCluster " + clusterId + " is not in available state (it is "
                        + cluster.status() + ").");
            }
            ClusterTags.Model tagModel = EngineRules.of(cluster.engine()).map(EngineRules::tagModel)
                    .orElseThrow(() -> SimException.invalidParameter("Unsupported engine " + cluster.engine()));
            if (tags.size() > ClusterTags.MAX_TAGS) {
                throw RdsErrors.tooManyTags(ClusterTags.MAX_TAGS);
            }
            ClusterTags.refusal(tags, tagModel).ifPresent(m -> {
                throw SimException.invalidParameter(m);
            });
            if (r.snapshots().containsKey(key)) {
                throw RdsErrors.snapshotExists(key);
            }
            RdsRequests.checkManualQuota(r);
            SnapshotSpec spec = new SnapshotSpec(key, RdsRequests.snapshotArn(caller.region(), caller.accountId(), key),
                    false,
                    cluster.engine(), cluster.engineVersion(), cluster.identifier(), "manual", now,
                    cluster.allocatedStorageGiB(), SnapshotFields.defaultStorageType(cluster.engine()),
                    cluster.encrypted(), cluster.kmsKeyId(), null,
                    cluster.createTime(), "admin", RdsXml.port(cluster.engine()),
                    "vpc-0sim" + caller.region().hashCode(),
                    RdsCopy.zones(caller.region()));
            Transfer transfer = new Transfer(Transfer.Kind.CREATE, now,
                    Duration.ofSeconds(30 + cluster.allocatedStorageGiB()), false, null);
            SimSnapshot snapshot = new SimSnapshot(spec, SimSnapshot.Phase.CREATING, transfer);
            tags.forEach(t -> snapshot.tags().put(t.key(), t.value()));
            r.snapshots().put(key, snapshot);
            return snapshot.view(now, r.accountId());
        });
        return RdsXml.reply("CreateDBClusterSnapshot", request.requestId(),
                xml -> RdsXml.snapshot(xml, created, "manual", null));
    }

    SimResponse delete(SimRequest request, FormParams params) {
        Caller caller = request.caller();
        String id = params.required("DBClusterSnapshotIdentifier");
        String key = id.toLowerCase(Locale.ROOT);
        Instant now = lookup.now();
        SnapshotView deleted = lookup.own(caller).update(now, r -> {
            SimSnapshot snapshot = r.snapshots().get(key);
            if (snapshot == null) {
                throw RdsErrors.snapshotNotFound(id);
            }
            if (!snapshot.spec().type().equals("manual")) {
                throw RdsErrors.invalidSnapshotState("Only manual cluster snapshots can be deleted; "
                        + snapshot.spec().identifier() + " is automated.");
            }
            if (snapshot.phase() == SimSnapshot.Phase.CREATING) {
                throw RdsErrors.invalidSnapshotState("Cluster snapshot " + key
                        + " is being created and cannot be deleted yet.");
            }
            // Deleting a snapshot that is still copying cancels the copy.
            r.removeSnapshot(key, now);
            return snapshot.view(now, r.accountId());
        });
        return RdsXml.reply("DeleteDBClusterSnapshot", request.requestId(),
                xml -> RdsXml.snapshot(xml, deleted, deleted.spec().type(), "deleting"));
    }
}
