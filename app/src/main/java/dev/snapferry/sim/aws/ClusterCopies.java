package dev.snapferry.sim.aws;

import dev.snapferry.core.model.Tag;
import dev.snapferry.sim.SimException;
import java.util.List;
import java.util.Optional;

/**
 * The checks of CopyDBClusterSnapshot that need no state: where a copy may go and when a KmsKeyId must or must not
 * be given, each answered with the error AWS answers it with. Pure functions, so that a test can put the same case
 * to them and to the app's rules and compare the verdicts.
 */
public final class ClusterCopies {

    private ClusterCopies() {
    }

    /**
     * Why a copy of a snapshot of {@code engine} from {@code from} into {@code to} (different regions) is refused, or
     * empty. {@code shared}: the source belongs to another account.
     */
    public static Optional<SimException> crossRegionRefusal(EngineRules rules, String from, String to,
                                                            boolean shared) {
        // Never across partitions: Amazon Aurora User Guide and Neptune User Guide, copy Limitations (GovCloud and
        // the China regions copy among themselves only); a KMS key and an ARN are of one partition (AWS General
        // Reference, ARNs), and the presigned URL is signed for a region of the caller's partition.
        if (!Partitions.of(from).equals(Partitions.of(to))) {
            return Optional.of(SimException.invalidParameter("Cluster snapshots cannot be copied between "
                    + "partitions."));
        }
        if (!rules.crossRegionCopy()) {
            return Optional.of(SimException.invalidParameter("Cluster snapshots of this engine cannot be copied "
                    + "across regions."));
        }
        if (rules.chinaExcluded()
                && (EngineRules.CHINA_REGIONS.contains(from) || EngineRules.CHINA_REGIONS.contains(to))) {
            // Amazon Aurora User Guide, DB cluster snapshot copying, Limitations (see EngineRules.AURORA).
            return Optional.of(SimException.invalidParameter("DB cluster snapshots can't be copied to or from the "
                    + "China (Beijing) or China (Ningxia) Regions."));
        }
        if (shared && !SharedCopyAcrossRegions.allowed(rules.engine())) {
            return Optional.of(SimException.invalidCombination("You can only copy a shared DB cluster snapshot in "
                    + "the same AWS Region."));
        }
        return Optional.empty();
    }

    /**
     * The KmsKeyId rules that need no key, checked before any key is looked at. Sources: rds, docdb, neptune
     * service-2.json, CopyDBClusterSnapshotMessage$KmsKeyId:
     * <ul>
     * <li>"If you copy an encrypted DB cluster snapshot that is shared from another Amazon Web Services account, then
     * you must specify a value for KmsKeyId" (all three);</li>
     * <li>"To copy an encrypted DB cluster snapshot to another Amazon Web Services Region, you must set KmsKeyId to
     * the Amazon Web Services KMS key identifier you want to use to encrypt the copy [...] in the destination
     * Amazon Web Services Region" (rds; docdb: "set KmsKeyId"; neptune: "KMS encryption keys are specific to the
     * Amazon Region that they are created in", so the source's key cannot serve);</li>
     * <li>"If you copy an unencrypted DB cluster snapshot and specify a value for the KmsKeyId parameter, an error is
     * returned" (all three; neptune adds "You cannot encrypt an unencrypted DB cluster snapshot when you copy it").
     * The same sentence is in docdb-elastic's CopyClusterSnapshotInput$kmsKeyId.</li>
     * </ul>
     * The errors are InvalidParameterValue for a missing key and InvalidParameterCombination for a key that the
     * source's encryption rules out (the RDS Common Errors page: "Parameters that must not be used together were
     * used together").
     */
    public static Optional<SimException> keyParameterRefusal(boolean encrypted, boolean crossRegion, boolean shared,
                                                             boolean keyGiven) {
        if (!encrypted) {
            return keyGiven ? Optional.of(SimException.invalidCombination("KmsKeyId can't be specified for an "
                    + "unencrypted cluster snapshot: a copy of an unencrypted snapshot cannot be encrypted."))
                    : Optional.empty();
        }
        if (keyGiven) {
            return Optional.empty();
        }
        if (crossRegion) {
            return Optional.of(SimException.invalidParameter("KmsKeyId must be specified to copy an encrypted "
                    + "cluster snapshot to another region."));
        }
        if (shared) {
            return Optional.of(SimException.invalidParameter("KmsKeyId must be specified to copy an encrypted "
                    + "cluster snapshot shared from another account."));
        }
        return Optional.empty();
    }

    /**
     * The tags a copy ends up with. CopyTags: "Specifies whether to copy all tags from the source DB cluster snapshot
     * to the target DB cluster snapshot. By default, tags are not copied" (rds model,
     * CopyDBClusterSnapshotMessage$CopyTags). With tags given in the same request, only those are applied: no model
     * says so; it is the behaviour recorded in app/docs/aws-rules.md (observed), kept as the simulator's
     * assumption.
     */
    public static List<Tag> resultingTags(boolean copyTags, List<Tag> sourceTags, List<Tag> explicit) {
        return copyTags && explicit.isEmpty() ? List.copyOf(sourceTags) : List.copyOf(explicit);
    }

    /**
     * Source tags that make a CopyTags copy fail: a tag whose key has a reserved prefix cannot be set by the caller
     * (see {@link ClusterTags}), and copying it would set it.
     */
    public static boolean copiesReservedTag(boolean copyTags, List<Tag> sourceTags, List<Tag> explicit) {
        return copyTags && explicit.isEmpty()
                && sourceTags.stream().anyMatch(t -> ClusterTags.reservedPrefix(t.key()).isPresent());
    }
}
