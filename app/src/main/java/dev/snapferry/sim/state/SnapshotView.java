package dev.snapferry.sim.state;

import java.util.Map;
import java.util.Set;

/** An immutable picture of a snapshot at one instant, taken under its region's lock and rendered outside it. */
public record SnapshotView(SnapshotSpec spec, SimSnapshot.Phase phase, int percent, Map<String, String> tags,
                           Set<String> restoreAccounts, String ownerAccountId) {

    public boolean isPublic() {
        return restoreAccounts.contains("all");
    }
}
