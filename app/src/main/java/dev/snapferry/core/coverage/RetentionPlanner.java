package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Plans a retention clean-up over a fleet: a pure function of the fleet, the two policies and the instant. */
public final class RetentionPlanner {

    /** Newest first; snapshots without a creation time count as newest (nothing says they are old). */
    private static final Comparator<Snapshot> NEWEST_FIRST = (a, b) -> {
        Instant x = a.createTime();
        Instant y = b.createTime();
        int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : y.compareTo(x);
        return c != 0 ? c : a.arn().compareTo(b.arn());
    };

    private RetentionPlanner() {
    }

    /** The dry run of {@code retention} on {@code fleet}, keeping the DR coverage {@code dr} asks for. */
    public static RetentionPlan plan(Fleet fleet, DrPolicy dr, RetentionPolicy retention, Instant now) {
        CoverageReport before = CoverageReport.of(fleet, dr, now);
        Set<String> drCopies = new HashSet<>();
        for (ClusterCoverage c : before.clusters()) {
            if (c.newestRegionCopy() != null) {
                drCopies.add(c.newestRegionCopy().arn());
            }
            if (c.newestAccountCopy() != null) {
                drCopies.add(c.newestAccountCopy().arn());
            }
        }
        Set<String> newest = newest(fleet.snapshots(), before, retention.keepNewest());
        Instant youngSince = now.minus(Duration.ofDays(retention.keepDays()));
        List<RetentionPlan.Decision> decisions = new ArrayList<>(fleet.snapshots().size());
        Set<String> deleted = new HashSet<>();
        for (Snapshot s : fleet.snapshots()) {
            EnumSet<RetentionPlan.Protection> keep = EnumSet.noneOf(RetentionPlan.Protection.class);
            if (s.type() == SnapshotType.AUTOMATED) {
                keep.add(RetentionPlan.Protection.AUTOMATED);
            }
            // Only snapshots other accounts share with this one belong to no cluster (Attribution).
            ClusterKey cluster = before.clusterKey(s);
            if (cluster == null) {
                keep.add(RetentionPlan.Protection.SHARED_WITH_ME);
            }
            if (s.status().state() != SnapshotState.AVAILABLE) {
                keep.add(RetentionPlan.Protection.NOT_AVAILABLE);
            }
            if (newest.contains(s.arn())) {
                keep.add(RetentionPlan.Protection.NEWEST);
            }
            if (s.createTime() == null || s.createTime().isAfter(youngSince)) {
                keep.add(RetentionPlan.Protection.YOUNG);
            }
            if (retention.tagged(s)) {
                keep.add(RetentionPlan.Protection.TAGGED);
            }
            if (drCopies.contains(s.arn())) {
                keep.add(RetentionPlan.Protection.DR_COPY);
            }
            decisions.add(new RetentionPlan.Decision(s, cluster, keep));
            if (keep.isEmpty()) {
                deleted.add(s.arn());
            }
        }
        return new RetentionPlan(retention, decisions, lost(before, before.without(deleted)));
    }

    /** The newest {@code n} manual snapshots of each cluster in each account and region. */
    private static Set<String> newest(List<Snapshot> snapshots, CoverageReport report, int n) {
        record Place(ClusterKey cluster, String owner, dev.snapferry.core.model.RegionRef region) {
        }
        Map<Place, List<Snapshot>> groups = new HashMap<>();
        for (Snapshot s : snapshots) {
            if (s.type() != SnapshotType.MANUAL || n == 0) {
                continue;
            }
            ClusterKey cluster = report.clusterKey(s);
            if (cluster != null) {
                groups.computeIfAbsent(new Place(cluster, s.ownerAccountId(), s.region()), k -> new ArrayList<>())
                        .add(s);
            }
        }
        Set<String> kept = new HashSet<>();
        for (List<Snapshot> group : groups.values()) {
            if (group.size() > n) {
                group.sort(NEWEST_FIRST);
            }
            for (int i = 0; i < Math.min(n, group.size()); i++) {
                kept.add(group.get(i).arn());
            }
        }
        return kept;
    }

    /** Clusters whose status or newest copies elsewhere differ between {@code before} and {@code after}. */
    static List<ClusterKey> lost(CoverageReport before, CoverageReport after) {
        Map<ClusterKey, ClusterCoverage> now = new HashMap<>();
        after.clusters().forEach(c -> now.put(c.key(), c));
        List<ClusterKey> lost = new ArrayList<>();
        for (ClusterCoverage was : before.clusters()) {
            ClusterCoverage is = now.get(was.key());
            boolean same = is != null ? is.status() == was.status()
                    && arn(is.newestRegionCopy()).equals(arn(was.newestRegionCopy()))
                    && arn(is.newestAccountCopy()).equals(arn(was.newestAccountCopy()))
                    : was.newestRegionCopy() == null && was.newestAccountCopy() == null;
            if (!same) {
                lost.add(was.key());
            }
        }
        return lost;
    }

    private static String arn(@org.jspecify.annotations.Nullable Snapshot s) {
        return s == null ? "" : Objects.requireNonNull(s.arn());
    }
}
