package dev.snapferry.ui.browser;

import dev.snapferry.core.audit.SnapshotQuery;
import dev.snapferry.core.model.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One table row: the snapshot, and what a keystroke's filter reads, kept in the row itself so that testing
 * 100,000 rows touches one small object and one byte array each: the engine family and type as ordinals, and the
 * search text ({@link SnapshotQuery#haystack}) as lower-cased UTF-8, where a substring match on bytes is exactly a
 * substring match on characters.
 */
public final class SnapshotRow {

    private final Snapshot snapshot;
    private final byte[] haystack;
    private final byte family;
    private final byte type;

    public SnapshotRow(Snapshot snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.haystack = SnapshotQuery.haystack(snapshot).getBytes(StandardCharsets.UTF_8);
        this.family = (byte) snapshot.engine().family().ordinal();
        this.type = (byte) snapshot.type().ordinal();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    int familyOrdinal() {
        return family;
    }

    int typeOrdinal() {
        return type;
    }

    /** True when the lower-cased UTF-8 {@code word} occurs in the search text. */
    boolean contains(byte[] word) {
        int last = haystack.length - word.length;
        if (word.length == 0) {
            return true;
        }
        byte first = word[0];
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < word.length; j++) {
                if (haystack[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return snapshot.arn();
    }
}
