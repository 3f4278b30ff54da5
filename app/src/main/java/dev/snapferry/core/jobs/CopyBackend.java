package dev.snapferry.core.jobs;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.util.Map;

/**
 * The AWS calls copy jobs make. Each blocks and throws {@code AwsCallException} when AWS refuses; the service
 * decides what is retried.
 */
public interface CopyBackend {

    /** Starts a copy; the new snapshot (its ARN identifies the job's target). */
    Snapshot copy(CopyRequest request);

    /**
     * The account's own snapshots in a region, by lower-cased identifier: one RDS-family describe (all engines) and,
     * when {@code elastic}, one Elastic listing. One call per (account, region) serves every job in flight there.
     */
    Map<String, Snapshot> snapshots(AccountRef account, RegionRef region, boolean elastic);

    /**
     * The snapshots named {@code identifiers} in a region, by lower-cased identifier: one RDS-family describe
     * filtered by those identifiers (all engines of the family) and, when {@code elastic}, one Elastic listing.
     * This is the poll: it asks for the jobs' targets only, however many snapshots the region holds.
     */
    Map<String, Snapshot> targets(AccountRef account, RegionRef region, java.util.Collection<String> identifiers,
                                  boolean elastic);

    /** Deletes a copy's target: how a copy in progress is cancelled. */
    void delete(AccountRef account, Snapshot target);

    /**
     * Who may restore an RDS-family manual snapshot of {@code owner} besides it (its {@code restore} attribute).
     * Throws when the snapshot does not exist.
     */
    java.util.Set<String> sharedWith(AccountRef owner, RegionRef region, String snapshot);

    /** Adds accounts to, and removes them from, the snapshot's {@code restore} attribute (one call). */
    void share(AccountRef owner, RegionRef region, String snapshot, java.util.Collection<String> add,
               java.util.Collection<String> remove);

    /**
     * Whether the account's destination can be asked now (its profile is open). Jobs for an account that is not
     * are left as they are, without a call, until it opens.
     */
    default boolean canReach(AccountRef account) {
        return true;
    }
}
