package dev.snapferry.core.model;

/** The states Snapferry shows for a snapshot, folded from the two APIs' status vocabularies. */
public enum SnapshotState {
    AVAILABLE,
    CREATING,
    COPYING,
    /** AWS accepted a copy but has not started moving data: {@code copying} at 0 %. Not stuck. */
    QUEUED,
    DELETING,
    FAILED,
    /** A status this version does not know; the raw text is kept and shown. */
    OTHER;

    public boolean isInProgress() {
        return this == CREATING || this == COPYING || this == QUEUED;
    }
}
