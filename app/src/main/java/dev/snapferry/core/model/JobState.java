package dev.snapferry.core.model;

/** The life of a copy job, from the client-side queue to a final state. */
public enum JobState {
    /** In the client-side queue, waiting for one of the destination region's copy slots. */
    WAITING,
    /** Recorded durably; the copy request is being sent. After a crash, resolved by looking for the target. */
    SUBMITTING,
    COPYING,
    /** AWS accepted the copy but reports no progress yet ({@code copying} at 0 %). */
    QUEUED_BY_AWS,
    AVAILABLE,
    FAILED,
    CANCELLING,
    CANCELLED;

    public boolean isFinal() {
        return this == AVAILABLE || this == FAILED || this == CANCELLED;
    }

    /** True while the job holds one of the destination region's copy slots on AWS. */
    public boolean holdsCopySlot() {
        return this == SUBMITTING || this == COPYING || this == QUEUED_BY_AWS || this == CANCELLING;
    }
}
