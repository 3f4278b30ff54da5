package dev.snapferry.sim.rds;

import dev.snapferry.core.model.Tag;
import dev.snapferry.sim.Caller;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.aws.ClusterCopies;
import dev.snapferry.sim.aws.ClusterTags;
import dev.snapferry.sim.aws.EngineRules;
import dev.snapferry.sim.aws.PresignedUrlDemand;
import dev.snapferry.sim.http.FormParams;
import dev.snapferry.sim.http.SimRequest;
import dev.snapferry.sim.http.SimResponse;
import dev.snapferry.sim.kms.KeyAccess;
import dev.snapferry.sim.state.RegionState;
import dev.snapferry.sim.state.SimKey;
import dev.snapferry.sim.state.SimSnapshot;
import dev.snapferry.sim.state.SnapshotSpec;
import dev.snapferry.sim.state.SnapshotView;
import dev.snapferry.sim.state.Transfer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * CopyDBClusterSnapshot, called in the destination region. Enforces what AWS enforces: the source by identifier
 * (same region) or ARN, available; cross-region and shared-source rules of the engine; the presigned URL where the
 * engine needs one (checked, never fetched); the KMS key rules; tags; no duplicate target; the concurrent-copy and
 * manual-snapshot quotas.
 */
final class RdsCopy {

    private final SimContext ctx;
    private final RdsLookup lookup;

    RdsCopy(SimContext ctx, RdsLookup lookup) {
        this.ctx = ctx;
        this.lookup = lookup;
    }

    SimResponse copy(SimRequest request, FormParams params) {
        Caller caller = request.caller();
        String sourceRef = params.required("SourceDBClusterSnapshotIdentifier");
        String target = params.required("TargetDBClusterSnapshotIdentifier");
        RdsLifecycle.requireValidIdentifier("TargetDBClusterSnapshotIdentifier", target);
        if (!sourceRef.startsWith("arn:") && sourceRef.contains(":") && !sourceRef.startsWith("rds:")) {
            throw SimException.invalidParameter("SourceDBClusterSnapshotIdentifier must be an identifier or an ARN");
        }
        RdsLookup.Located source = lookup.locate(caller, sourceRef, null);
        SnapshotView src = source.view();
        String sourceRegion = source.state().region();
        boolean crossRegion = !sourceRegion.equals(caller.region());
        if (crossRegion && !sourceRef.startsWith("arn:")) {
            throw SimException.invalidParameter("A source in another region must be given by its ARN");
        }
        if (src.phase() != SimSnapshot.Phase.AVAILABLE) {
            throw RdsErrors.invalidSnapshotState("Snapshot " + src.spec().identifier() + " is not in available state.");
        }
        EngineRules rules = EngineRules.of(src.spec().engine()).orElseThrow(() ->
                SimException.invalidParameter("Unsupported engine " + src.spec().engine()));
        ClusterTags.Model tagModel = java.util.Objects.requireNonNull(rules.tagModel(), "an RDS-family engine");
        boolean encrypted = src.spec().encrypted();
        if (crossRegion) {
            checkCrossRegion(caller, rules, source, params, sourceRef);
        }
        String kmsParam = params.get("KmsKeyId").filter(k -> !k.isBlank()).orElse(null);
        List<Tag> explicit = RdsRequests.tags(params);
        boolean copyTags = params.flag("CopyTags");
        List<Tag> sourceTags = src.tags().entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
        List<Tag> resulting = ClusterCopies.resultingTags(copyTags, sourceTags, explicit);
        // Too many tags is refused whether they are copied or given; checked before the tags' content.
        if (resulting.size() > ClusterTags.MAX_TAGS) {
            throw RdsErrors.tooManyTags(ClusterTags.MAX_TAGS);
        }
        ClusterTags.refusal(explicit, tagModel).ifPresent(m -> {
            throw SimException.invalidParameter(m);
        });
        if (ClusterCopies.copiesReservedTag(copyTags, sourceTags, explicit)) {
            throw SimException.invalidParameter("Tag keys cannot start with the reserved prefix 'aws:'; the source "
                    + "snapshot's tags cannot be copied.");
        }

        ClusterCopies.keyParameterRefusal(encrypted, crossRegion, source.foreign(), kmsParam != null)
                .ifPresent(refusal -> {
                    throw refusal;
                });
        if (encrypted) {
            requireSourceKeyAccess(caller, source);
        }
        Instant now = lookup.now();
        RegionState destination = lookup.own(caller);
        SnapshotView created = destination.update(now, r -> {
            String key = target.toLowerCase(Locale.ROOT);
            if (r.snapshots().containsKey(key)) {
                throw RdsErrors.snapshotExists(key);
            }
            if (r.copiesInFlight(false) >= rules.maxCopiesInFlight()) {
                throw RdsErrors.snapshotQuota("You can have at most " + rules.maxCopiesInFlight()
                        + " cluster snapshot copies in progress to " + caller.region() + " at a time.");
            }
            RdsRequests.checkManualQuota(r);
            String targetKey = targetKey(r, caller, src, kmsParam);
            boolean targetEncrypted = encrypted || targetKey != null;
            var spec = src.spec();
            SnapshotSpec copySpec = new SnapshotSpec(key, RdsRequests.snapshotArn(caller.region(),
                    caller.accountId(), key), false, spec.engine(),
                    spec.engineVersion(), spec.clusterRef(), "manual", now, spec.allocatedStorageGiB(),
                    spec.storageType(), targetEncrypted, targetKey, spec.arn(), spec.clusterCreateTime(),
                    spec.masterUsername(), spec.port(), spec.vpcId(), zones(caller.region()));
            Transfer transfer = new Transfer(Transfer.Kind.COPY, now, duration(spec.allocatedStorageGiB(), crossRegion),
                    crossRegion, null);
            SimSnapshot copy = new SimSnapshot(copySpec, SimSnapshot.Phase.COPYING, transfer);
            resulting.forEach(t -> copy.tags().put(t.key(), t.value()));
            r.snapshots().put(key, copy);
            return copy.view(now, r.accountId());
        });
        return RdsXml.reply("CopyDBClusterSnapshot", request.requestId(),
                xml -> RdsXml.snapshot(xml, created, "manual", null));
    }

    /**
     * RDS reads an encrypted source through its key, on the caller's behalf: the key must be enabled and its policy
     * must let the caller's account use it ({@link KeyAccess#rdsMayUse}). For a snapshot shared by another account
     * that is the owner's key policy, which must name the caller's account: Aurora User Guide, "Copying a DB cluster
     * snapshot across accounts", step 2; DocumentDB Developer Guide, "Copying shared snapshots": "you must have
     * access to the AWS KMS encryption key that was used to encrypt the snapshot"; Neptune User Guide, "Sharing an
     * Encrypted DB Cluster Snapshot": "Share the AWS KMS encryption key that was used to encrypt the snapshot with
     * any accounts that you want to be able to access the snapshot". AWS refuses with KMSKeyNotAccessibleFault (a
     * declared error of CopyDBClusterSnapshot in all three models), worded as public reports quote it
     * (awslabs/aurora-snapshot-tool#26, #29).
     */
    private void requireSourceKeyAccess(Caller caller, RdsLookup.Located source) {
        String keyReference = source.view().spec().kmsKeyId();
        boolean admitted = source.state().update(lookup.now(), r -> {
            SimKey key = r.resolveKey(keyReference);
            return key != null && KeyAccess.rdsMayUse(key, r.region(), caller);
        });
        if (!admitted) {
            throw RdsErrors.sourceKmsNotAccessible(String.valueOf(keyReference));
        }
    }

    /** The key the copy is encrypted with, or null for an unencrypted copy; refuses what AWS refuses. */
    private static @Nullable String targetKey(RegionState destination, Caller caller, SnapshotView src,
                                              @Nullable String kmsParam) {
        if (!src.spec().encrypted()) {
            // A key with an unencrypted source was refused by ClusterCopies.keyParameterRefusal.
            return null;
        }
        return kmsParam == null ? src.spec().kmsKeyId() : usableKey(destination, caller, kmsParam).arn();
    }

    /**
     * The caller's own key for the copy: of the destination region, enabled, and with a policy that lets RDS use
     * it for the caller (a key whose policy shuts its own account out cannot encrypt its copies either).
     */
    private static SimKey usableKey(RegionState destination, Caller caller, String reference) {
        SimKey key = destination.resolveKey(reference);
        if (key == null || !KeyAccess.rdsMayUse(key, destination.region(), caller)) {
            throw RdsErrors.kmsNotAccessible(reference);
        }
        return key;
    }

    private void checkCrossRegion(Caller caller, EngineRules rules, RdsLookup.Located source,
                                  FormParams params, String sourceArn) {
        String from = source.state().region();
        ClusterCopies.crossRegionRefusal(rules, from, caller.region(), source.foreign()).ifPresent(refusal -> {
            throw refusal;
        });
        boolean encrypted = source.view().spec().encrypted();
        String presigned = params.get("PreSignedUrl").filter(p -> !p.isBlank()).orElse(null);
        PresignedUrlDemand demand = PresignedUrlDemand.of(source.view().spec().engine(), caller.region(), encrypted);
        if (presigned == null) {
            if (demand == PresignedUrlDemand.REQUIRED) {
                throw SimException.invalidParameter("PreSignedUrl is required to copy this cluster snapshot from "
                        + from + ".");
            }
            return;
        }
        if (demand != PresignedUrlDemand.IGNORED) {
            PresignedUrlCheck.verify(presigned, sourceArn, from, caller.region(),
                    params.get("KmsKeyId").orElse(null));
        }
    }

    static Duration duration(int gib, boolean crossRegion) {
        return Duration.ofSeconds(crossRegion ? 300 + 8L * gib : 60 + 2L * gib);
    }

    static List<String> zones(String region) {
        return List.of(region + "a", region + "b", region + "c");
    }
}
