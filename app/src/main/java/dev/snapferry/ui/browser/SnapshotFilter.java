package dev.snapferry.ui.browser;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.audit.QuickFilter;
import dev.snapferry.core.audit.SnapshotQuery;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.ui.catalog.SnapshotCatalog;
import dev.snapferry.ui.catalog.SnapshotRow;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;
import org.jspecify.annotations.Nullable;

/**
 * The browser's filters (engines, types, audit quick filters, search, a limit to an audit chart's slice) and the
 * predicate they put on the table's rows.
 *
 * <p>The predicate reads the row's own ordinals and search text; it goes to the snapshot only for the audit quick
 * filters. Same answers as {@link SnapshotQuery#matches}. Typing and erasing mostly revisit or refine the last
 * query, so answers are remembered per row (in bit sets by {@link SnapshotRow#index()}) for the last few queries: a
 * query seen before answers from memory; one that only adds to the last one's words tests only the rows that
 * matched it; one that only removes from them tests only the rows that did not. A row the remembered query never
 * saw (a region listed since) is tested; so is every row once the catalog has numbered its rows afresh.
 */
public final class SnapshotFilter {

    public static final List<String> DEFAULT_REQUIRED_TAGS = List.of("Environment", "Owner", "CostCenter");

    /**
     * A limit on the rows shown: exactly the snapshots whose {@link Audit#id id} is in {@code ids}.
     *
     * @param label  what the limit is, in the user's words ("Unencrypted in us-east-1")
     * @param number distinguishes two limits with the same label
     */
    public record Restriction(String label, Set<String> ids, long number) {
    }

    /** What a query answered for each row it saw: bit {@code index} of {@code matched} for row {@code index}. */
    private record Answers(String criteria, List<String> words, BitSet seen, BitSet matched) {
    }

    private final FilteredList<SnapshotRow> visible;
    private final SnapshotCatalog catalog;
    private final Map<EngineFamily, BooleanProperty> engines = new EnumMap<>(EngineFamily.class);
    private final Map<SnapshotType, BooleanProperty> types = new EnumMap<>(SnapshotType.class);
    private final Map<QuickFilter, BooleanProperty> quickFilters = new EnumMap<>(QuickFilter.class);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<TagPolicy> tagPolicy = new SimpleObjectProperty<>(this, "tagPolicy",
            TagPolicy.requiring(DEFAULT_REQUIRED_TAGS));
    private final ObjectProperty<@Nullable Restriction> restriction = new SimpleObjectProperty<>(this,
            "restriction");
    /** The answers of the last queries, newest last; a few dozen kilobytes each at 100,000 rows. */
    private final Map<String, Answers> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answers> eldest) {
            return size() > 12;
        }
    };
    private @Nullable Answers lastAnswers;
    private long policyVersion;
    private long restrictions;

    SnapshotFilter(FilteredList<SnapshotRow> visible, SnapshotCatalog catalog) {
        this.visible = Objects.requireNonNull(visible, "visible");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        // A policy's text could be spelt two ways; a number cannot: each policy the user sets is a new one.
        // (An invalidation listener added first: it runs before the query below is applied.)
        tagPolicy.addListener(o -> policyVersion++);
        List<Observable> criteria = new ArrayList<>(List.of(search, tagPolicy, restriction));
        for (EngineFamily family : EngineFamily.values()) {
            engines.put(family, new SimpleBooleanProperty(this, family.name(), true));
            criteria.add(engines.get(family));
        }
        for (SnapshotType type : SnapshotType.values()) {
            types.put(type, new SimpleBooleanProperty(this, type.name(), true));
            criteria.add(types.get(type));
        }
        for (QuickFilter filter : QuickFilter.values()) {
            quickFilters.put(filter, new SimpleBooleanProperty(this, filter.name(), false));
            criteria.add(quickFilters.get(filter));
        }
        criteria.forEach(c -> c.addListener(o -> apply()));
        apply();
    }

    // The three maps hold a switch for every constant of their enum, made in the constructor.
    public BooleanProperty engineProperty(EngineFamily family) {
        return Objects.requireNonNull(engines.get(family));
    }

    public BooleanProperty typeProperty(SnapshotType type) {
        return Objects.requireNonNull(types.get(type));
    }

    public BooleanProperty quickFilterProperty(QuickFilter filter) {
        return Objects.requireNonNull(quickFilters.get(filter));
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The tags every snapshot must carry: the "missing required tags" filter and the audit use it. */
    public ObjectProperty<TagPolicy> tagPolicyProperty() {
        return tagPolicy;
    }

    /** The slice of snapshots (an audit chart's) the table is limited to; null when it is not limited. */
    public ReadOnlyObjectProperty<@Nullable Restriction> restrictionProperty() {
        return restriction;
    }

    /**
     * Shows exactly the snapshots with these {@link Audit#id ids}: every other filter is reset (all engines and
     * types, no quick filter, no search) so that none hides one of them, until {@link #clearRestriction()}.
     */
    public void showOnly(String label, Collection<String> ids) {
        search.set("");
        engines.values().forEach(p -> p.set(true));
        types.values().forEach(p -> p.set(true));
        quickFilters.values().forEach(p -> p.set(false));
        restriction.set(new Restriction(label, Set.copyOf(ids), ++restrictions));
    }

    public void clearRestriction() {
        restriction.set(null);
    }

    /** The current query, as the filters and search stand. */
    public SnapshotQuery query() {
        return new SnapshotQuery(on(engines), on(types), on(quickFilters), search.get() == null ? "" : search.get(),
                tagPolicy.get());
    }

    private static <K> Set<K> on(Map<K, BooleanProperty> switches) {
        return switches.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private void apply() {
        SnapshotQuery query = query();
        boolean[] engineOn = new boolean[EngineFamily.values().length];
        query.engines().forEach(f -> engineOn[f.ordinal()] = true);
        boolean[] typeOn = new boolean[SnapshotType.values().length];
        query.types().forEach(t -> typeOn[t.ordinal()] = true);
        boolean quick = !query.quickFilters().isEmpty();
        List<String> wordList = query.searchWords();
        String[] words = wordList.toArray(String[]::new);
        Restriction only = restriction.get();
        long numbering = catalog.numbering();
        String criteria = query.engines() + "|" + query.types() + "|" + query.quickFilters() + "|"
                + policyVersion + "|" + (only == null ? "" : only.number()) + "|" + numbering;
        Answers known = answers.get(criteria + "|" + wordList);
        Answers previous = lastAnswers;
        Answers last = previous != null && previous.criteria().equals(criteria) ? previous
                : new Answers(criteria, List.of(), new BitSet(), new BitSet());
        // With no last answers to refine, nothing is narrower or wider: every row is tested.
        boolean narrower = last != previous ? false : last.words().stream().allMatch(w -> wordList.stream()
                .anyMatch(n -> n.contains(w)));
        boolean wider = last != previous ? false : wordList.stream().allMatch(n -> last.words().stream()
                .anyMatch(w -> w.contains(n)));
        Answers next = known != null ? known : new Answers(criteria, wordList, new BitSet(), new BitSet());
        visible.setPredicate(row -> {
            int index = row.index();
            boolean remembered = index >= 0 && catalog.numbering() == numbering;
            if (remembered && next.seen().get(index)) {
                return next.matched().get(index);
            }
            boolean match;
            if (remembered && narrower && last.seen().get(index) && !last.matched().get(index)) {
                match = false;
            } else if (remembered && wider && last.seen().get(index) && last.matched().get(index)) {
                match = true;
            } else {
                match = engineOn[row.familyOrdinal()] && typeOn[row.typeOrdinal()] && containsAll(row, words)
                        && (!quick || query.passesQuickFilters(row.snapshot()))
                        && (only == null || only.ids().contains(Audit.id(row.snapshot())));
            }
            if (remembered) {
                next.seen().set(index);
                if (match) {
                    next.matched().set(index);
                }
            }
            return match;
        });
        answers.put(criteria + "|" + wordList, next);
        lastAnswers = next;
    }

    private static boolean containsAll(SnapshotRow row, String[] words) {
        for (String word : words) {
            if (!row.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
