package dev.snapferry.ui.copy;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One account and a few regions in memory, for the step ViewModels' tests: the names taken and the keys of each
 * region are what the test puts there, and the keys' listing can be made to fail.
 */
final class InMemoryCopyGateway implements CopyGateway {

    private final AccountRef account;
    private final List<RegionRef> regions;
    private final Map<RegionRef, Set<String>> taken = new HashMap<>();
    private final List<KmsKey> keys = new ArrayList<>();
    private @Nullable RuntimeException keysFailure;

    InMemoryCopyGateway(AccountRef account, List<RegionRef> regions) {
        this.account = account;
        this.regions = List.copyOf(regions);
    }

    void take(RegionRef region, String name) {
        taken.computeIfAbsent(region, r -> new HashSet<>()).add(name);
    }

    void add(KmsKey key) {
        keys.add(key);
    }

    void failKeys(RuntimeException failure) {
        keysFailure = failure;
    }

    @Override
    public List<AccountRef> accounts() {
        return List.of(account);
    }

    @Override
    public List<RegionRef> regions() {
        return regions;
    }

    @Override
    public Set<String> takenIdentifiers(AccountRef who, RegionRef region, boolean elastic) {
        return Set.copyOf(taken.getOrDefault(region, Set.of()));
    }

    @Override
    public List<KmsKey> keys(AccountRef who, RegionRef region) {
        if (keysFailure != null) {
            throw keysFailure;
        }
        return keys.stream().filter(k -> k.region().equals(region)).toList();
    }

    @Override
    public void start(CopyRequest request) {
        throw new AssertionError("a step's test submits nothing");
    }

    // One account: nothing here is ever copied into another, so no step asks these.

    @Override
    public Set<String> sharedWith(AccountRef owner, dev.snapferry.core.model.Snapshot snapshot) {
        throw new UnsupportedOperationException("one account only");
    }

    @Override
    public String keyPolicy(AccountRef owner, RegionRef region, String keyId) {
        throw new UnsupportedOperationException("one account only");
    }

    @Override
    public void putKeyPolicy(AccountRef owner, RegionRef region, String keyId, String policy) {
        throw new UnsupportedOperationException("one account only");
    }

    @Override
    public void startPlan(CopyRequest request, dev.snapferry.core.model.JobPlan plan) {
        throw new UnsupportedOperationException("one account only");
    }
}
