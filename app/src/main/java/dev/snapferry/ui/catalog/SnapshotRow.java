package dev.snapferry.ui.catalog;

import dev.snapferry.core.audit.SnapshotQuery;
import dev.snapferry.core.model.Snapshot;
import java.util.Objects;

/**
 * One table row: the snapshot, and what a keystroke's filter reads, kept in the row itself so that testing
 * 100,000 rows touches one small object and one string each: the engine family and type as ordinals, and the
 * lower-cased search text ({@link SnapshotQuery#haystack}).
 */
public final class SnapshotRow {

    private final Snapshot snapshot;
    /**
     * The row's number in its catalog, for remembering filter answers per row in bit sets; -1 until a catalog
     * numbers it. The catalog renumbers its rows densely when retired rows have left too many gaps, so the bit
     * sets stay as large as the table, not as large as every listing ever made.
     */
    private int index = -1;
    private final String haystack;
    /** The identifier in lower case: the same string when it has no capital (RDS identifiers never have one). */
    private final String identifierKey;
    private final byte family;
    private final byte type;
    private volatile boolean retired;

    public SnapshotRow(Snapshot snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.haystack = SnapshotQuery.haystack(snapshot);
        this.identifierKey = snapshot.identifier().toLowerCase(java.util.Locale.ROOT);
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

    /** The row's number in its catalog ({@link SnapshotCatalog#numbering()}), or -1 outside one. */
    public int index() {
        return index;
    }

    void number(int value) {
        index = value;
    }

    /**
     * The identifier in lower case, to sort by: comparing these (a vectorised comparison) gives the order of a
     * case-insensitive comparison of identifiers (which folds each character) at a fraction of its cost.
     */
    public String identifierKey() {
        return identifierKey;
    }

    public int familyOrdinal() {
        return family;
    }

    public int typeOrdinal() {
        return type;
    }

    /**
     * The text a search looks in (identifier, cluster, tags, key alias), lower case, one item a line
     * ({@link dev.snapferry.core.audit.SnapshotQuery#haystack}).
     */
    public String haystack() {
        return haystack;
    }

    /** True when the lower-cased {@code word} occurs in the search text. */
    public boolean contains(String word) {
        // String.indexOf is a vectorised intrinsic for one-byte (Latin-1) text, which nearly every haystack is.
        return haystack.contains(word);
    }

    @Override
    public String toString() {
        return snapshot.arn();
    }
}
