package dev.snapferry.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One cluster snapshot of any engine, as listed from one account and region.
 *
 * @param identifier         the snapshot identifier (Elastic: its name)
 * @param accountId          the account that listed it; for shared and public snapshots the owner is in the ARN
 * @param kmsKeyId           the key as AWS reports it (an ARN or key id), null when not encrypted
 * @param sourceSnapshotArn  for a copy, the snapshot it was copied from
 * @param allocatedStorageGiB {@code AllocatedStorage} as AWS reports it; the size only for some engines
 *                           ({@link #dataSizeGiB()})
 * @param kmsKeyAlias        the key's alias in its region ({@code alias/...}) when one is known
 * @param awsManagedKey      true when the key is AWS managed ({@code alias/aws/...}): such snapshots cannot be
 *                           shared with other accounts
 * @param unknown            what could not be read (a DocumentDB Elastic snapshot's key and tags, which its list
 *                           form lacks, a key's alias): the empty or null value of such a field means "unknown",
 *                           never "none"
 */
public record Snapshot(
        String identifier,
        String arn,
        String accountId,
        RegionRef region,
        Engine engine,
        @Nullable String engineVersion,
        @Nullable String clusterIdentifier,
        SnapshotType type,
        SnapshotStatus status,
        @Nullable Instant createTime,
        boolean storageEncrypted,
        @Nullable String kmsKeyId,
        List<Tag> tags,
        @Nullable String sourceSnapshotArn,
        @Nullable Integer allocatedStorageGiB,
        @Nullable String storageType,
        @Nullable String kmsKeyAlias,
        boolean awsManagedKey,
        Set<Detail> unknown) {

    /** A part of a snapshot that is read by a call of its own, and so can be missing when the rest is there. */
    public enum Detail {
        /** Which KMS key encrypts it (DocumentDB Elastic: GetClusterSnapshot). */
        KMS_KEY,
        /** Its tags (DocumentDB Elastic: ListTagsForResource). */
        TAGS,
        /** Its key's alias (KMS ListAliases). */
        KMS_ALIAS
    }

    /** A snapshot of which everything was read. */
    public Snapshot(String identifier, String arn, String accountId, RegionRef region, Engine engine,
                    @Nullable String engineVersion, @Nullable String clusterIdentifier, SnapshotType type,
                    SnapshotStatus status, @Nullable Instant createTime, boolean storageEncrypted,
                    @Nullable String kmsKeyId, List<Tag> tags, @Nullable String sourceSnapshotArn,
                    @Nullable Integer allocatedStorageGiB, @Nullable String storageType, @Nullable String kmsKeyAlias,
                    boolean awsManagedKey) {
        this(identifier, arn, accountId, region, engine, engineVersion, clusterIdentifier, type, status, createTime,
                storageEncrypted, kmsKeyId, tags, sourceSnapshotArn, allocatedStorageGiB, storageType, kmsKeyAlias,
                awsManagedKey, Set.of());
    }

    public Snapshot {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        tags = List.copyOf(tags);
        // One shared empty set for the common case: the listing makes hundreds of thousands of rows.
        unknown = unknown.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(unknown));
    }

    /** True when {@code detail} could not be read: its field says nothing, not "none". */
    public boolean isUnknown(Detail detail) {
        return !unknown.isEmpty() && unknown.contains(detail);
    }

    /** This snapshot with {@code details} marked as not read. */
    public Snapshot withUnknown(Detail... details) {
        EnumSet<Detail> next = EnumSet.noneOf(Detail.class);
        next.addAll(unknown);
        next.addAll(List.of(details));
        return new Snapshot(identifier, arn, accountId, region, engine, engineVersion, clusterIdentifier, type,
                status, createTime, storageEncrypted, kmsKeyId, tags, sourceSnapshotArn, allocatedStorageGiB,
                storageType, kmsKeyAlias, awsManagedKey, next);
    }

    /**
     * The snapshot's size in GiB when AWS reports one: {@code AllocatedStorage} for the engines where it is the
     * size, null (unknown) for the others, whose figure is not the data a copy moves.
     */
    public @Nullable Integer dataSizeGiB() {
        return engine.allocatedStorageIsDataSize() ? allocatedStorageGiB : null;
    }

    /** This snapshot with its KMS key's alias resolved (null: the key has none). */
    public Snapshot withKmsAlias(@Nullable String alias, boolean awsManaged) {
        Set<Detail> still = unknown;
        if (isUnknown(Detail.KMS_ALIAS)) {
            EnumSet<Detail> next = EnumSet.copyOf(unknown);
            next.remove(Detail.KMS_ALIAS);
            still = next;
        }
        return new Snapshot(identifier, arn, accountId, region, engine, engineVersion, clusterIdentifier, type,
                status, createTime, storageEncrypted, kmsKeyId, tags, sourceSnapshotArn, allocatedStorageGiB,
                storageType, alias, awsManaged, still);
    }

    /** This snapshot with a newer status (a copy's progress, as its job last saw it). */
    public Snapshot withStatus(SnapshotStatus newStatus) {
        return new Snapshot(identifier, arn, accountId, region, engine, engineVersion, clusterIdentifier, type,
                newStatus, createTime, storageEncrypted, kmsKeyId, tags, sourceSnapshotArn, allocatedStorageGiB,
                storageType, kmsKeyAlias, awsManagedKey, unknown);
    }

    /** The account that owns the snapshot: the ARN's account, which differs from the lister's for shared ones. */
    public String ownerAccountId() {
        // Read in place rather than through Arn.parse: the audit and the filters ask this of every row.
        if (!arn.startsWith("arn:")) {
            return accountId;
        }
        int partition = 4;
        int service = arn.indexOf(':', partition);
        int region = service < 0 ? -1 : arn.indexOf(':', service + 1);
        int account = region < 0 ? -1 : arn.indexOf(':', region + 1);
        int resource = account < 0 ? -1 : arn.indexOf(':', account + 1);
        if (resource < 0 || service == partition || region == service + 1 || resource == arn.length() - 1
                || resource == account + 1) {
            return accountId;
        }
        return arn.regionMatches(account + 1, accountId, 0, resource - account - 1)
                && accountId.length() == resource - account - 1 ? accountId : arn.substring(account + 1, resource);
    }

    public boolean isAutomated() {
        return type == SnapshotType.AUTOMATED;
    }

    /** True when the snapshot belongs to another account (shared with this one, or public). */
    public boolean isForeign() {
        return type.isForeign() || !ownerAccountId().equals(accountId);
    }
}
