package dev.snapferry.sim.state;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What never changes about a snapshot once it exists. One shape serves both APIs: for DocumentDB Elastic,
 * {@code identifier} is the snapshot name and {@code clusterRef} the cluster ARN.
 */
public record SnapshotSpec(
        String identifier,
        String arn,
        boolean elastic,
        String engine,
        String engineVersion,
        String clusterRef,
        String type,
        Instant createTime,
        int allocatedStorageGiB,
        String storageType,
        boolean encrypted,
        @Nullable String kmsKeyId,
        @Nullable String sourceArn,
        Instant clusterCreateTime,
        String masterUsername,
        int port,
        String vpcId,
        List<String> availabilityZones) {

    public SnapshotSpec {
        availabilityZones = List.copyOf(availabilityZones);
    }
}
