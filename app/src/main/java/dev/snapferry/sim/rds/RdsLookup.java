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
import org.jspecify.annotations.Nullable;

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

    /**
     * A snapshot the caller may see, not yet copied out of its region: filtering and paging read only its
     * immutable spec, and views are built for the page returned alone.
     */
    record Candidate(RegionState state, SimSnapshot snapshot, String type) {
        dev.snapferry.sim.state.SnapshotSpec spec() {
            return snapshot.spec();
        }
    }

    /**
     * Up to {@code limit} visible snapshots after {@code afterArn} (exclusive; null from the start), in ARN order,
     * that pass {@code keep}. Within one region an ARN is the account's prefix plus the identifier, so walking the
     * accounts in order and each account's snapshots in key order is ARN order: a page costs its own size, not the
     * region's.
     */
    List<Candidate> page(Caller caller, boolean own, boolean shared, boolean publicOnes, @Nullable String afterArn,
                         int limit, java.util.function.Predicate<Candidate> keep) {
        String afterAccount = afterArn == null ? null : afterArn.split(":", 6)[4];
        String afterKey = afterArn == null ? null
                : afterArn.substring(afterArn.indexOf(":cluster-snapshot:") + ":cluster-snapshot:".length());
        List<Candidate> result = new ArrayList<>(Math.min(limit, 128));
        for (RegionState state : ctx.world().inRegion(caller.region())) {
            boolean mine = state.accountId().equals(caller.accountId());
            if ((mine && !own) || (!mine && !shared && !publicOnes)
                    || (afterAccount != null && state.accountId().compareTo(afterAccount) < 0)) {
                continue;
            }
            boolean resume = afterAccount != null && state.accountId().equals(afterAccount);
            boolean full = state.update(now(), r -> {
                var snapshots = (java.util.NavigableMap<String, SimSnapshot>) r.snapshots();
                var from = resume ? snapshots.tailMap(afterKey, false) : snapshots;
                for (SimSnapshot s : from.values()) {
                    String type = mine ? s.spec().type()
                            : shared && s.isSharedWith(caller.accountId()) ? "shared"
                            : publicOnes && s.isPublic() ? "public" : null;
                    if (type == null) {
                        continue;
                    }
                    Candidate c = new Candidate(state, s, type);
                    if (keep.test(c)) {
                        result.add(c);
                        if (result.size() >= limit) {
                            return true;
                        }
                    }
                }
                return false;
            });
            if (full) {
                break;
            }
        }
        return result;
    }

    /** The reply fragments of {@code page}, in order, rendered (or reused) under each region's lock once. */
    List<String> render(List<Candidate> page) {
        java.util.Map<RegionState, List<Candidate>> byState = new java.util.LinkedHashMap<>();
        for (Candidate c : page) {
            byState.computeIfAbsent(c.state(), k -> new ArrayList<>()).add(c);
        }
        java.util.Map<Candidate, String> fragments = new java.util.IdentityHashMap<>();
        byState.forEach((state, candidates) -> state.run(now(), r -> {
            for (Candidate c : candidates) {
                fragments.put(c, c.snapshot().rendered(now(), r.accountId(), c.type(), view -> {
                    dev.snapferry.sim.http.Xml xml = new dev.snapferry.sim.http.Xml();
                    RdsXml.snapshot(xml, view, c.type(), null);
                    return xml.toString();
                }));
            }
        }));
        List<String> result = new ArrayList<>(page.size());
        for (Candidate c : page) {
            result.add(fragments.get(c));
        }
        return result;
    }

    /**
     * Resolves an identifier or ARN the way the RDS API does: a plain identifier names the caller's own snapshot in
     * its region; an ARN may name another account's snapshot that is shared with the caller or public, in
     * {@code allowedRegion} (the caller's region, or any region for the source of a copy when null).
     */
    Located locate(Caller caller, String idOrArn, @Nullable String allowedRegion) {
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
        SnapshotView view = state.update(now(), r -> java.util.Optional.ofNullable(r.snapshots().get(key))
                .map(s -> s.view(now(), owner))).orElse(null);
        boolean foreign = !account.equals(caller.accountId());
        if (view == null || (foreign && !view.restoreAccounts().contains(caller.accountId()) && !view.isPublic())) {
            throw RdsErrors.snapshotNotFound(idOrArn);
        }
        return new Located(state, view, foreign);
    }

    record Located(RegionState state, SnapshotView view, boolean foreign) {
    }
}
