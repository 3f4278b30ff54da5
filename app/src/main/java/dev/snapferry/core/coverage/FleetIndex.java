package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A fleet's snapshots numbered once, with where each sits and which cluster it belongs to, so that coverage, the
 * retention planner and the coverage without the planned deletions read arrays instead of hashing ARNs and cluster
 * keys again at every step (100,000 snapshots: the hashing was most of the time).
 *
 * <p>Snapshots are known by their ARN, as AWS knows them: a snapshot listed twice (by its owner, and by an open
 * account it is shared with) is one <em>slot</em>, the index of its first listing, and every listing of it reads the
 * slot's place (the last place found for that ARN, as a map from ARN to place would hold).
 */
final class FleetIndex {

    final Fleet fleet;
    final List<Snapshot> snapshots;
    private final Map<String, Integer> slotByArn;
    /** Per snapshot: the index of the first snapshot with its ARN. */
    private final int[] slot;
    /** Per slot: where the snapshot sits; null for snapshots other accounts share with this one. */
    private final Attribution.@Nullable Place[] places;
    /** Per snapshot: {@link Snapshot#ownerAccountId()}, which parses the ARN. */
    private final String[] owners;
    /** Per snapshot: its cluster's number, -1 when it belongs to none. */
    private final int[] cluster;
    final List<ClusterKey> keys;
    private final List<@Nullable ClusterSettings> settings;
    /** Per cluster number: its snapshots' indices, in the fleet's order. */
    private final int[][] members;
    /** Cluster numbers in the order of their keys. */
    final int[] order;

    private FleetIndex(Fleet fleet) {
        this.fleet = fleet;
        this.snapshots = fleet.snapshots();
        int n = snapshots.size();
        slotByArn = HashMap.newHashMap(n);
        slot = new int[n];
        for (int i = 0; i < n; i++) {
            Integer first = slotByArn.putIfAbsent(snapshots.get(i).arn(), i);
            slot[i] = first == null ? i : first;
        }
        Attribution attribution = new Attribution(snapshots, slotByArn, fleet.clusters());
        places = new Attribution.Place[n];
        owners = new String[n];
        for (int i = 0; i < n; i++) {
            owners[i] = snapshots.get(i).ownerAccountId();
            Attribution.Place p = attribution.place(snapshots.get(i), owners[i]);
            if (p != null) {
                places[slot[i]] = p;
            }
        }
        Map<ClusterKey, Integer> ids = HashMap.newHashMap(fleet.clusters().size() + n / 4);
        keys = new ArrayList<>();
        settings = new ArrayList<>();
        for (ClusterSettings c : fleet.clusters()) {
            settings.set(number(ids, c.key()), c);
        }
        cluster = new int[n];
        int[] counts = new int[fleet.clusters().size() + n];
        ClusterKey last = null;
        int lastId = -1;
        for (int i = 0; i < n; i++) {
            Attribution.Place p = places[slot[i]];
            if (p == null) {
                cluster[i] = -1;
                continue;
            }
            // Copies mostly follow their source in a listing: the cluster of the last one saves a lookup.
            if (!p.cluster().equals(last)) {
                last = p.cluster();
                lastId = number(ids, last);
            }
            cluster[i] = lastId;
            counts[lastId]++;
        }
        members = new int[keys.size()][];
        for (int id = 0; id < members.length; id++) {
            members[id] = new int[counts[id]];
            counts[id] = 0;
        }
        for (int i = 0; i < n; i++) {
            int id = cluster[i];
            if (id >= 0) {
                members[id][counts[id]++] = i;
            }
        }
        order = IntStream.range(0, keys.size()).boxed().sorted((a, b) -> keys.get(a)
                .compareTo(keys.get(b))).mapToInt(Integer::intValue).toArray();
    }

    static FleetIndex of(Fleet fleet) {
        return new FleetIndex(fleet);
    }

    private int number(Map<ClusterKey, Integer> ids, ClusterKey key) {
        Integer id = ids.get(key);
        if (id == null) {
            id = keys.size();
            ids.put(key, id);
            keys.add(key);
            settings.add(null);
        }
        return id;
    }

    int size() {
        return snapshots.size();
    }

    int clusterCount() {
        return keys.size();
    }

    /** The slot of the snapshot with this ARN, or -1 when the fleet has none. */
    int slotOf(String arn) {
        Integer s = slotByArn.get(arn);
        return s == null ? -1 : s;
    }

    int slot(int snapshot) {
        return slot[snapshot];
    }

    /** Where the snapshot at {@code index} sits; null for one shared with this account. */
    Attribution.@Nullable Place place(int snapshot) {
        return places[slot[snapshot]];
    }

    String owner(int snapshot) {
        return owners[snapshot];
    }

    /** The cluster number of the snapshot at {@code index}; -1 for one shared with this account. */
    int cluster(int snapshot) {
        return cluster[snapshot];
    }

    @Nullable ClusterSettings settings(int cluster) {
        return settings.get(cluster);
    }

    int[] members(int cluster) {
        return members[cluster];
    }
}
