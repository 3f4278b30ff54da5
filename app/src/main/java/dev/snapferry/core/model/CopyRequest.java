package dev.snapferry.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One snapshot copy as the user asked for it. The copy runs in the destination account and region; a
 * cross-region copy references the source by ARN and is sent to the destination region's endpoint.
 *
 * @param kmsKeyId the destination-region key ARN to encrypt the copy with, or null to let AWS decide
 * @param tags     explicit tags; on AWS they replace the copied source tags when {@code copyTags} is set too
 */
public record CopyRequest(
        Snapshot source,
        AccountRef destinationAccount,
        RegionRef destinationRegion,
        String targetIdentifier,
        @Nullable String kmsKeyId,
        boolean copyTags,
        List<Tag> tags) {

    public CopyRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destinationAccount, "destinationAccount");
        Objects.requireNonNull(destinationRegion, "destinationRegion");
        Objects.requireNonNull(targetIdentifier, "targetIdentifier");
        tags = List.copyOf(tags);
    }

    public boolean isCrossRegion() {
        return !source.region().equals(destinationRegion);
    }

    /**
     * True when AWS must be given the source's ARN rather than its identifier: a copy into another region, or one
     * made in an account that does not own the source (CopyDBClusterSnapshot, SourceDBClusterSnapshotIdentifier:
     * "If the source snapshot is in a different AWS Region than the copy, specify a valid DB cluster snapshot ARN";
     * a shared snapshot "must be the ARN of the shared DB cluster snapshot"). A bare identifier would name a
     * snapshot of the destination account, which AWS then cannot find.
     */
    public boolean namesSourceByArn() {
        return isCrossRegion() || source.isForeign() || !source.ownerAccountId().equals(destinationAccount.accountId());
    }

    public Engine engine() {
        return source.engine();
    }
}
