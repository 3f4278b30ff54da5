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
        @Nullable JobFailure failure) {

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

    public static CopyJob waiting(CopyRequest request, Instant now) {
        return new CopyJob(UUID.randomUUID(), request, JobState.WAITING, 0, now, now, null, null, null);
    }

    public CopyJob withState(JobState newState, int newPercent, Instant now) {
        Instant submitted = submittedAt == null && newState == JobState.SUBMITTING ? now : submittedAt;
        return new CopyJob(id, request, newState, newPercent, createdAt, now, submitted, targetArn, null);
    }

    public CopyJob submitted(String arn, Instant now) {
        return new CopyJob(id, request, JobState.QUEUED_BY_AWS, 0, createdAt, now, submittedAt, arn, null);
    }

    public CopyJob failed(JobFailure why, Instant now) {
        return new CopyJob(id, request, JobState.FAILED, percent, createdAt, now, submittedAt, targetArn, why);
    }
}
