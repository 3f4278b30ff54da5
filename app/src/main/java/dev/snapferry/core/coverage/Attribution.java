package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Arn;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which cluster each snapshot belongs to, and whether it is kept where the cluster lives or is a copy elsewhere.
 *
 * <p>A copy is followed through {@code SourceDBClusterSnapshotArn} (copy of a copy included) to the snapshot the
 * cluster took. When that source is no longer listed, the copy still names its cluster ({@code DBClusterIdentifier}
 * is carried into copies) and its engine: the source ARN's account and region place it, and without a source ARN
 * (DocumentDB Elastic copies carry none) a described cluster of that name and engine elsewhere does, the same
 * account first. Snapshots shared with this account by others belong to no cluster here: they are not copies, and
 * their owner can withdraw them.
 */
final class Attribution {

    /** Where a snapshot is kept relative to its cluster. */
    record Place(ClusterKey cluster, boolean otherRegion, boolean otherAccount) {
        boolean own() {
            return !otherRegion && !otherAccount;
        }
    }

    private static final int MAX_CHAIN = 16;
    private static final String UNNAMED = "(no cluster name)";

    private final List<Snapshot> snapshots;
    /** The index in {@code snapshots} of the first snapshot with each ARN. */
    private final Map<String, Integer> byArn;
    private final Set<ClusterKey> described = new HashSet<>();
    private final Map<Engine, Map<String, List<ClusterKey>>> describedByName = new java.util.EnumMap<>(Engine.class);

    /**
     * @param byArn the index of the first snapshot with each ARN. Shared snapshots are indexed too: a copy made
     *              from one names it as its source, and following it leads to its owner's cluster all the same.
     */
    Attribution(List<Snapshot> snapshots, Map<String, Integer> byArn, List<ClusterSettings> clusters) {
        this.snapshots = snapshots;
        this.byArn = byArn;
        for (ClusterSettings c : clusters) {
            described.add(c.key());
            describedByName.computeIfAbsent(c.key().engine(), e -> new HashMap<>())
                    .computeIfAbsent(c.key().identifier(), k -> new java.util.ArrayList<>()).add(c.key());
        }
        describedByName.values().forEach(m -> m.values().forEach(l -> l.sort(null)));
    }

    /**
     * Where {@code s} sits relative to its cluster; null for snapshots of other accounts shared with this one.
     *
     * @param owner {@code s.ownerAccountId()}, read from the ARN once by the caller
     */
    @Nullable Place place(Snapshot s, String owner) {
        // Snapshot.isForeign() with that owner.
        if (s.type().isForeign() || !owner.equals(s.accountId())) {
            return null;
        }
        ClusterKey cluster = origin(s);
        return new Place(cluster, !cluster.region().equals(s.region()), !cluster.accountId().equals(owner));
    }

    private ClusterKey origin(Snapshot start) {
        Snapshot s = start;
        for (int hop = 0; hop < MAX_CHAIN; hop++) {
            String source = s.sourceSnapshotArn();
            if (source == null || source.isEmpty()) {
                return withoutSource(s);
            }
            Integer at = byArn.get(source);
            Snapshot from = at == null ? null : snapshots.get(at);
            if (from == null || from == s) {
                return fromGoneSource(s, source);
            }
            s = from;
        }
        return withoutSource(s);
    }

    /** A snapshot naming no source: its cluster where it is kept, unless that cluster lives elsewhere. */
    private ClusterKey withoutSource(Snapshot s) {
        ClusterKey here = new ClusterKey(s.ownerAccountId(), s.region(), s.engine(), name(s));
        if (described.contains(here)) {
            return here;
        }
        List<ClusterKey> elsewhere = named(s.engine(), here.identifier());
        if (elsewhere == null) {
            return here;
        }
        return elsewhere.stream().filter(k -> k.accountId().equals(here.accountId())).findFirst()
                .orElse(elsewhere.getFirst());
    }

    /**
     * A copy whose source is no longer listed. The source ARN names where that source was, which is the cluster's
     * place only when the source was the cluster's own snapshot; a copy of a copy names the first copy. So a
     * described cluster of the copy's name and engine comes first (at the ARN's place, then in the ARN's account,
     * then anywhere), and the ARN's place only when no such cluster is described.
     */
    private ClusterKey fromGoneSource(Snapshot s, String source) {
        Optional<Arn> arn = Arn.parse(source);
        if (arn.isEmpty() || !RegionRef.isValidCode(arn.get().region())
                || !dev.snapferry.core.model.AccountRef.isValidAccountId(arn.get().accountId())) {
            return withoutSource(s);
        }
        ClusterKey there = new ClusterKey(arn.get().accountId(), new RegionRef(arn.get().region()), s.engine(),
                name(s));
        List<ClusterKey> named = named(s.engine(), there.identifier());
        if (named == null || named.contains(there)) {
            return there;
        }
        return named.stream().filter(k -> k.accountId().equals(there.accountId())).findFirst()
                .orElse(named.getFirst());
    }

    private static String name(Snapshot s) {
        String id = s.clusterIdentifier();
        return id == null || id.isBlank() ? UNNAMED : id;
    }

    private @Nullable List<ClusterKey> named(Engine engine, String name) {
        Map<String, List<ClusterKey>> byName = describedByName.get(engine);
        return byName == null ? null : byName.get(name);
    }

    static @Nullable Snapshot newer(@Nullable Snapshot a, Snapshot b) {
        if (a == null) {
            return b;
        }
        if (a.createTime() == null) {
            return b.createTime() == null && b.arn().compareTo(a.arn()) < 0 ? b : b.createTime() != null ? b : a;
        }
        if (b.createTime() == null) {
            return a;
        }
        int c = b.createTime().compareTo(a.createTime());
        return c > 0 || c == 0 && b.arn().compareTo(a.arn()) < 0 ? b : a;
    }
}
