package dev.snapferry.core.jobs;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.util.Collection;
import java.util.Map;

/** A backend that passes every call to the live one; tests override the one call they watch or interleave. */
class DelegatingBackend implements CopyBackend {

    private final CopyBackend live;

    DelegatingBackend(CopyBackend live) {
        this.live = live;
    }

    @Override
    public Snapshot copy(CopyRequest request) {
        return live.copy(request);
    }

    @Override
    public Map<String, Snapshot> snapshots(AccountRef account, RegionRef region, boolean elastic) {
        return live.snapshots(account, region, elastic);
    }

    @Override
    public Map<String, Snapshot> targets(AccountRef account, RegionRef region, Collection<String> identifiers,
                                         boolean elastic) {
        return live.targets(account, region, identifiers, elastic);
    }

    @Override
    public java.util.Set<String> sharedWith(AccountRef owner, RegionRef region, String snapshot) {
        return live.sharedWith(owner, region, snapshot);
    }

    @Override
    public void share(AccountRef owner, RegionRef region, String snapshot, Collection<String> add,
                      Collection<String> remove) {
        live.share(owner, region, snapshot, add, remove);
    }

    @Override
    public boolean canReach(AccountRef account) {
        return live.canReach(account);
    }

    @Override
    public void delete(AccountRef account, Snapshot target) {
        live.delete(account, target);
    }
}
