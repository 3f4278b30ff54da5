package dev.snapferry.sim.rds;

import dev.snapferry.core.model.Arn;
import dev.snapferry.sim.Caller;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.state.RegionState;
import dev.snapferry.sim.state.SimSnapshot;
import dev.snapferry.sim.state.SnapshotView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds the cluster snapshots a caller can see: its own, and other accounts' shared with it or public. */
final class RdsLookup {

    /** A snapshot as one caller sees it: {@code type} is {@code shared} or {@code public} for others' snapshots. */
    record Visible(SnapshotView view, String type) {
    }

    private final SimContext ctx;

    RdsLookup(SimContext ctx) {
        this.ctx = ctx;
    }

    RegionState own(Caller caller) {
        return ctx.world().region(caller.accountId(), caller.region());
    }

    Instant now() {
        return ctx.clock().now();
    }

    /** The caller's own snapshots in its region. */
    List<Visible> owned(Caller caller) {
        return own(caller).update(now(), r -> {
            List<Visible> result = new ArrayList<>();
            for (SimSnapshot s : r.snapshots().values()) {
                result.add(new Visible(s.view(now(), r.accountId()), s.spec().type()));
            }
            return result;
        });
    }

    /** Other accounts' snapshots in the caller's region, shared with it ({@code shared}) or with all ({@code public}). */
    List<Visible> others(Caller caller, boolean shared, boolean publicOnes) {
        List<Visible> result = new ArrayList<>();
        for (RegionState other : ctx.world().inRegion(caller.region())) {
            if (other.accountId().equals(caller.accountId())) {
                continue;
            }
            other.update(now(), r -> {
                for (SimSnapshot s : r.snapshots().values()) {
                    if (shared && s.isSharedWith(caller.accountId())) {
                        result.add(new Visible(s.view(now(), r.accountId()), "shared"));
                    } else if (publicOnes && s.isPublic()) {
                        result.add(new Visible(s.view(now(), r.accountId()), "public"));
                    }
                }
                return null;
            });
        }
        return result;
    }

    /**
     * Resolves an identifier or ARN the way the RDS API does: a plain identifier names the caller's own snapshot in
     * its region; an ARN may name another account's snapshot that is shared with the caller or public, in
     * {@code allowedRegion} (the caller's region, or any region for the source of a copy when null).
     */
    Located locate(Caller caller, String idOrArn, String allowedRegion) {
        String account = caller.accountId();
        String region = caller.region();
        String id = idOrArn;
        if (idOrArn.startsWith("arn:")) {
            Arn arn = Arn.parse(idOrArn).filter(a -> a.service().equals("rds")
                    && a.resource().startsWith("cluster-snapshot:")).orElseThrow(() ->
                    SimException.invalidParameter("Invalid DB cluster snapshot ARN: " + idOrArn));
            account = arn.accountId();
            region = arn.region();
            id = arn.resource().substring("cluster-snapshot:".length());
            if (allowedRegion != null && !region.equals(allowedRegion)) {
                throw SimException.invalidParameter("The ARN " + idOrArn + " is not in region " + allowedRegion);
            }
        }
        RegionState state = ctx.world().region(account, region);
        String key = id.toLowerCase(Locale.ROOT);
        String owner = account;
        SnapshotView view = state.update(now(), r -> {
            SimSnapshot s = r.snapshots().get(key);
            return s == null ? null : s.view(now(), owner);
        });
        boolean foreign = !account.equals(caller.accountId());
        if (view == null || (foreign && !view.restoreAccounts().contains(caller.accountId()) && !view.isPublic())) {
            throw RdsErrors.snapshotNotFound(idOrArn);
        }
        return new Located(state, view, foreign);
    }

    record Located(RegionState state, SnapshotView view, boolean foreign) {
    }
}
