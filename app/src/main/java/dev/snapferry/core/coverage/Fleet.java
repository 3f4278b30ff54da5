package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Snapshot;
import java.util.List;
import java.util.Set;

/**
 * What coverage is computed from: every listed snapshot, the clusters described, where clusters could be listed
 * (elsewhere a cluster without a description may still exist: its existence is unknown, never "orphaned"), and the
 * engine versions AWS reports deprecated.
 *
 * @param listedLocations where {@code DescribeDBClusters} answered, so that a cluster missing there is gone
 * @param deprecated      engine versions whose {@code DescribeDBEngineVersions} status is {@code deprecated}
 */
public record Fleet(List<Snapshot> snapshots, List<ClusterSettings> clusters,
                    Set<ClusterKey.Location> listedLocations, Set<EngineVersion> deprecated) {

    /** An engine and one of its versions. */
    public record EngineVersion(Engine engine, String version) {
    }

    public Fleet {
        snapshots = List.copyOf(snapshots);
        clusters = List.copyOf(clusters);
        listedLocations = Set.copyOf(listedLocations);
        deprecated = Set.copyOf(deprecated);
    }

    /** Only snapshots: every cluster's existence is unknown. */
    public static Fleet of(List<Snapshot> snapshots) {
        return new Fleet(snapshots, List.of(), Set.of(), Set.of());
    }
}
