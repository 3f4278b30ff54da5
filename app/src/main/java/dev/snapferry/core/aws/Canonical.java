package dev.snapferry.core.aws;

import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.Tag;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One shared instance of every value that repeats across snapshots: account ids, engine versions, clusters, key
 * ids and aliases, statuses, tags and whole tag lists. A listing of 100,000 snapshots parses each into a fresh
 * object; keeping one copy of each is most of what a row would otherwise hold. Bounded by the distinct values seen,
 * which are few compared to the rows.
 */
final class Canonical {

    private final Map<String, String> strings = new ConcurrentHashMap<>();
    private final Map<Tag, Tag> tags = new ConcurrentHashMap<>();
    private final Map<List<Tag>, List<Tag>> tagLists = new ConcurrentHashMap<>();
    private final Map<SnapshotStatus, SnapshotStatus> statuses = new ConcurrentHashMap<>();

    String string(String value) {
        return strings.computeIfAbsent(value, v -> v);
    }

    /** {@link #string} for the fields AWS may leave out. */
    @Nullable String nullableString(@Nullable String value) {
        return value == null ? null : string(value);
    }

    Tag tag(String key, String value) {
        Tag tag = new Tag(string(key), string(value));
        return tags.computeIfAbsent(tag, t -> t);
    }

    List<Tag> tags(List<Tag> list) {
        return list.isEmpty() ? List.of() : tagLists.computeIfAbsent(List.copyOf(list), l -> l);
    }

    SnapshotStatus status(SnapshotStatus status) {
        return statuses.computeIfAbsent(status, s -> s);
    }
}
