package dev.snapferry.ui.browser;

import dev.snapferry.core.audit.SnapshotQuery;
import dev.snapferry.core.model.Snapshot;
import java.util.Objects;

/**
 * One table row: the snapshot and the lower-cased text a search looks in, computed once so that filtering
 * 100,000 rows on a keystroke is a plain substring test per row.
 */
public final class SnapshotRow {

    private final Snapshot snapshot;
    private final String haystack;

    public SnapshotRow(Snapshot snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.haystack = SnapshotQuery.haystack(snapshot);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    String haystack() {
        return haystack;
    }

    @Override
    public String toString() {
        return snapshot.arn();
    }
}
