package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every cluster of a fleet, once, with its coverage under a DR policy at one instant; and, for every snapshot of
 * the fleet's own accounts, the cluster it belongs to and where it sits (what the retention planner reads).
 */
public final class CoverageReport {

    private final List<ClusterCoverage> clusters;
    private final Map<String, Attribution.Place> places;
    private final Instant now;
    private final Fleet fleet;
    private final DrPolicy policy;
    /** The ARNs of the fleet's snapshots this report leaves out ({@link #without}). */
    private final java.util.Set<String> removed;

    private CoverageReport(List<ClusterCoverage> clusters, Map<String, Attribution.Place> places, Instant now,
                           Fleet fleet, DrPolicy policy, java.util.Set<String> removed) {
        this.clusters = List.copyOf(clusters);
        this.places = places;
        this.now = now;
        this.fleet = fleet;
        this.policy = policy;
        this.removed = removed;
    }

    /** Computes coverage of {@code fleet} under {@code policy} as of {@code now}. */
    public static CoverageReport of(Fleet fleet, DrPolicy policy, Instant now) {
        Objects.requireNonNull(policy, "policy");
        Attribution attribution = new Attribution(fleet.snapshots(), fleet.clusters());
        Map<String, Attribution.Place> places = new HashMap<>(fleet.snapshots().size() * 2);
        for (Snapshot s : fleet.snapshots()) {
            Attribution.Place p = attribution.place(s);
            if (p != null) {
                places.put(s.arn(), p);
            }
        }
        return build(fleet, policy, now, places);
    }

    /**
     * Coverage once the {@code removed} snapshots (ARNs) are gone, every other snapshot still counted for the cluster
     * it belongs to now: what is known of a copy's cluster does not change when an intermediate copy is deleted.
     * Only the clusters that lose a snapshot are computed again; the others are the same.
     */
    public CoverageReport without(java.util.Set<String> more) {
        java.util.Set<String> gone = new java.util.HashSet<>(removed);
        gone.addAll(more);
        java.util.Set<ClusterKey> affected = new java.util.HashSet<>();
        for (String arn : more) {
            Attribution.Place p = places.get(arn);
            if (p != null) {
                affected.add(p.cluster());
            }
        }
        Map<ClusterKey, Builder> builders = new HashMap<>();
        for (ClusterSettings c : fleet.clusters()) {
            if (affected.contains(c.key())) {
                builders.computeIfAbsent(c.key(), Builder::new).settings = c;
            }
        }
        for (Snapshot s : fleet.snapshots()) {
            Attribution.Place p = places.get(s.arn());
            if (p != null && affected.contains(p.cluster()) && !gone.contains(s.arn())) {
                builders.computeIfAbsent(p.cluster(), Builder::new).add(s, p);
            }
        }
        List<ClusterCoverage> result = new ArrayList<>(clusters.size());
        for (ClusterCoverage c : clusters) {
            if (!affected.contains(c.key())) {
                result.add(c);
                continue;
            }
            Builder b = builders.get(c.key());
            if (b != null) {
                result.add(b.build(fleet, policy, now));
            }
        }
        return new CoverageReport(result, places, now, fleet, policy, gone);
    }

    private static CoverageReport build(Fleet fleet, DrPolicy policy, Instant now,
                                        Map<String, Attribution.Place> places) {
        Map<ClusterKey, Builder> builders = new HashMap<>();
        for (ClusterSettings c : fleet.clusters()) {
            builders.computeIfAbsent(c.key(), Builder::new).settings = c;
        }
        for (Snapshot s : fleet.snapshots()) {
            Attribution.Place p = places.get(s.arn());
            if (p != null) {
                builders.computeIfAbsent(p.cluster(), Builder::new).add(s, p);
            }
        }
        List<ClusterCoverage> result = new ArrayList<>(builders.size());
        for (Builder b : builders.values()) {
            result.add(b.build(fleet, policy, now));
        }
        result.sort(java.util.Comparator.comparing(ClusterCoverage::key));
        return new CoverageReport(result, places, now, fleet, policy, java.util.Set.of());
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
        Attribution.Place p = places.get(snapshot.arn());
        return p == null ? Optional.empty() : Optional.of(p.cluster());
    }

    /** The cluster a snapshot belongs to, or null: {@link #clusterOf} without the Optional, for the planner. */
    @Nullable ClusterKey clusterKey(Snapshot snapshot) {
        Attribution.Place p = places.get(snapshot.arn());
        return p == null ? null : p.cluster();
    }

    /** True when {@code snapshot} is a copy of its cluster's snapshot in another region or account. */
    public boolean isCopyElsewhere(Snapshot snapshot) {
        Attribution.Place p = places.get(snapshot.arn());
        return p != null && !p.own();
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

        Builder(ClusterKey key) {
            this.key = key;
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
