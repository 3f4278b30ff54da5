package dev.snapferry.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A copy the user started, as it moves from the client-side queue to a final state. Immutable: each change
 * makes a new value, which the job history writes durably.
 */
public record CopyJob(
        UUID id,
        CopyRequest request,
        JobState state,
        int percent,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant submittedAt,
        @Nullable String targetArn,
        @Nullable JobFailure failure,
        @Nullable JobPlan plan) {

    public CopyJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100: " + percent);
        }
        if (state == JobState.FAILED && failure == null) {
            throw new IllegalArgumentException("a failed job needs a failure");
        }
    }

    /** A job as histories written before plans existed read it: one copy, no stages. */
    public CopyJob(UUID id, CopyRequest request, JobState state, int percent, Instant createdAt, Instant updatedAt,
                   @Nullable Instant submittedAt, @Nullable String targetArn, @Nullable JobFailure failure) {
        this(id, request, state, percent, createdAt, updatedAt, submittedAt, targetArn, failure, null);
    }

    public static CopyJob waiting(CopyRequest request, Instant now) {
        return new CopyJob(UUID.randomUUID(), request, JobState.WAITING, 0, now, now, null, null, null, null);
    }

    /**
     * A copy into another account run as {@code plan}'s stages; {@code request} is the copy the user asked for
     * (its last copy stage), which the job shows.
     */
    public static CopyJob planned(CopyRequest request, JobPlan plan, Instant now) {
        return new CopyJob(UUID.randomUUID(), request, JobState.WAITING, 0, now, now, null, null, null, plan);
    }

    /**
     * What the job's current stage sends and follows: the stage's copy for a plan at a copy stage, the job's own
     * request otherwise (a plain copy; a plan at a share or clean-up stage, which has no copy of its own).
     */
    public CopyRequest active() {
        return plan != null && plan.stage().kind() == PlanStage.Kind.COPY ? plan.stage().copyRequest() : request;
    }

    /** The account the job's current stage runs in: the copy's destination for a plain job. */
    public AccountRef workingAccount() {
        return plan == null ? request.destinationAccount() : plan.stage().account();
    }

    /** True when the job's current work is a copy (a plain job, or a plan at a copy stage). */
    public boolean atCopy() {
        return plan == null || plan.stage().kind() == PlanStage.Kind.COPY;
    }

    public CopyJob withState(JobState newState, int newPercent, Instant now) {
        Instant submitted = submittedAt == null && newState == JobState.SUBMITTING ? now : submittedAt;
        return new CopyJob(id, request, newState, newPercent, createdAt, now, submitted, targetArn, null, plan);
    }

    public CopyJob submitted(String arn, Instant now) {
        return new CopyJob(id, request, JobState.QUEUED_BY_AWS, 0, createdAt, now, submittedAt, arn, null, plan);
    }

    public CopyJob failed(JobFailure why, Instant now) {
        return new CopyJob(id, request, JobState.FAILED, percent, createdAt, now, submittedAt, targetArn, why, plan);
    }

    /**
     * The plan's next stage, waiting to be sent; the last copy's target stays the job's. Only for a plan that is not
     * at its last stage.
     */
    public CopyJob nextStage(Instant now) {
        if (plan == null || plan.atLastStage()) {
            throw new IllegalStateException("no stage after this one");
        }
        return new CopyJob(id, request, JobState.WAITING, 0, createdAt, now, submittedAt, targetArn, null,
                plan.next());
    }
}
