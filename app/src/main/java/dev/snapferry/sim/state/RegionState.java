package dev.snapferry.sim.state;

import dev.snapferry.sim.aws.Partitions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything one account holds in one region: RDS-family clusters and cluster snapshots (all engines in one
 * namespace, as on AWS), DocumentDB Elastic clusters and snapshots, KMS keys and aliases.
 *
 * <p>All access goes through {@link #update}, which holds this region's lock and first brings transfers up to the
 * given instant, so progress is computed lazily from the simulator's clock and never needs a background thread.
 */
public final class RegionState {

    /** Cross-region copies that move data at the same time into one region of one account; the rest queue. */
    public static final int TRANSFER_SLOTS = 2;

    private final String accountId;
    private final String region;
    private final Map<String, SimCluster> clusters = new TreeMap<>();
    private final Map<String, SimSnapshot> snapshots = new TrackedMap<>();
    private final Map<String, SimCluster> elasticClusters = new TreeMap<>();
    private final Map<String, SimSnapshot> elasticSnapshots = new TrackedMap<>();
    private final Map<String, SimKey> keys = new TreeMap<>();
    private final Map<String, String> aliases = new TreeMap<>();
    private long scannedVersion = -1;
    private List<SimSnapshot> lastTransferring = List.of();
    /** When a transfer slot last freed outside a transfer's end: a copy cancelled by deleting its snapshot. */
    private Instant slotFreedAt = Instant.MIN;

    RegionState(String accountId, String region) {
        this.accountId = accountId;
        this.region = region;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    /** Runs {@code action} under this region's lock, after advancing every transfer to {@code now}. */
    public synchronized <T> T update(Instant now, Function<RegionState, T> action) {
        advance(now);
        return action.apply(this);
    }

    /** {@link #update} for an action that only changes the region, with nothing to return. */
    public synchronized void run(Instant now, Consumer<RegionState> action) {
        advance(now);
        action.accept(this);
    }

    /** RDS-family cluster snapshots by lower-case identifier. Call only inside {@link #update}. */
    public Map<String, SimSnapshot> snapshots() {
        return snapshots;
    }

    /** RDS-family clusters by lower-case identifier. */
    public Map<String, SimCluster> clusters() {
        return clusters;
    }

    /** Elastic snapshots by ARN. */
    public Map<String, SimSnapshot> elasticSnapshots() {
        return elasticSnapshots;
    }

    /** Elastic clusters by ARN. */
    public Map<String, SimCluster> elasticClusters() {
        return elasticClusters;
    }

    /** KMS keys by key id. */
    public Map<String, SimKey> keys() {
        return keys;
    }

    /** KMS aliases ({@code alias/name}) to key id. */
    public Map<String, String> aliases() {
        return aliases;
    }

    /**
     * Removes an RDS-family cluster snapshot (a deletion, which cancels a copy in progress). A transfer slot the
     * copy held frees at {@code at}: a queued copy starts from then, not from when it was requested. Call only
     * inside {@link #update}.
     */
    public @Nullable SimSnapshot removeSnapshot(String key, Instant at) {
        SimSnapshot removed = snapshots.remove(key);
        Transfer transfer = removed == null ? null : removed.transfer();
        if (transfer != null && transfer.waitsForSlot() && transfer.started() && at.isAfter(slotFreedAt)) {
            slotFreedAt = at;
        }
        return removed;
    }

    /** Copies into this region that AWS counts against the concurrent-copy limit. */
    public long copiesInFlight(boolean elastic) {
        return (elastic ? elasticSnapshots : snapshots).values().stream()
                .filter(s -> s.phase() == SimSnapshot.Phase.COPYING).count();
    }

    /**
     * Resolves a key id, key ARN, alias name or alias ARN of this account and region. ARNs carry the partition of
     * the region (a key in cn-north-1 is {@code arn:aws-cn:kms:cn-north-1:...}, in us-gov-west-1
     * {@code arn:aws-us-gov:...}); an ARN of another partition, region or account names no key here.
     */
    public @Nullable SimKey resolveKey(@Nullable String reference) {
        if (reference == null) {
            return null;
        }
        String ref = reference;
        String arnPrefix = "arn:" + Partitions.of(region) + ":kms:" + region + ":" + accountId + ":";
        if (ref.startsWith(arnPrefix)) {
            ref = ref.substring(arnPrefix.length());
            if (ref.startsWith("key/")) {
                ref = ref.substring(4);
            }
        }
        if (ref.startsWith("alias/")) {
            String keyId = aliases.get(ref);
            return keyId == null ? null : keys.get(keyId);
        }
        return keys.get(ref);
    }

    private void advance(Instant now) {
        List<SimSnapshot> transferring = transferring();
        if (transferring.isEmpty()) {
            return;
        }
        // A slot freed by a cancellation is free from that instant on, not from before it.
        Instant eventTime = slotFreedAt;
        while (true) {
            fillSlots(transferring, now, eventTime);
            SimSnapshot first = null;
            Instant firstEnd = null;
            for (SimSnapshot s : transferring) {
                Instant end = moving(s).endsAt();
                if (end != null && !end.isAfter(now) && (firstEnd == null || end.isBefore(firstEnd))) {
                    first = s;
                    firstEnd = end;
                }
            }
            if (first == null || firstEnd == null) {
                return;
            }
            eventTime = firstEnd;
            first.complete();
            transferring.remove(first);
        }
    }

    /**
     * The snapshots with data still moving. Transfers begin only when a snapshot is added and end only in
     * {@link #advance}, so the full scan is needed only after the maps changed; otherwise the last list is filtered.
     */
    private List<SimSnapshot> transferring() {
        long version = ((TrackedMap<?, ?>) snapshots).version() + ((TrackedMap<?, ?>) elasticSnapshots).version();
        List<SimSnapshot> result = new ArrayList<>();
        if (version != scannedVersion) {
            for (SimSnapshot s : snapshots.values()) {
                if (s.transfer() != null) {
                    result.add(s);
                }
            }
            for (SimSnapshot s : elasticSnapshots.values()) {
                if (s.transfer() != null) {
                    result.add(s);
                }
            }
            scannedVersion = version;
        } else {
            for (SimSnapshot s : lastTransferring) {
                if (s.transfer() != null) {
                    result.add(s);
                }
            }
        }
        lastTransferring = List.copyOf(result);
        return result;
    }

    /** Starts waiting transfers, oldest first, while slots are free; a slot frees at {@code freedAt}. */
    private static void fillSlots(List<SimSnapshot> transferring, Instant now, Instant freedAt) {
        long busy = transferring.stream()
                .filter(s -> moving(s).waitsForSlot() && moving(s).started()).count();
        List<SimSnapshot> waiting = transferring.stream()
                .filter(s -> !moving(s).started())
                .sorted(Comparator.comparing((SimSnapshot s) -> moving(s).requestedAt())
                        .thenComparing(s -> s.spec().arn()))
                .toList();
        for (SimSnapshot s : waiting) {
            Transfer t = moving(s);
            if (t.requestedAt().isAfter(now)) {
                continue;
            }
            if (!t.waitsForSlot()) {
                s.setTransfer(t.startAt(t.requestedAt()));
            } else if (busy < TRANSFER_SLOTS) {
                s.setTransfer(t.startAt(t.requestedAt().isAfter(freedAt) ? t.requestedAt() : freedAt));
                busy++;
            }
        }
    }

    /** The transfer of a snapshot from {@link #transferring}: only {@link #advance} ends one, and drops it then. */
    private static Transfer moving(SimSnapshot s) {
        return Objects.requireNonNull(s.transfer(), "a transferring snapshot has a transfer");
    }
}
