package dev.snapferry.ui.browser;

import dev.snapferry.core.audit.SnapshotQuery;
import dev.snapferry.core.model.Snapshot;
import java.util.Objects;

/**
 * One table row: the snapshot, and what a keystroke's filter reads, kept in the row itself so that testing
 * 100,000 rows touches one small object and one string each: the engine family and type as ordinals, and the
 * lower-cased search text ({@link SnapshotQuery#haystack}).
 */
public final class SnapshotRow {

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_INDEX =
            new java.util.concurrent.atomic.AtomicInteger();

    private final Snapshot snapshot;
    /** This row object's own number, for remembering filter answers per row in bit sets. Never reused. */
    private final int index = NEXT_INDEX.getAndIncrement();
    private final String haystack;
    private final byte family;
    private final byte type;
    private volatile boolean retired;

    public SnapshotRow(Snapshot snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.haystack = SnapshotQuery.haystack(snapshot);
        this.family = (byte) snapshot.engine().family().ordinal();
        this.type = (byte) snapshot.type().ordinal();
    }

    /**
     * True once the row's region was listed again: a new row now stands for the same snapshot (the View uses
     * this to keep such a row selected through its successor).
     */
    public boolean isRetired() {
        return retired;
    }

    void retire() {
        retired = true;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    int index() {
        return index;
    }

    int familyOrdinal() {
        return family;
    }

    int typeOrdinal() {
        return type;
    }

    /** True when the lower-cased {@code word} occurs in the search text. */
    boolean contains(String word) {
        // String.indexOf is a vectorised intrinsic for one-byte (Latin-1) text, which nearly every haystack is.
        return haystack.contains(word);
    }

    @Override
    public String toString() {
        return snapshot.arn();
    }
}
