package dev.snapferry.core.audit;

import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the browser shows: the engine families and snapshot types switched on, the quick audit filters (all must
 * hold), and a search whose words must each appear, ignoring case, in the identifier, cluster, a tag key or value,
 * or the KMS key alias.
 *
 * @param tagPolicy the tags every snapshot must carry, for {@link QuickFilter#MISSING_REQUIRED_TAGS}
 */
public record SnapshotQuery(Set<EngineFamily> engines, Set<SnapshotType> types, Set<QuickFilter> quickFilters,
                            String search, TagPolicy tagPolicy) {

    public SnapshotQuery {
        // EnumSets: a row's engine and type are then bit tests, which matters at 100,000 rows a keystroke.
        engines = Collections.unmodifiableSet(engines.isEmpty() ? EnumSet.noneOf(EngineFamily.class)
                : EnumSet.copyOf(engines));
        types = Collections.unmodifiableSet(types.isEmpty() ? EnumSet.noneOf(SnapshotType.class)
                : EnumSet.copyOf(types));
        quickFilters = Collections.unmodifiableSet(quickFilters.isEmpty() ? EnumSet.noneOf(QuickFilter.class)
                : EnumSet.copyOf(quickFilters));
        search = Objects.requireNonNull(search, "search");
        Objects.requireNonNull(tagPolicy, "tagPolicy");
    }

    private static final int ALL_ENGINES = EngineFamily.values().length;
    private static final int ALL_TYPES = SnapshotType.values().length;

    /** Everything, no search. */
    public static SnapshotQuery all(TagPolicy tagPolicy) {
        return new SnapshotQuery(EnumSet.allOf(EngineFamily.class), EnumSet.allOf(SnapshotType.class),
                Set.of(), "", tagPolicy);
    }

    public SnapshotQuery withSearch(String text) {
        return new SnapshotQuery(engines, types, quickFilters, text, tagPolicy);
    }

    /** The lower-cased words of the search; empty when there is nothing to search for. */
    public List<String> searchWords() {
        String trimmed = search.strip().toLowerCase(Locale.ROOT);
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    /**
     * True when {@code snapshot} passes every criterion.
     *
     * @param haystack {@link #haystack(Snapshot)} of the snapshot, computed once and kept by the caller
     */
    public boolean matches(Snapshot snapshot, String haystack, List<String> words) {
        if ((engines.size() < ALL_ENGINES && !engines.contains(snapshot.engine().family()))
                || (types.size() < ALL_TYPES && !types.contains(snapshot.type()))) {
            return false;
        }
        if (!passesQuickFilters(snapshot)) {
            return false;
        }
        for (String word : words) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public boolean matches(Snapshot snapshot) {
        return matches(snapshot, haystack(snapshot), searchWords());
    }

    /** True when {@code snapshot} passes every quick filter that is on. */
    public boolean passesQuickFilters(Snapshot snapshot) {
        for (QuickFilter filter : quickFilters) {
            if (!passes(filter, snapshot)) {
                return false;
            }
        }
        return true;
    }

    private boolean passes(QuickFilter filter, Snapshot s) {
        return switch (filter) {
            case UNENCRYPTED -> !s.storageEncrypted();
            case AWS_MANAGED_KEY -> s.storageEncrypted() && s.awsManagedKey();
            // Tags that could not be read are not known to miss anything: the audit counts them as not checked.
            case MISSING_REQUIRED_TAGS -> !s.isUnknown(Snapshot.Detail.TAGS) && !tagPolicy.compliant(s);
            case SHARED_OR_PUBLIC -> s.isForeign();
            case IN_PROGRESS -> s.status().state().isInProgress();
        };
    }

    /**
     * The text a search looks in: identifier, cluster, tag keys and values, and KMS alias, lower-cased and separated
     * by a character no search word contains, so words never match across two fields.
     */
    public static String haystack(Snapshot s) {
        StringBuilder text = new StringBuilder(64 + 24 * s.tags().size());
        text.append(s.identifier()).append('\n');
        if (s.clusterIdentifier() != null) {
            text.append(s.clusterIdentifier()).append('\n');
        }
        for (Tag tag : s.tags()) {
            text.append(tag.key()).append('\n').append(tag.value()).append('\n');
        }
        if (s.kmsKeyAlias() != null) {
            text.append(s.kmsKeyAlias());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
