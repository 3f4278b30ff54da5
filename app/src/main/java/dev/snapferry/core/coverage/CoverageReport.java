package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every cluster of a fleet, once, with its coverage under a DR policy at one instant; and, for every snapshot of
 * the fleet's own accounts, the cluster it belongs to and where it sits (what the retention planner reads).
 */
public final class CoverageReport {

    private final FleetIndex index;
    /** By cluster number; null for a cluster none of whose snapshots is left and that is not described. */
    private final @Nullable ClusterCoverage[] byNumber;
    private final List<ClusterCoverage> clusters;
    private final Instant now;
    private final DrPolicy policy;
    /** The slots of the fleet's snapshots this report leaves out ({@link #without}). */
    private final BitSet removed;

    private CoverageReport(FleetIndex index, @Nullable ClusterCoverage[] byNumber, Instant now, DrPolicy policy,
                           BitSet removed) {
        this.index = index;
        this.byNumber = byNumber;
        List<ClusterCoverage> inOrder = new ArrayList<>(byNumber.length);
        for (int id : index.order) {
            ClusterCoverage c = byNumber[id];
            if (c != null) {
                inOrder.add(c);
            }
        }
        this.clusters = Collections.unmodifiableList(inOrder);
        this.now = now;
        this.policy = policy;
        this.removed = removed;
    }

    /** Computes coverage of {@code fleet} under {@code policy} as of {@code now}. */
    public static CoverageReport of(Fleet fleet, DrPolicy policy, Instant now) {
        Objects.requireNonNull(policy, "policy");
        FleetIndex index = FleetIndex.of(fleet);
        BitSet none = new BitSet();
        @Nullable ClusterCoverage[] byNumber = new ClusterCoverage[index.clusterCount()];
        for (int id = 0; id < byNumber.length; id++) {
            byNumber[id] = cluster(index, id, none, policy, now);
        }
        return new CoverageReport(index, byNumber, now, policy, none);
    }

    /**
     * Coverage once the {@code removed} snapshots (ARNs) are gone, every other snapshot still counted for the cluster
     * it belongs to now: what is known of a copy's cluster does not change when an intermediate copy is deleted.
     */
    public CoverageReport without(Set<String> more) {
        BitSet slots = new BitSet(index.size());
        for (String arn : more) {
            int slot = index.slotOf(arn);
            if (slot >= 0) {
                slots.set(slot);
            }
        }
        return without(slots);
    }

    /**
     * {@link #without(Set)} by slot. A cluster's coverage is a function of its settings, the snapshots attributed
     * to it, the policy, the instant and the fleet's listed places and deprecated versions; only the second differs
     * between this report and the result, and only for the clusters a removed snapshot belonged to. So those
     * clusters are computed again from their remaining snapshots, and every other one is this report's, unchanged
     * by construction (not assumed to be unharmed: none of its inputs changed).
     */
    CoverageReport without(BitSet more) {
        BitSet gone = (BitSet) removed.clone();
        gone.or(more);
        BitSet affected = new BitSet(byNumber.length);
        for (int slot = more.nextSetBit(0); slot >= 0; slot = more.nextSetBit(slot + 1)) {
            int id = index.cluster(slot);
            if (id >= 0) {
                affected.set(id);
            }
        }
        @Nullable ClusterCoverage[] next = byNumber.clone();
        for (int id = affected.nextSetBit(0); id >= 0; id = affected.nextSetBit(id + 1)) {
            next[id] = cluster(index, id, gone, policy, now);
        }
        return new CoverageReport(index, next, now, policy, gone);
    }

    /** Cluster {@code id}'s coverage from its snapshots not {@code gone}; null when none is left and not described. */
    private static @Nullable ClusterCoverage cluster(FleetIndex index, int id, BitSet gone, DrPolicy policy,
                                                     Instant now) {
        Builder b = new Builder(index.keys.get(id), index.settings(id));
        for (int i : index.members(id)) {
            if (!gone.get(index.slot(i))) {
                b.add(index.snapshots.get(i), Objects.requireNonNull(index.place(i)));
            }
        }
        return b.settings == null && b.count == 0 ? null : b.build(index.fleet, policy, now);
    }

    FleetIndex index() {
        return index;
    }

    /** Every cluster once, ordered by account, region, engine and identifier. */
    public List<ClusterCoverage> clusters() {
        return clusters;
    }

    public Instant now() {
        return now;
    }

    /** The cluster a snapshot belongs to; empty for snapshots other accounts share with this one. */
    public Optional<ClusterKey> clusterOf(Snapshot snapshot) {
        Attribution.Place p = place(snapshot);
        return p == null ? Optional.empty() : Optional.of(p.cluster());
    }

    /** True when {@code snapshot} is a copy of its cluster's snapshot in another region or account. */
    public boolean isCopyElsewhere(Snapshot snapshot) {
        Attribution.Place p = place(snapshot);
        return p != null && !p.own();
    }

    private Attribution.@Nullable Place place(Snapshot snapshot) {
        int slot = index.slotOf(snapshot.arn());
        return slot < 0 ? null : index.place(slot);
    }


    public long count(ClusterCoverage.Status status) {
        return clusters.stream().filter(c -> c.status() == status).count();
    }

    private static final class Builder {
        private final ClusterKey key;
        private @Nullable ClusterSettings settings;
        private @Nullable Snapshot own;
        private @Nullable Snapshot region;
        private @Nullable Snapshot account;
        private int count;

        Builder(ClusterKey key, @Nullable ClusterSettings settings) {
            this.key = key;
            this.settings = settings;
        }

        void add(Snapshot s, Attribution.Place p) {
            count++;
            if (s.status().state() != SnapshotState.AVAILABLE) {
                return;
            }
            if (p.own()) {
                own = Attribution.newer(own, s);
            }
            if (p.otherRegion()) {
                region = Attribution.newer(region, s);
            }
            if (p.otherAccount()) {
                account = Attribution.newer(account, s);
            }
        }

        ClusterCoverage build(Fleet fleet, DrPolicy policy, Instant now) {
            ClusterCoverage.Existence existence = settings != null ? ClusterCoverage.Existence.EXISTS
                    : fleet.listedLocations().contains(key.location()) ? ClusterCoverage.Existence.ORPHANED
                    : ClusterCoverage.Existence.UNKNOWN;
            List<ClusterCoverage.Reason> reasons = new ArrayList<>();
            ClusterCoverage.Status status = policy.ruleFor(key.engine().family()).map(rule -> {
                check(reasons, false, rule.regionHours(), region, now);
                check(reasons, true, rule.accountHours(), account, now);
                if (reasons.stream().anyMatch(r -> r instanceof ClusterCoverage.Reason.Missing)) {
                    return ClusterCoverage.Status.UNCOVERED;
                }
                return reasons.isEmpty() ? ClusterCoverage.Status.COVERED : ClusterCoverage.Status.AT_RISK;
            }).orElse(ClusterCoverage.Status.NO_POLICY);
            return new ClusterCoverage(key, existence, settings, own, region, account, status, reasons,
                    findings(fleet), count);
        }

        private static void check(List<ClusterCoverage.Reason> reasons, boolean accountCopy, @Nullable Integer hours,
                                  @Nullable Snapshot newest, Instant now) {
            if (hours == null) {
                return;
            }
            Duration age = ClusterCoverage.age(newest, now);
            if (newest == null || age == null) {
                reasons.add(new ClusterCoverage.Reason.Missing(accountCopy, hours));
            } else if (age.compareTo(Duration.ofHours(hours)) > 0) {
                reasons.add(new ClusterCoverage.Reason.TooOld(accountCopy, age, hours));
            }
        }

        private List<ClusterCoverage.Finding> findings(Fleet fleet) {
            ClusterSettings c = settings;
            if (c == null) {
                return List.of();
            }
            List<ClusterCoverage.Finding> findings = new ArrayList<>();
            if (Boolean.FALSE.equals(c.copyTagsToSnapshot())) {
                findings.add(new ClusterCoverage.Finding.CopyTagsOff(c.copyTagsCommand()));
            }
            Integer days = c.backupRetentionDays();
            if (days != null && days < ClusterSettings.MIN_RETENTION_DAYS) {
                findings.add(new ClusterCoverage.Finding.ShortRetention(days));
            }
            String version = c.engineVersion();
            if (version != null && fleet.deprecated().contains(new Fleet.EngineVersion(key.engine(), version))) {
                findings.add(new ClusterCoverage.Finding.DeprecatedVersion(version));
            }
            return findings;
        }
    }
}
