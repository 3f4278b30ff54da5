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
        DR_COPY
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
            protections = protections.isEmpty() ? Set.of()
                    : java.util.Collections.unmodifiableSet(EnumSet.copyOf(protections));
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
