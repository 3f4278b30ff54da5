package dev.snapferry.core.jobs;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.Arn;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.JobPlan;
import dev.snapferry.core.model.PlanStage;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.rules.CrossAccountPlanner;
import dev.snapferry.core.rules.CrossAccountPlanner.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link CrossAccountPlanner} plan into the stages of one copy job. The key policy step is not a stage: the
 * wizard settles it with the user before the job is submitted (reading it is a question, changing it needs the
 * user's own confirmation), so the job holds only what it sends by itself.
 */
public final class CopyPlans {

    private CopyPlans() {
    }

    /**
     * @param plan      the planner's steps, without problems
     * @param requested the copy the user asked for: the original source, the destination account and region, the
     *                  target name, key and tags
     * @param owner     the source's owner account, open in the app
     * @param cleanUp   whether the job stops sharing, and deletes an intermediate copy, once the copy is available
     */
    public static JobPlan stages(CrossAccountPlanner.Plan plan, CopyRequest requested, AccountRef owner,
                                 boolean cleanUp) {
        if (!plan.problems().isEmpty()) {
            throw new IllegalArgumentException("a plan with problems cannot run: " + plan.problems());
        }
        Snapshot source = requested.source();
        Snapshot shareable = source;
        @Nullable Snapshot landed = null;
        List<Step.CopyInDestination> destinationCopies = plan.steps().stream()
                .filter(Step.CopyInDestination.class::isInstance).map(Step.CopyInDestination.class::cast).toList();
        List<PlanStage> stages = new ArrayList<>();
        for (Step step : plan.steps()) {
            switch (step) {
                case Step.CopyInOwner copy -> {
                    stages.add(PlanStage.copy(new CopyRequest(source, owner, copy.region(), copy.target(),
                            copy.kmsKeyId(), true, List.of())));
                    shareable = made(source, owner.accountId(), copy.region(), copy.target(), copy.kmsKeyId());
                }
                case Step.Share share -> stages.add(PlanStage.share(owner, share.region(),
                        share.snapshotIdentifier(), share.withAccount()));
                case Step.CheckKeyPolicy check -> {
                    // Settled by the wizard before the job exists.
                }
                case Step.CopyInDestination copy -> {
                    Snapshot from = landed != null && copy.sourceArn().equals(landed.arn()) ? landed : shareable;
                    boolean last = copy == destinationCopies.getLast();
                    CopyRequest request = last ? new CopyRequest(from, requested.destinationAccount(),
                            copy.region(), copy.target(), copy.kmsKeyId(), requested.copyTags(), requested.tags())
                            : new CopyRequest(from, requested.destinationAccount(), copy.region(), copy.target(),
                            copy.kmsKeyId(), true, List.of());
                    stages.add(PlanStage.copy(request));
                    landed = made(from, requested.destinationAccount().accountId(), copy.region(), copy.target(),
                            copy.kmsKeyId());
                }
                case Step.CleanUp clean -> {
                    if (cleanUp) {
                        stages.add(PlanStage.cleanUp(owner, clean.region(), clean.snapshotIdentifier(),
                                clean.sharedWith(), clean.deleteSnapshot()));
                    }
                }
            }
        }
        return new JobPlan(stages, 0);
    }

    /** The snapshot a copy stage will make, as the next stage names it (by ARN) before it exists. */
    private static Snapshot made(Snapshot from, String accountId, RegionRef region, String identifier,
                                 @Nullable String kmsKeyId) {
        Objects.requireNonNull(from, "from");
        return new Snapshot(identifier, Arn.clusterSnapshot(region, accountId, identifier).toString(), accountId,
                region, from.engine(), from.engineVersion(), from.clusterIdentifier(), SnapshotType.MANUAL,
                SnapshotStatus.fromRds("creating", 0), from.createTime(), from.storageEncrypted(),
                kmsKeyId != null ? kmsKeyId : from.kmsKeyId(), from.tags(), from.arn(), from.allocatedStorageGiB(),
                from.storageType(), null, from.awsManagedKey() && kmsKeyId == null);
    }
}
