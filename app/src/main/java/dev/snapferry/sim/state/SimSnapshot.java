package dev.snapferry.sim.state;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot in the simulator. Mutable, and only touched while holding the lock of the {@link RegionState} that
 * owns it: its phase, its transfer, its tags and the accounts it is shared with.
 */
public final class SimSnapshot {

    public enum Phase {
        CREATING,
        COPYING,
        AVAILABLE
    }

    private final SnapshotSpec spec;
    private final Map<String, String> tags = new LinkedHashMap<>();
    /** Account ids allowed to restore it; {@code all} makes it public. */
    private final Set<String> restoreAccounts = new LinkedHashSet<>();
    private Phase phase;
    private @Nullable Transfer transfer;
    private @Nullable String cachedFragment;
    private @Nullable Phase cachedPhase;
    private int cachedPercent;
    private @Nullable String cachedType;
    private Map<String, String> cachedTags = Map.of();
    private Set<String> cachedRestore = Set.of();

    public SimSnapshot(SnapshotSpec spec, Phase phase, @Nullable Transfer transfer) {
        this.spec = spec;
        this.phase = phase;
        this.transfer = transfer;
    }

    public SnapshotSpec spec() {
        return spec;
    }

    public Phase phase() {
        return phase;
    }

    public @Nullable Transfer transfer() {
        return transfer;
    }

    void setTransfer(@Nullable Transfer transfer) {
        this.transfer = transfer;
    }

    void complete() {
        phase = Phase.AVAILABLE;
        transfer = null;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public Set<String> restoreAccounts() {
        return restoreAccounts;
    }

    public boolean isPublic() {
        return restoreAccounts.contains("all");
    }

    public boolean isSharedWith(String accountId) {
        return restoreAccounts.contains(accountId);
    }

    /**
     * The reply fragment for this snapshot as seen with {@code type}, rendered by {@code render} only when
     * something it shows changed since the last rendering: phase, progress, type, tags or sharing. Call under the
     * region's lock.
     */
    public String rendered(Instant now, String ownerAccountId, String type,
                           java.util.function.Function<SnapshotView, String> render) {
        int percent = percent(now);
        if (cachedFragment != null && cachedPhase == phase && cachedPercent == percent && type.equals(cachedType)
                && tags.equals(cachedTags) && restoreAccounts.equals(cachedRestore)) {
            return cachedFragment;
        }
        SnapshotView view = view(now, ownerAccountId);
        cachedFragment = render.apply(view);
        cachedPhase = phase;
        cachedPercent = percent;
        cachedType = type;
        cachedTags = view.tags();
        cachedRestore = view.restoreAccounts();
        return cachedFragment;
    }

    public int percent(Instant now) {
        return phase == Phase.AVAILABLE ? 100 : transfer == null ? 0 : transfer.percent(now);
    }

    /** A consistent copy for rendering outside the lock. */
    public SnapshotView view(Instant now, String ownerAccountId) {
        // Keeps insertion order: AWS lists tags in the order they were added.
        return new SnapshotView(spec, phase, percent(now), Collections.unmodifiableMap(new LinkedHashMap<>(tags)),
                Collections.unmodifiableSet(new LinkedHashSet<>(restoreAccounts)), ownerAccountId);
    }
}
