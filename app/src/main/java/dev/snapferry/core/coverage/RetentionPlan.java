package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Snapshot;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A dry run: for every snapshot of the fleet, whether a retention policy deletes it or which rules keep it, and the
 * proof that the deletions lose no DR coverage (the clusters whose coverage would change: none, by construction).
 *
 * @param coverageLost clusters whose coverage status or newest copy elsewhere would change once the deletions are
 *                     done; the planner protects those copies, so a non-empty list is a defect, shown, never hidden
 */
public record RetentionPlan(RetentionPolicy policy, List<Decision> decisions, List<ClusterKey> coverageLost) {

    /** Why a snapshot is kept. */
    public enum Protection {
        AUTOMATED,
        SHARED_WITH_ME,
        NOT_AVAILABLE,
        NEWEST,
        YOUNG,
        TAGGED,
        DR_COPY;

        /** Every combination once, immutable: a plan of 100,000 decisions holds a handful of sets. */
        private static final List<Set<Protection>> SETS = combinations();

        private static List<Set<Protection>> combinations() {
            List<Set<Protection>> sets = new java.util.ArrayList<>();
            for (int mask = 0; mask < 1 << values().length; mask++) {
                EnumSet<Protection> set = EnumSet.noneOf(Protection.class);
                for (Protection p : values()) {
                    if ((mask & 1 << p.ordinal()) != 0) {
                        set.add(p);
                    }
                }
                sets.add(java.util.Collections.unmodifiableSet(set));
            }
            return List.copyOf(sets);
        }

        static Set<Protection> canonical(Set<Protection> protections) {
            int mask = 0;
            for (Protection p : protections) {
                mask |= 1 << p.ordinal();
            }
            return SETS.get(mask);
        }
    }

    /**
     * One snapshot and what the plan does with it.
     *
     * @param cluster     the cluster it belongs to; null for snapshots shared with this account
     * @param protections the rules that keep it; empty means it is deleted
     */
    public record Decision(Snapshot snapshot, @Nullable ClusterKey cluster, Set<Protection> protections) {
        public Decision {
            Objects.requireNonNull(snapshot, "snapshot");
            protections = Protection.canonical(protections);
        }

        public boolean deletes() {
            return protections.isEmpty();
        }
    }

    public RetentionPlan {
        Objects.requireNonNull(policy, "policy");
        decisions = List.copyOf(decisions);
        coverageLost = List.copyOf(coverageLost);
    }

    /** The snapshots the plan deletes, in the order of the decisions. */
    public List<Snapshot> deletions() {
        return decisions.stream().filter(Decision::deletes).map(Decision::snapshot).toList();
    }

    /** The deletions grouped by cluster, clusters in order. */
    public Map<ClusterKey, List<Snapshot>> deletionsByCluster() {
        return decisions.stream().filter(d -> d.deletes() && d.cluster() != null)
                .collect(Collectors.groupingBy(d -> Objects.requireNonNull(d.cluster()), TreeMap::new,
                        Collectors.mapping(Decision::snapshot, Collectors.toList())));
    }
}
