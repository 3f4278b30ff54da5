package dev.snapferry.ui.browser;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.audit.QuickFilter;
import dev.snapferry.core.audit.SnapshotQuery;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.ui.catalog.SnapshotCatalog;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.IndexFilteredList;
import dev.snapferry.ui.common.TaskHandle;
import dev.snapferry.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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

    /**
     * Tables of this many rows or more are matched off the FX thread: below it, matching takes less than a
     * millisecond, less than handing it over would.
     */
    public static final int OFF_THREAD_FROM = 20_000;


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

    private final IndexFilteredList<SnapshotRow> visible;
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
    private final TaskRunner tasks;
    /** Tables of this many rows or more are matched off the FX thread. */
    private final int offThreadFrom;
    private final ReadOnlyBooleanWrapper matching = new ReadOnlyBooleanWrapper(this, "matching");
    /** Counts applications of the filters (FX thread; read by the matching thread to stop superseded work). */
    private volatile long generations;
    private @Nullable TaskHandle running;
    /** The filtered list's source (every row, in the table's order) as of {@link #rowsInOrderVersion}. */
    private SnapshotRow @Nullable [] rowsInOrder;
    private long rowsInOrderVersion = -1;
    /**
     * The numbers of {@link #rowsInOrder}'s rows, position by position, under a {@link SnapshotCatalog#numbering()}:
     * the matching thread reads a row's remembered answer from them without reaching for the row itself, which at
     * 100,000 rows scattered in memory is most of the time of a query answered from memory. Made by the matching
     * thread, for the array it matches.
     */
    private final AtomicReference<@Nullable Numbers> numbersInOrder = new AtomicReference<>();

    private record Numbers(SnapshotRow[] rows, long numbering, int[] numbers) {
    }

    /** The search texts of {@link #rowsInOrder}'s rows, one after another, made by the matching thread. */
    private final AtomicReference<@Nullable SearchText> searchTextInOrder = new AtomicReference<>();
    private long policyVersion;
    private long restrictions;

    /**
     * @param tasks         matches large tables in the background
     * @param offThreadFrom tables of this many rows or more are matched off the FX thread
     */
    SnapshotFilter(IndexFilteredList<SnapshotRow> visible, SnapshotCatalog catalog, TaskRunner tasks, int offThreadFrom) {
        this.visible = Objects.requireNonNull(visible, "visible");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.offThreadFrom = offThreadFrom;
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

    /**
     * True while a query of a large table is being matched in the background: the table still shows the last
     * answer until it lands.
     */
    public ReadOnlyBooleanProperty matchingProperty() {
        return matching.getReadOnlyProperty();
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

    /**
     * What one application of the filters tests a row against: read on the FX thread from the switches and the
     * search field, then used wherever the rows are matched.
     */
    private record Criteria(boolean[] engineOn, boolean[] typeOn, boolean quick, SnapshotQuery query,
                            String[] words, @Nullable Restriction only, String key, long numbering) {

        /** True when the words alone decide: every engine and type shown, no quick filter, no restriction. */
        boolean wordsOnly() {
            for (boolean on : engineOn) {
                if (!on) {
                    return false;
                }
            }
            for (boolean on : typeOn) {
                if (!on) {
                    return false;
                }
            }
            return !quick && only == null;
        }

        boolean test(SnapshotRow row) {
            return engineOn[row.familyOrdinal()] && typeOn[row.typeOrdinal()] && containsAll(row, words)
                    && (!quick || query.passesQuickFilters(row.snapshot()))
                    && (only == null || only.ids().contains(Audit.id(row.snapshot())));
        }
    }

    private Criteria criteria() {
        SnapshotQuery query = query();
        boolean[] engineOn = new boolean[EngineFamily.values().length];
        query.engines().forEach(f -> engineOn[f.ordinal()] = true);
        boolean[] typeOn = new boolean[SnapshotType.values().length];
        query.types().forEach(t -> typeOn[t.ordinal()] = true);
        Restriction only = restriction.get();
        long numbering = catalog.numbering();
        String key = query.engines() + "|" + query.types() + "|" + query.quickFilters() + "|"
                + policyVersion + "|" + (only == null ? "" : only.number()) + "|" + numbering;
        return new Criteria(engineOn, typeOn, !query.quickFilters().isEmpty(), query,
                query.searchWords().toArray(String[]::new), only, key, numbering);
    }

    /**
     * Applies the filters as they stand. A large table is matched off the FX thread, on a copy of its rows, and
     * the answer is applied in one step when it lands (a newer query cancels an older one still running); a
     * small one is matched here and now, which is quicker than the hand-over.
     */
    private void apply() {
        Criteria criteria = criteria();
        long generation = ++generations;
        if (running != null) {
            running.cancel();
            running = null;
        }
        if (catalog.rows().size() < offThreadFrom) {
            Answers answers;
            synchronized (this.answers) {
                answers = match(criteria, catalog.rows(), null, generation, null);
            }
            show(criteria, answers);
            matching.set(false);
            return;
        }
        // The rows in the table's order (the filtered list's source): the answer is also given by position, so
        // that applying it reads no row. Copied once per change of the rows or their order, not per keystroke.
        SnapshotRow[] order = rowsInOrder;
        long version = visible.sourceVersion();
        if (order == null || rowsInOrderVersion != version) {
            order = visible.getSource().toArray(new SnapshotRow[0]);
            rowsInOrder = order;
            rowsInOrderVersion = version;
            // What was made for the rows before goes with them (the texts alone are ~150 bytes a row).
            numbersInOrder.set(null);
            searchTextInOrder.set(null);
        }
        SnapshotRow[] rowsToMatch = order;
        matching.set(true);
        running = tasks.run("search", () -> {
            BitSet byPosition = new BitSet(rowsToMatch.length);
            int[] numbers = numbers(rowsToMatch, criteria.numbering());
            Answers found;
            synchronized (answers) {
                found = matchFresh(criteria, rowsToMatch, numbers, generation, byPosition);
                if (found == null) {
                    found = match(criteria, Arrays.asList(rowsToMatch), numbers, generation, byPosition);
                }
            }
            int[] positions = new int[byPosition.cardinality()];
            int count = 0;
            for (int p = byPosition.nextSetBit(0); p >= 0; p = byPosition.nextSetBit(p + 1)) {
                positions[count++] = p;
            }
            return new Positions(found, version, positions);
        }, found -> {
            if (generation == generations) {
                running = null;
                show(criteria, found);
                matching.set(false);
            }
        }, failure -> {
            if (generation == generations) {
                // Superseded work was cancelled above and never reports; anything else is matched here.
                running = null;
                show(criteria, new Answers(criteria.key(), List.of(), new BitSet(), new BitSet()));
                matching.set(false);
            }
        });
    }

    /**
     * A background match's answer, also by position in the order the rows had when the key was typed (the
     * filtered list's source at {@code version}), ascending.
     */
    private record Positions(Answers answers, long version, int[] matched) {
    }

    /**
     * Matches {@code rows} against {@code criteria}, answering from the remembered queries where they can; called
     * with the memory ({@link #answers}) locked, on whichever thread matches. Stops early, remembering nothing,
     * when a newer query has come.
     *
     * @param byPosition when not null, also gets the answers by the rows' positions in {@code rows}
     */
    private Answers match(Criteria criteria, List<SnapshotRow> rows, int @Nullable [] numbers, long generation,
                          @Nullable BitSet byPosition) {
        List<String> wordList = List.of(criteria.words());
        Answers known = answers.get(criteria.key() + "|" + wordList);
        Answers previous = lastAnswers;
        Answers last = previous != null && previous.criteria().equals(criteria.key()) ? previous
                : new Answers(criteria.key(), List.of(), new BitSet(), new BitSet());
        // With no last answers to refine, nothing is narrower or wider: every row is tested.
        boolean narrower = last != previous ? false : last.words().stream().allMatch(w -> wordList.stream()
                .anyMatch(n -> n.contains(w)));
        boolean wider = last != previous ? false : wordList.stream().allMatch(n -> last.words().stream()
                .anyMatch(w -> w.contains(n)));
        Answers next = known != null ? known
                : new Answers(criteria.key(), wordList, new BitSet(rows.size()), new BitSet(rows.size()));
        // A fresh query of a table twice the size matched off the FX thread (40,000 rows) is split in two.
        if (known == null && byPosition != null && rows.size() >= 2L * offThreadFrom) {
            // A fresh query of a large table: its rows are tested in two halves at once, on two of the runner's
            // workers, each into answers of its own (bit sets are not shared between threads), merged after. The test mostly
            // waits on memory (a row, its text), so two threads nearly halve the time even on two cores.
            int half = rows.size() / 2;
            Range first = new Range(next.seen(), next.matched(), byPosition);
            Range second = new Range(new BitSet(rows.size()), new BitSet(rows.size()), new BitSet(rows.size()));
            try {
                tasks.inParallel(List.<java.util.concurrent.Callable<Range>>of(
                        () -> testRange(criteria, rows, numbers, 0, half, generation, last, narrower, wider,
                                first),
                        () -> testRange(criteria, rows, numbers, half, rows.size(), generation, last, narrower,
                                wider, second)));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            next.seen().or(second.seen());
            next.matched().or(second.matched());
            byPosition.or(second.byPosition());
        } else {
            for (int position = 0, n = rows.size(); position < n; position++) {
                if ((position & 0xFFF) == 0 && generation != generations) {
                    throw new java.util.concurrent.CancellationException("superseded by a newer query");
                }
                int index = numbers != null ? numbers[position] : rows.get(position).index();
                if (index < 0) {
                    // Not numbered (yet): tested, never remembered.
                    if (byPosition != null && criteria.test(rows.get(position))) {
                        byPosition.set(position);
                    }
                    continue;
                }
                if (next.seen().get(index)) {
                    if (byPosition != null && next.matched().get(index)) {
                        byPosition.set(position);
                    }
                    continue;
                }
                boolean match = decide(criteria, rows, position, index, last, narrower, wider);
                next.seen().set(index);
                if (match) {
                    next.matched().set(index);
                    if (byPosition != null) {
                        byPosition.set(position);
                    }
                }
            }
        }
        answers.put(criteria.key() + "|" + wordList, next);
        lastAnswers = next;
        return next;
    }

    /**
     * A fresh query of a large table, matched in the search texts of all its rows laid end to end: each word is
     * found by {@code String.indexOf} (a vectorised scan) from one occurrence to the next row, so that the rows
     * are not visited one by one, which at 100,000 rows scattered in memory waits on memory for each. Rows whose
     * texts hold every word are then tested against the other filters (engines, types, quick filters, a
     * restriction), when any is on.
     *
     * @return the answers, or null when the memory of recent queries answers this one (then {@link #match} does)
     */
    private @Nullable Answers matchFresh(Criteria criteria, SnapshotRow[] rows, int[] numbers, long generation,
                                         BitSet byPosition) {
        List<String> wordList = List.of(criteria.words());
        if (answers.get(criteria.key() + "|" + wordList) != null || wordList.isEmpty()) {
            return null;
        }
        SearchText text = searchText(rows);
        BitSet hits = null;
        for (String word : wordList) {
            if (generation != generations) {
                throw new java.util.concurrent.CancellationException("superseded by a newer query");
            }
            BitSet found = text.rowsContaining(word);
            if (hits == null) {
                hits = found;
            } else {
                hits.and(found);
            }
        }
        Objects.requireNonNull(hits, "hits");
        boolean wordsOnly = criteria.wordsOnly();
        Answers next = new Answers(criteria.key(), wordList, new BitSet(rows.length), new BitSet(rows.length));
        for (int position = 0; position < rows.length; position++) {
            boolean match = hits.get(position) && (wordsOnly || criteria.test(rows[position]));
            if (match) {
                byPosition.set(position);
            }
            int index = numbers[position];
            if (index >= 0) {
                next.seen().set(index);
                if (match) {
                    next.matched().set(index);
                }
            }
        }
        answers.put(criteria.key() + "|" + wordList, next);
        lastAnswers = next;
        return next;
    }

    /** The search texts of {@code rows}, one after another: made once per array, read by every fresh query. */
    private SearchText searchText(SnapshotRow[] rows) {
        SearchText known = searchTextInOrder.get();
        if (known != null && known.rows() == rows) {
            return known;
        }
        SearchText made = SearchText.of(rows);
        searchTextInOrder.set(made);
        return made;
    }

    /**
     * Rows' search texts laid end to end, each followed by a line break (which no search word holds, so no word
     * is found across two rows), and where each begins.
     */
    record SearchText(SnapshotRow[] rows, String text, int[] starts) {

        static SearchText of(SnapshotRow[] rows) {
            int length = 0;
            for (SnapshotRow row : rows) {
                length += row.haystack().length() + 1;
            }
            StringBuilder all = new StringBuilder(length);
            int[] starts = new int[rows.length + 1];
            for (int i = 0; i < rows.length; i++) {
                starts[i] = all.length();
                all.append(rows[i].haystack()).append('\n');
            }
            starts[rows.length] = all.length();
            return new SearchText(rows, all.toString(), starts);
        }

        /** The positions of the rows whose text holds {@code word} (lower case, without white space). */
        BitSet rowsContaining(String word) {
            BitSet found = new BitSet(rows.length);
            int row = 0;
            int from = 0;
            while (true) {
                int at = text.indexOf(word, from);
                if (at < 0) {
                    return found;
                }
                while (starts[row + 1] <= at) {
                    row++;
                }
                found.set(row);
                // One occurrence is enough: on to the next row.
                from = starts[row + 1];
            }
        }
    }

    /** Where one thread puts its answers: by row number (seen, matched) and by position. */
    private record Range(BitSet seen, BitSet matched, BitSet byPosition) {
    }

    /** Tests the rows at positions {@code from} to {@code to} of a fresh query, refining the last answers. */
    private Range testRange(Criteria criteria, List<SnapshotRow> rows, int @Nullable [] numbers, int from, int to,
                            long generation, Answers last, boolean narrower, boolean wider, Range into) {
        for (int position = from; position < to; position++) {
            if (((position - from) & 0xFFF) == 0 && generation != generations) {
                throw new java.util.concurrent.CancellationException("superseded by a newer query");
            }
            int index = numbers != null ? numbers[position] : rows.get(position).index();
            if (index < 0) {
                // Not numbered (yet): tested, never remembered.
                if (criteria.test(rows.get(position))) {
                    into.byPosition().set(position);
                }
                continue;
            }
            boolean match = decide(criteria, rows, position, index, last, narrower, wider);
            into.seen().set(index);
            if (match) {
                into.matched().set(index);
                into.byPosition().set(position);
            }
        }
        return into;
    }

    /** A row's answer: from the last query's when this one only narrows or widens it, else tested. */
    private static boolean decide(Criteria criteria, List<SnapshotRow> rows, int position, int index, Answers last,
                                  boolean narrower, boolean wider) {
        if (narrower && last.seen().get(index) && !last.matched().get(index)) {
            return false;
        }
        if (wider && last.seen().get(index) && last.matched().get(index)) {
            return true;
        }
        return criteria.test(rows.get(position));
    }

    /**
     * The numbers of {@code rows}, by position, under {@code numbering}: made once per array and numbering (on the
     * matching thread), read by every query after. A row renumbered meanwhile is caught where the answer is shown,
     * as the numbering it was matched under is no longer the catalog's.
     */
    private int[] numbers(SnapshotRow[] rows, long numbering) {
        Numbers known = numbersInOrder.get();
        if (known != null && known.rows() == rows && known.numbering() == numbering) {
            return known.numbers();
        }
        int[] numbers = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            numbers[i] = rows[i].index();
        }
        numbersInOrder.set(new Numbers(rows, numbering, numbers));
        return numbers;
    }

    /** Puts the answers on the table in one step; a row they never saw (listed since) is tested as it comes. */
    private void show(Criteria criteria, Answers answers) {
        visible.setPredicate(byIndex(criteria, answers));
    }

    /**
     * Puts a background match's answer on the table in one step. The filtered list takes the positions as they are,
     * reading no row, when its source is still the one matched; otherwise (rows listed or re-sorted meanwhile) the
     * rows are answered by their numbers, or tested.
     */
    private void show(Criteria criteria, Positions found) {
        Predicate<SnapshotRow> byIndex = byIndex(criteria, found.answers());
        if (catalog.numbering() != criteria.numbering()) {
            // The rows were numbered afresh while matching: the positions may be of rows since replaced.
            visible.setPredicate(byIndex);
            return;
        }
        visible.showPositions(found.version(), found.matched(), found.matched().length, byIndex);
    }

    private Predicate<SnapshotRow> byIndex(Criteria criteria, Answers answers) {
        long numbering = criteria.numbering();
        return row -> {
            int index = row.index();
            if (index >= 0 && catalog.numbering() == numbering && answers.seen().get(index)) {
                return answers.matched().get(index);
            }
            return criteria.test(row);
        };
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
