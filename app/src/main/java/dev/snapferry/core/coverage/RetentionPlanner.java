package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

    /**
     * The dry run of {@code retention} on {@code fleet}, keeping the DR coverage {@code dr} asks for. Snapshots are
     * known by ARN (a snapshot listed twice is kept or deleted as one); the proof that no coverage is lost compares
     * the coverage before with the coverage computed again without the deletions ({@link CoverageReport#without}).
     */
    public static RetentionPlan plan(Fleet fleet, DrPolicy dr, RetentionPolicy retention, Instant now) {
        CoverageReport before = CoverageReport.of(fleet, dr, now);
        FleetIndex index = before.index();
        int n = index.size();
        BitSet drCopies = new BitSet(n);
        for (ClusterCoverage c : before.clusters()) {
            mark(drCopies, index, c.newestRegionCopy());
            mark(drCopies, index, c.newestAccountCopy());
        }
        BitSet newest = newest(index, retention.keepNewest());
        Instant youngSince = now.minus(Duration.ofDays(retention.keepDays()));
        List<RetentionPlan.Decision> decisions = new ArrayList<>(n);
        BitSet deleted = new BitSet(n);
        for (int i = 0; i < n; i++) {
            Snapshot s = index.snapshots.get(i);
            int slot = index.slot(i);
            EnumSet<RetentionPlan.Protection> keep = EnumSet.noneOf(RetentionPlan.Protection.class);
            if (s.type() == SnapshotType.AUTOMATED) {
                keep.add(RetentionPlan.Protection.AUTOMATED);
            }
            // Only snapshots other accounts share with this one belong to no cluster (Attribution).
            int id = index.cluster(i);
            if (id < 0) {
                keep.add(RetentionPlan.Protection.SHARED_WITH_ME);
            }
            if (s.status().state() != SnapshotState.AVAILABLE) {
                keep.add(RetentionPlan.Protection.NOT_AVAILABLE);
            }
            if (newest.get(slot)) {
                keep.add(RetentionPlan.Protection.NEWEST);
            }
            if (s.createTime() == null || s.createTime().isAfter(youngSince)) {
                keep.add(RetentionPlan.Protection.YOUNG);
            }
            if (retention.tagged(s)) {
                keep.add(RetentionPlan.Protection.TAGGED);
            }
            if (drCopies.get(slot)) {
                keep.add(RetentionPlan.Protection.DR_COPY);
            }
            decisions.add(new RetentionPlan.Decision(s, id < 0 ? null : index.keys.get(id), keep));
            if (keep.isEmpty()) {
                deleted.set(slot);
            }
        }
        return new RetentionPlan(retention, decisions, lost(before, before.without(deleted)));
    }

    private static void mark(BitSet slots, FleetIndex index, @Nullable Snapshot s) {
        if (s != null) {
            slots.set(index.slotOf(s.arn()));
        }
    }

    /** The slots of the newest {@code n} manual snapshots of each cluster in each account and region. */
    private static BitSet newest(FleetIndex index, int n) {
        BitSet kept = new BitSet(index.size());
        if (n == 0) {
            return kept;
        }
        // Per cluster, its manual snapshots (their indices) by place, owner and region: a cluster has a few at most.
        List<Snapshot> snapshots = index.snapshots;
        Comparator<Integer> newestFirst = (a, b) -> NEWEST_FIRST.compare(snapshots.get(a), snapshots.get(b));
        List<List<Integer>> places = new ArrayList<>();
        for (int id = 0; id < index.clusterCount(); id++) {
            places.clear();
            for (int i : index.members(id)) {
                Snapshot s = snapshots.get(i);
                if (s.type() != SnapshotType.MANUAL) {
                    continue;
                }
                int at = 0;
                while (at < places.size() && !samePlace(index, places.get(at).getFirst(), i)) {
                    at++;
                }
                if (at == places.size()) {
                    places.add(new ArrayList<>());
                }
                places.get(at).add(i);
            }
            for (List<Integer> group : places) {
                if (group.size() > n) {
                    group.sort(newestFirst);
                }
                for (int i = 0; i < Math.min(n, group.size()); i++) {
                    kept.set(index.slot(group.get(i)));
                }
            }
        }
        return kept;
    }

    private static boolean samePlace(FleetIndex index, int a, int b) {
        return index.snapshots.get(a).region().equals(index.snapshots.get(b).region())
                && index.owner(a).equals(index.owner(b));
    }

    /** Clusters whose status or newest copies elsewhere differ between {@code before} and {@code after}. */
    static List<ClusterKey> lost(CoverageReport before, CoverageReport after) {
        Map<ClusterKey, ClusterCoverage> now = HashMap.newHashMap(after.clusters().size());
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

    private static String arn(@Nullable Snapshot s) {
        return s == null ? "" : Objects.requireNonNull(s.arn());
    }
}
