package dev.snapferry.sim.state;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every account's state in every region, created on first use. */
public final class World {

    private final Map<String, RegionState> regions = new ConcurrentHashMap<>();

    public RegionState region(String accountId, String region) {
        return regions.computeIfAbsent(accountId + "/" + region, k -> new RegionState(accountId, region));
    }

    /** The states of one region for every account that has one, in account order. */
    public List<RegionState> inRegion(String region) {
        return regions.values().stream().filter(r -> r.region().equals(region))
                .sorted(Comparator.comparing(RegionState::accountId)).toList();
    }

    public List<RegionState> all() {
        return regions.values().stream()
                .sorted(Comparator.comparing(RegionState::accountId).thenComparing(RegionState::region)).toList();
    }

    public void clear() {
        regions.clear();
    }
}
