package dev.snapferry.core.model;

import static dev.snapferry.core.model.SnapshotFixtures.EU_WEST_1;
import static dev.snapferry.core.model.SnapshotFixtures.NOW;
import static dev.snapferry.core.model.SnapshotFixtures.ownAccount;
import static dev.snapferry.core.model.SnapshotFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CopyJobTest {

    private static final CopyRequest REQUEST = new CopyRequest(snapshot().build(), ownAccount(), EU_WEST_1,
            "dr-copy", null, true, List.of());
    private static final JobFailure THROTTLED = new JobFailure("copy.failed.throttled", "Throttling", "Rate exceeded");

    private static Instant later(int seconds) {
        return NOW.plusSeconds(seconds);
    }

    @Test
    void newJobWaitsInTheClientQueue() {
        CopyJob job = CopyJob.waiting(REQUEST, NOW);
        assertEquals(JobState.WAITING, job.state());
        assertEquals(0, job.percent());
        assertEquals(NOW, job.createdAt());
        assertEquals(NOW, job.updatedAt());
        assertNull(job.submittedAt());
        assertNull(job.targetArn());
        assertNull(job.failure());
    }

    @Test
    void submittingRecordsTheSubmissionTimeOnce() {
        CopyJob submitting = CopyJob.waiting(REQUEST, NOW).withState(JobState.SUBMITTING, 0, later(5));
        assertEquals(later(5), submitting.submittedAt());
        CopyJob again = submitting.withState(JobState.SUBMITTING, 0, later(9));
        assertEquals(later(5), again.submittedAt());
        assertEquals(later(9), again.updatedAt());
    }

    @Test
    void acceptedCopyIsQueuedByAwsWithItsTargetArn() {
        String arn = "arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:dr-copy";
        CopyJob job = CopyJob.waiting(REQUEST, NOW).withState(JobState.SUBMITTING, 0, later(1)).submitted(arn,
                later(2));
        assertEquals(JobState.QUEUED_BY_AWS, job.state());
        assertEquals(arn, job.targetArn());
        assertEquals(later(1), job.submittedAt());
        CopyJob copying = job.withState(JobState.COPYING, 40, later(30));
        assertEquals(arn, copying.targetArn());
        assertEquals(40, copying.percent());
    }

    @Test
    void transitionsKeepIdentityAndCreationTime() {
        CopyJob job = CopyJob.waiting(REQUEST, NOW);
        CopyJob next = job.withState(JobState.COPYING, 10, later(60));
        assertEquals(job.id(), next.id());
        assertEquals(NOW, next.createdAt());
        assertEquals(later(60), next.updatedAt());
        assertEquals(REQUEST, next.request());
    }

    @Test
    void failedJobCarriesItsFailure() {
        CopyJob failed = CopyJob.waiting(REQUEST, NOW).withState(JobState.COPYING, 30, later(1))
                .failed(THROTTLED, later(2));
        assertEquals(JobState.FAILED, failed.state());
        assertEquals(THROTTLED, failed.failure());
        assertEquals(30, failed.percent());
        assertTrue(failed.state().isFinal());
    }

    @Test
    void failedStateWithoutFailureIsRefused() {
        CopyJob job = CopyJob.waiting(REQUEST, NOW);
        assertThrows(IllegalArgumentException.class, () -> job.withState(JobState.FAILED, 0, later(1)));
        assertThrows(IllegalArgumentException.class, () -> new CopyJob(UUID.randomUUID(), REQUEST, JobState.FAILED,
                0, NOW, NOW, null, null, null));
    }

    @Test
    void percentOutOfRangeIsRefused() {
        CopyJob job = CopyJob.waiting(REQUEST, NOW);
        assertThrows(IllegalArgumentException.class, () -> job.withState(JobState.COPYING, 101, later(1)));
        assertThrows(IllegalArgumentException.class, () -> job.withState(JobState.COPYING, -1, later(1)));
    }

    @Test
    void leavingFailedStateDropsTheFailure() {
        CopyJob retried = CopyJob.waiting(REQUEST, NOW).failed(THROTTLED, later(1))
                .withState(JobState.WAITING, 0, later(2));
        assertNull(retried.failure());
    }

    @ParameterizedTest
    @EnumSource(JobState.class)
    void finalStatesHoldNoCopySlot(JobState state) {
        assertFalse(state.isFinal() && state.holdsCopySlot(), state.name());
    }

    @Test
    void copySlotsAreHeldFromSubmissionUntilAwsFinishes() {
        List<JobState> holding = new ArrayList<>();
        for (JobState state : JobState.values()) {
            if (state.holdsCopySlot()) {
                holding.add(state);
            }
        }
        assertEquals(List.of(JobState.SUBMITTING, JobState.COPYING, JobState.QUEUED_BY_AWS, JobState.CANCELLING),
                holding);
    }

    @Test
    void requestKnowsWhetherItIsCrossRegion() {
        assertTrue(REQUEST.isCrossRegion());
        assertEquals(Engine.AURORA_MYSQL, REQUEST.engine());
    }
}
