package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import java.util.Objects;

/**
 * A cluster as coverage counts it: where it lives (the account and region that own its own snapshots), its engine
 * and its identifier. Clusters that no longer exist keep a key: their snapshots name them.
 */
public record ClusterKey(String accountId, RegionRef region, Engine engine, String identifier)
        implements Comparable<ClusterKey> {


    public ClusterKey {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(identifier, "identifier");
    }

    /** The account and region, as one text: where the cluster's own snapshots are kept. */
    public Location location() {
        return new Location(accountId, region);
    }

    @Override
    public int compareTo(ClusterKey other) {
        int c = accountId.compareTo(other.accountId);
        if (c == 0) {
            c = region.compareTo(other.region);
        }
        if (c == 0) {
            c = engine.compareTo(other.engine);
        }
        return c != 0 ? c : identifier.compareTo(other.identifier);
    }

    @Override
    public String toString() {
        return accountId + "/" + region + "/" + identifier;
    }

    /** An account and region: where snapshots are kept and quotas counted. */
    public record Location(String accountId, RegionRef region) {
        public Location {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(region, "region");
        }
    }
}
