package dev.snapferry.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stage of a copy into another account, as its job runs it: a copy (in the owner's account to a shareable
 * snapshot, or in the destination account from the shared one), the share of a snapshot with the destination
 * account, or the clean-up once the copy is available. One flat record rather than a type per kind, so that the
 * job history (JSON) reads back exactly what it wrote.
 *
 * @param kind       what the stage does
 * @param account    the account it runs in
 * @param region     the region it runs in
 * @param snapshot   the snapshot it shares or cleans up (a copy stage: its target)
 * @param copy       the copy it sends (copy stages only)
 * @param withAccount the account the snapshot is shared with (share and clean-up stages)
 * @param deleteSnapshot whether the clean-up deletes {@code snapshot} (an intermediate copy the plan made)
 */
public record PlanStage(Kind kind, AccountRef account, RegionRef region, String snapshot, @Nullable CopyRequest copy,
                        @Nullable String withAccount, boolean deleteSnapshot) {

    public enum Kind {
        COPY, SHARE, CLEAN_UP
    }

    public PlanStage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(snapshot, "snapshot");
        if (kind == Kind.COPY && copy == null) {
            throw new IllegalArgumentException("a copy stage needs its copy");
        }
        if (kind != Kind.COPY && withAccount == null) {
            throw new IllegalArgumentException("a " + kind + " stage needs the account shared with");
        }
    }

    public static PlanStage copy(CopyRequest request) {
        return new PlanStage(Kind.COPY, request.destinationAccount(), request.destinationRegion(),
                request.targetIdentifier(), request, null, false);
    }

    public static PlanStage share(AccountRef owner, RegionRef region, String snapshot, String withAccount) {
        return new PlanStage(Kind.SHARE, owner, region, snapshot, null, withAccount, false);
    }

    public static PlanStage cleanUp(AccountRef owner, RegionRef region, String snapshot, String sharedWith,
                                    boolean deleteSnapshot) {
        return new PlanStage(Kind.CLEAN_UP, owner, region, snapshot, null, sharedWith, deleteSnapshot);
    }

    /** The copy of a copy stage. */
    public CopyRequest copyRequest() {
        if (copy == null) {
            throw new IllegalStateException(kind + " stage has no copy");
        }
        return copy;
    }
}
