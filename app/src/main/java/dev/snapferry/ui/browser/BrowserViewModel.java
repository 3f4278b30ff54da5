package dev.snapferry.ui.browser;

import dev.snapferry.core.audit.QuickFilter;
import dev.snapferry.core.audit.SnapshotQuery;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.export.SnapshotExport;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.rules.TagSpec;
import dev.snapferry.core.storage.AtomicFiles;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.UiThread;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot browser: every snapshot of every open account and selected region in one list, narrowed by engine,
 * type, audit quick filters and search, with the state of each region for the status bar.
 *
 * <p>Each region's rows replace that region's previous rows the moment it answers; a region that fails keeps the
 * rows it had, so a failure never empties the table. Filtering reads a view over the sorted rows, so a keystroke
 * never re-sorts.
 */
public final class BrowserViewModel {

    public static final List<String> DEFAULT_REQUIRED_TAGS = List.of("Environment", "Owner", "CostCenter");

    private final SnapshotSource source;
    private final SnapshotActions actions;
    private final AccountCatalog catalog;
    private final java.util.function.Function<dev.snapferry.core.model.Engine, TagSpec> tagSpecs;
    private final UiThread ui;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ErrorPresenter errors;

    private final ObservableList<SnapshotRow> rows = FXCollections.observableArrayList();
    private final SortedList<SnapshotRow> sorted = new SortedList<>(rows, newestFirst());
    private final FilteredList<SnapshotRow> visible = new FilteredList<>(sorted);
    /** Rows are kept in contiguous segments, one per account and region, in this order. */
    private final Map<String, Integer> segments = new LinkedHashMap<>();
    private final ObservableList<RegionStatus> statuses = FXCollections.observableArrayList();
    private final ObservableList<RegionRef> regions = FXCollections.observableArrayList();
    private final ObservableList<RegionRef> availableRegions = FXCollections.observableArrayList();
    private final Map<EngineFamily, BooleanProperty> engines = new EnumMap<>(EngineFamily.class);
    private final Map<SnapshotType, BooleanProperty> types = new EnumMap<>(SnapshotType.class);
    private final Map<QuickFilter, BooleanProperty> quickFilters = new EnumMap<>(QuickFilter.class);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private long policyVersion;
    private final ObjectProperty<TagPolicy> tagPolicy = new SimpleObjectProperty<>(this, "tagPolicy",
            TagPolicy.requiring(DEFAULT_REQUIRED_TAGS));
    private final ObjectProperty<@Nullable Restriction> restriction = new SimpleObjectProperty<>(this,
            "restriction");
    private final BooleanProperty includePublic = new SimpleBooleanProperty(this, "includePublic", false);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObjectProperty<@Nullable SnapshotRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<AccountChoice> accountChoices = FXCollections.observableArrayList();
    private final ObservableList<String> profileFileProblems = FXCollections.observableArrayList();
    private final ObservableList<String> openAccounts = FXCollections.observableArrayList();
    private final ObservableList<String> openingAccounts = FXCollections.observableArrayList();
    /** The answers of the last queries, newest last; a few dozen kilobytes each at 100,000 rows. */
    private final Map<String, Answers> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answers> eldest) {
            return size() > 12;
        }
    };
    private @Nullable Answers lastAnswers;
    private long generation;
    private @Nullable CompletableFuture<?> running;
    private long restrictions;

    /**
     * @param catalog  the accounts the user can open and close; {@link AccountCatalog#fixed} for none
     * @param tagSpecs each engine's tag rules (from the capability matrix)
     */
    public BrowserViewModel(SnapshotSource source, SnapshotActions actions, AccountCatalog catalog,
                            java.util.function.Function<dev.snapferry.core.model.Engine, TagSpec> tagSpecs,
                            UiThread ui, TaskRunner tasks, DialogService dialogs, Messages messages) {
        this.source = Objects.requireNonNull(source, "source");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.tagSpecs = Objects.requireNonNull(tagSpecs, "tagSpecs");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        openAccounts.setAll(catalog.open().stream().sorted().toList());
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
        criteria.forEach(c -> c.addListener(o -> applyQuery()));
        total.bind(Bindings.size(rows));
        shown.bind(Bindings.size(visible));
        applyQuery();
    }

    /** The rows the table shows: filtered, in the order of {@link #comparatorProperty()}. */
    public ObservableList<SnapshotRow> visibleRows() {
        return visible;
    }

    /** The sort order; the table's sort policy sets it. */
    public ObjectProperty<Comparator<? super SnapshotRow>> comparatorProperty() {
        return sorted.comparatorProperty();
    }

    public ObservableList<RegionStatus> regionStatuses() {
        return statuses;
    }

    /** The regions listed on refresh. */
    public ObservableList<RegionRef> regions() {
        return regions;
    }

    /** The regions the user can pick from: the partition's, plus any selected one it lacks. */
    public ObservableList<RegionRef> availableRegions() {
        return availableRegions;
    }

    /** Selects exactly {@code chosen} (kept in the order of {@link #availableRegions()}) and lists again. */
    public void chooseRegions(java.util.Collection<RegionRef> chosen) {
        List<RegionRef> ordered = availableRegions.stream().filter(chosen::contains).toList();
        List<RegionRef> extra = chosen.stream().filter(r -> !availableRegions.contains(r)).sorted().toList();
        List<RegionRef> next = new ArrayList<>(ordered);
        next.addAll(extra);
        if (!next.equals(regions)) {
            regions.setAll(next);
            refresh();
        }
    }

    public BooleanProperty engineProperty(EngineFamily family) {
        return engines.get(family);
    }

    public BooleanProperty typeProperty(SnapshotType type) {
        return types.get(type);
    }

    public BooleanProperty quickFilterProperty(QuickFilter filter) {
        return quickFilters.get(filter);
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The tags every snapshot must carry: the "missing required tags" filter and the audit use it. */
    public ObjectProperty<TagPolicy> tagPolicyProperty() {
        return tagPolicy;
    }

    /**
     * Snapshots chosen elsewhere (an audit chart's slice) that the table is limited to, on top of the filters;
     * null when the table is not limited.
     */
    public ReadOnlyObjectProperty<@Nullable Restriction> restrictionProperty() {
        return restriction;
    }

    /**
     * Shows exactly the snapshots with these {@link dev.snapferry.core.audit.Audit#id ids}: every other filter is reset (all engines and types, no quick
     * filter, no search) so that none hides one of them, and the table says what it is limited to until
     * {@link #clearRestriction()}.
     */
    public void showOnly(String label, java.util.Collection<String> ids) {
        search.set("");
        engines.values().forEach(p -> p.set(true));
        types.values().forEach(p -> p.set(true));
        quickFilters.values().forEach(p -> p.set(false));
        restriction.set(new Restriction(label, java.util.Set.copyOf(ids), ++restrictions));
    }

    public void clearRestriction() {
        restriction.set(null);
    }

    /** Every snapshot listed, in listing order, whatever the filters: what the audit looks at. */
    public ObservableList<SnapshotRow> allRows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /**
     * A limit on the rows shown: exactly the snapshots whose {@link dev.snapferry.core.audit.Audit#id id} is in
     * {@code ids}.
     *
     * @param label  what the limit is, in the user's words ("Unencrypted in us-east-1")
     * @param number distinguishes two limits with the same label
     */
    public record Restriction(String label, java.util.Set<String> ids, long number) {
    }

    public BooleanProperty includePublicProperty() {
        return includePublic;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The last thing the browser wants the user to know (an export written, a refresh cancelled). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObjectProperty<@Nullable SnapshotRow> selectedProperty() {
        return selected;
    }

    /** The current query, as the filters and search stand. */
    public SnapshotQuery query() {
        return new SnapshotQuery(
                engines.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet()),
                types.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet()),
                quickFilters.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet()),
                search.get() == null ? "" : search.get(), tagPolicy.get());
    }

    /** AWS files that could not be read when the profiles were last read (their profiles are not offered). */
    public ObservableList<String> profileFileProblems() {
        return profileFileProblems;
    }

    /** What the account picker offers: the demo and every profile, as last read. */
    public ObservableList<AccountChoice> accountChoices() {
        return accountChoices;
    }

    /** The ids of the open choices (profile names, or {@link AccountCatalog#DEMO}). */
    public ObservableList<String> openAccounts() {
        return openAccounts;
    }

    /** Choices being opened right now (asking AWS who the user is, perhaps waiting for an MFA code). */
    public ObservableList<String> openingAccounts() {
        return openingAccounts;
    }

    /** False when the accounts were fixed at start and the picker has nothing to offer. */
    public boolean canChooseAccounts() {
        return catalog.changeable();
    }

    /** Reads the profiles again, off the UI thread, so that one added to the AWS files shows up. */
    public void reloadAccountChoices() {
        tasks.run("read AWS profiles", () -> Map.entry(catalog.choices(), catalog.fileProblems()), read -> {
            profileFileProblems.setAll(read.getValue());
            accountChoices.setAll(read.getKey());
        }, error -> message.set(messages.get("browser.accounts.readFailed", errors.describe(error))));
    }

    /**
     * Opens and closes accounts so that exactly {@code chosen} are open, then lists again. Opening runs in the
     * background, one choice at a time as each answers; a choice that cannot be opened says why and stays closed.
     */
    public void chooseAccounts(java.util.Collection<String> chosen) {
        List<String> closing = openAccounts.stream().filter(id -> !chosen.contains(id)).toList();
        List<String> opening = chosen.stream().filter(id -> !openAccounts.contains(id)
                && !openingAccounts.contains(id)).distinct().toList();
        for (String id : closing) {
            catalog.close(id);
            openAccounts.remove(id);
        }
        if (!closing.isEmpty()) {
            refresh();
        }
        for (String id : opening) {
            openingAccounts.add(id);
            message.set(messages.get("browser.accounts.opening", label(id)));
            tasks.run("open " + id, () -> {
                catalog.open(id);
                return id;
            }, opened -> {
                openingAccounts.remove(id);
                openAccounts.add(opened);
                message.set(messages.get("browser.accounts.opened", label(id)));
                refresh();
            }, error -> {
                openingAccounts.remove(id);
                message.set("");
                dialogs.showError(messages.get("browser.accounts.failed.title", label(id)),
                        error instanceof AccountCatalog.AccountOpenException ? errors.describe(error)
                                : messages.get("browser.accounts.failed", label(id), errors.describe(error)));
            });
        }
    }

    /** How a choice is named to the user. */
    public String label(String choice) {
        return AccountCatalog.DEMO.equals(choice) ? messages.get("browser.accounts.demo") : choice;
    }

    /**
     * Lists every open account in every selected region again. Rows stay until their region answers; a refresh
     * started while another runs replaces it, and the older one's late answers are ignored.
     */
    public void refresh() {
        List<AccountRef> accounts = source.accounts();
        List<RegionRef> wanted = List.copyOf(regions);
        if (running != null) {
            running.cancel(true);
        }
        long current = ++generation;
        List<RegionStatus> next = new ArrayList<>();
        for (AccountRef account : accounts) {
            for (RegionRef region : wanted) {
                RegionStatus previous = status(account, region).orElse(null);
                next.add(new RegionStatus(account, region, RegionStatus.State.LOADING,
                        previous == null ? 0 : previous.count(), null, 0));
            }
        }
        statuses.setAll(next);
        dropSegmentsNotIn(next);
        loading.set(!next.isEmpty());
        message.set("");
        running = source.list(accounts, wanted, includePublic.get(), result -> ui.execute(() -> apply(result,
                current)));
        running.whenComplete((done, error) -> ui.execute(() -> {
            if (current == generation) {
                loading.set(false);
            }
        }));
    }

    /** Lists one account and region again (after a copy was started there, say), when it is being shown. */
    public void listAgain(String accountId, RegionRef region) {
        statuses.stream().filter(st -> st.account().accountId().equals(accountId) && st.region().equals(region))
                .findFirst().ifPresent(this::retry);
    }

    /**
     * Shows a copy's progress as its job last saw it, without listing the region again: the row of the snapshot
     * named {@code arn} (if shown) takes the new status. Unknown ARNs are ignored.
     */
    public void showProgress(Map<String, dev.snapferry.core.model.SnapshotStatus> byArn) {
        if (byArn.isEmpty()) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            Snapshot s = rows.get(i).snapshot();
            dev.snapferry.core.model.SnapshotStatus status = byArn.get(s.arn());
            if (status != null && !status.equals(s.status())) {
                SnapshotRow replaced = new SnapshotRow(s.withStatus(status));
                boolean wasSelected = selected.get() == rows.get(i);
                rows.set(i, replaced);
                if (wasSelected) {
                    selected.set(replaced);
                }
            }
        }
    }

    /** Says what finished elsewhere (the copy wizard), in the status bar. */
    public void tell(String text) {
        message.set(text);
    }

    /** Lists one account and region again, after it failed. */
    public void retry(RegionStatus status) {
        long current = generation;
        replaceStatus(new RegionStatus(status.account(), status.region(), RegionStatus.State.LOADING,
                status.count(), null, 0));
        source.list(List.of(status.account()), List.of(status.region()), includePublic.get(),
                result -> ui.execute(() -> apply(result, current)));
    }

    private void apply(RegionResult result, long fromGeneration) {
        if (fromGeneration != generation) {
            return;
        }
        String key = result.account().accountId() + "/" + result.region().code();
        switch (result) {
            case RegionResult.Loaded loaded -> {
                List<SnapshotRow> fresh = new ArrayList<>(loaded.snapshots().size());
                loaded.snapshots().forEach(s -> fresh.add(new SnapshotRow(s)));
                if (loaded.warnings().stream().anyMatch(w -> w.service().equals("docdb-elastic"))) {
                    // The Elastic listing failed (throttled, denied) while the rest answered: the Elastic rows
                    // this region had stay until a listing can say what became of them.
                    Set<String> answered = new HashSet<>();
                    loaded.snapshots().forEach(s -> answered.add(s.arn()));
                    segmentRows(key).stream().map(SnapshotRow::snapshot)
                            .filter(s -> s.engine().family() == EngineFamily.DOCUMENTDB_ELASTIC)
                            .filter(s -> !answered.contains(s.arn()))
                            .forEach(s -> fresh.add(new SnapshotRow(s)));
                }
                replaceSegment(key, fresh);
                replaceStatus(new RegionStatus(result.account(), result.region(), RegionStatus.State.LOADED,
                        fresh.size(), null, loaded.warnings().size()));
            }
            case RegionResult.Failed failed -> replaceStatus(new RegionStatus(result.account(), result.region(),
                    RegionStatus.State.FAILED, segments.getOrDefault(key, 0), errors.describe(failed.failure()), 0));
        }
    }

    private List<SnapshotRow> segmentRows(String key) {
        int offset = 0;
        for (var entry : segments.entrySet()) {
            if (entry.getKey().equals(key)) {
                return List.copyOf(rows.subList(offset, offset + entry.getValue()));
            }
            offset += entry.getValue();
        }
        return List.of();
    }

    private void replaceSegment(String key, List<SnapshotRow> fresh) {
        int offset = 0;
        for (var entry : segments.entrySet()) {
            if (entry.getKey().equals(key)) {
                break;
            }
            offset += entry.getValue();
        }
        int old = segments.getOrDefault(key, 0);
        SnapshotRow kept = selected.get();
        if (old > 0) {
            if (!fresh.isEmpty()) {
                // Replaced by a new listing, not dropped: the view keeps their selection on the successors.
                rows.subList(offset, offset + old).forEach(SnapshotRow::retire);
            }
            rows.remove(offset, offset + old);
        }
        rows.addAll(offset, fresh);
        segments.put(key, fresh.size());
        if (kept != null && key.equals(kept.snapshot().accountId() + "/" + kept.snapshot().region().code())) {
            // The region's rows are new objects: keep the user's selection on the same snapshot.
            String arn = kept.snapshot().arn();
            fresh.stream().filter(r -> r.snapshot().arn().equals(arn)).findFirst().ifPresent(selected::set);
        }
    }

    private void dropSegmentsNotIn(List<RegionStatus> keep) {
        List<String> keys = keep.stream().map(RegionStatus::key).toList();
        for (String key : List.copyOf(segments.keySet())) {
            if (!keys.contains(key)) {
                replaceSegment(key, List.of());
                segments.remove(key);
            }
        }
    }

    private void replaceStatus(RegionStatus status) {
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).key().equals(status.key())) {
                statuses.set(i, status);
                return;
            }
        }
        statuses.add(status);
    }

    private Optional<RegionStatus> status(AccountRef account, RegionRef region) {
        String key = account.accountId() + "/" + region.code();
        return statuses.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * Filters the rows by the current query. The predicate reads the row's own ordinals and search text; it goes to
     * the snapshot only for the audit quick filters. Same answers as {@link SnapshotQuery#matches(Snapshot)}.
     *
     * <p>Typing and erasing mostly revisit or refine the last query, so answers are remembered per row (in bit sets
     * by {@link SnapshotRow#index()}) for the last few queries: a query seen before answers from memory; a query
     * that only adds to the last one's words tests only the rows that matched it; one that only removes from them
     * tests only the rows that did not. A row the remembered query never saw (a region listed since) is tested.
     */
    private void applyQuery() {
        SnapshotQuery query = query();
        boolean[] engineOn = new boolean[EngineFamily.values().length];
        query.engines().forEach(f -> engineOn[f.ordinal()] = true);
        boolean[] typeOn = new boolean[SnapshotType.values().length];
        query.types().forEach(t -> typeOn[t.ordinal()] = true);
        boolean quick = !query.quickFilters().isEmpty();
        List<String> wordList = query.searchWords();
        String[] words = wordList.toArray(String[]::new);
        Restriction only = restriction.get();
        String criteria = query.engines() + "|" + query.types() + "|" + query.quickFilters() + "|"
                + policyVersion + "|" + (only == null ? "" : only.number());
        Answers known = answers.get(criteria + "|" + wordList);
        Answers last = lastAnswers != null && lastAnswers.criteria().equals(criteria) ? lastAnswers : null;
        boolean narrower = last != null && last.words().stream().allMatch(w -> wordList.stream()
                .anyMatch(n -> n.contains(w)));
        boolean wider = last != null && wordList.stream().allMatch(n -> last.words().stream()
                .anyMatch(w -> w.contains(n)));
        Answers next = known != null ? known : new Answers(criteria, wordList, new java.util.BitSet(),
                new java.util.BitSet());
        visible.setPredicate(row -> {
            int index = row.index();
            if (next.seen().get(index)) {
                return next.matched().get(index);
            }
            boolean match;
            if (narrower && last.seen().get(index) && !last.matched().get(index)) {
                match = false;
            } else if (wider && last.seen().get(index) && last.matched().get(index)) {
                match = true;
            } else {
                match = engineOn[row.familyOrdinal()] && typeOn[row.typeOrdinal()] && containsAll(row, words)
                        && (!quick || query.passesQuickFilters(row.snapshot()))
                        && (only == null || only.ids().contains(dev.snapferry.core.audit.Audit.id(row.snapshot())));
            }
            next.seen().set(index);
            if (match) {
                next.matched().set(index);
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

    /** What a query answered for each row it saw: bit {@code index} of {@code matched} for row {@code index}. */
    private record Answers(String criteria, List<String> words, java.util.BitSet seen, java.util.BitSet matched) {
    }

    /** The AWS CLI command that describes {@code snapshot}, as the user would type it. */
    public String describeCommand(Snapshot snapshot) {
        StringBuilder cli = new StringBuilder("aws ");
        switch (snapshot.engine().family()) {
            case DOCUMENTDB_ELASTIC -> cli.append("docdb-elastic get-cluster-snapshot --snapshot-arn ")
                    .append(snapshot.arn());
            case DOCUMENTDB, NEPTUNE, AURORA -> cli.append(switch (snapshot.engine().family()) {
                case DOCUMENTDB -> "docdb";
                case NEPTUNE -> "neptune";
                default -> "rds";
            }).append(" describe-db-cluster-snapshots --db-cluster-snapshot-identifier ")
                    .append(snapshot.isForeign() ? snapshot.arn() : snapshot.identifier());
        }
        cli.append(" --region ").append(snapshot.region().code());
        source.accounts().stream().filter(a -> a.accountId().equals(snapshot.accountId())).findFirst()
                .ifPresent(account -> {
                    Optional<String> demoEndpoint = catalog.demoEndpoint();
                    if (account.demo() && demoEndpoint.isPresent()) {
                        cli.append(" --endpoint-url ").append(demoEndpoint.get());
                    } else if (!account.demo()) {
                        cli.append(" --profile ").append(account.profileName());
                    }
                });
        return cli.toString();
    }

    /**
     * Writes the rows as shown (filtered and sorted) to a file the user picks, off the UI thread and atomically:
     * a failed export leaves no half-written file.
     */
    public void export(SnapshotExport.Format format) {
        String extension = format.name().toLowerCase(Locale.ROOT);
        Optional<Path> target = dialogs.chooseSaveFile(messages.get("browser.export.title"),
                "snapshots." + extension, List.of("*." + extension));
        if (target.isEmpty()) {
            return;
        }
        List<Snapshot> snapshots = visible.stream().map(SnapshotRow::snapshot).toList();
        Path file = target.get();
        tasks.run("export " + file.getFileName(), () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                SnapshotExport.write(format, snapshots, writer);
            }
            AtomicFiles.write(file, bytes.toByteArray());
            return snapshots.size();
        }, count -> message.set(messages.get("browser.export.done", count, file.toString())),
                error -> dialogs.showError(messages.get("browser.export.failed.title"),
                        messages.get("browser.export.failed", file.toString(), errors.describe(error))));
    }

    /** True when the selection is this account's manual snapshot at rest, which AWS lets the user delete. */
    public javafx.beans.binding.BooleanBinding canDelete() {
        return Bindings.createBooleanBinding(() -> own(SnapshotType.MANUAL)
                && !selected.get().snapshot().status().state().isInProgress(), selected);
    }

    /** True when the selection is a copy in flight into this account, which deleting it cancels. */
    public javafx.beans.binding.BooleanBinding canCancelCopy() {
        return Bindings.createBooleanBinding(() -> own(SnapshotType.MANUAL) && java.util.EnumSet.of(
                dev.snapferry.core.model.SnapshotState.COPYING, dev.snapferry.core.model.SnapshotState.QUEUED)
                .contains(selected.get().snapshot().status().state()), selected);
    }

    /** True when the selection was taken of a cluster of this account, which can be snapshotted again. */
    public javafx.beans.binding.BooleanBinding canCreateSnapshot() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().snapshot().isForeign()
                && selected.get().snapshot().clusterIdentifier() != null, selected);
    }

    private boolean own(SnapshotType type) {
        SnapshotRow row = selected.get();
        return row != null && !row.snapshot().isForeign() && row.snapshot().type() == type;
    }

    /** Deletes the selected snapshot once the user has typed its identifier. */
    public void deleteSelected() {
        if (!canDelete().get()) {
            return;
        }
        Snapshot s = Objects.requireNonNull(selected.get()).snapshot();
        if (dialogs.confirmTyped(messages.get("browser.delete.title"), messages.get("browser.delete.message",
                s.identifier(), s.region().code(), s.accountId()), s.identifier(),
                messages.get("browser.delete.confirm"))) {
            change(s, () -> {
                actions.delete(s);
                return messages.get("browser.delete.done", s.identifier());
            });
        }
    }

    /** Cancels the selected copy by deleting its target, after a confirmation that names it. */
    public void cancelSelectedCopy() {
        if (!canCancelCopy().get()) {
            return;
        }
        Snapshot s = Objects.requireNonNull(selected.get()).snapshot();
        if (dialogs.confirm(messages.get("browser.cancel.title"), messages.get("browser.cancel.message",
                s.identifier(), s.region().code()), messages.get("browser.cancel.confirm"))) {
            change(s, () -> {
                actions.delete(s);
                return messages.get("browser.cancel.done", s.identifier());
            });
        }
    }

    /** Takes a manual snapshot of the selected snapshot's cluster, under a name the user confirms. */
    public void createSnapshotOfSelectedCluster() {
        if (!canCreateSnapshot().get()) {
            return;
        }
        Snapshot s = Objects.requireNonNull(selected.get()).snapshot();
        String suggested = dev.snapferry.core.rules.IdentifierRules.deriveTargetName(s.clusterIdentifier(),
                "manual-" + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm")
                        .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()));
        dev.snapferry.ui.tags.TagEditorViewModel tags = new dev.snapferry.ui.tags.TagEditorViewModel(
                tagSpecs.apply(s.engine()), messages, List.of());
        dialogs.askNameAndTags(messages.get("browser.create.title"), messages.get("browser.create.message",
                s.clusterIdentifier(), s.region().code()), suggested, this::identifierProblem, tags,
                messages.get("browser.create.confirm"))
                .ifPresent(identifier -> {
                    List<dev.snapferry.core.model.Tag> chosen = tags.tags();
                    change(s, () -> {
                        Snapshot created = actions.createFromClusterOf(s, identifier, chosen);
                        return messages.get("browser.create.done", created.identifier());
                    });
                });
    }

    private Optional<String> identifierProblem(String text) {
        return dev.snapferry.core.rules.IdentifierRules.validate("identifier", text).stream().findFirst()
                .map(p -> messages.get(p.messageKey(), p.args().toArray()));
    }

    /** True when the selection belongs to an open account, whose tags the user can change. */
    public javafx.beans.binding.BooleanBinding canEditTags() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().snapshot().isForeign(),
                selected);
    }

    /**
     * Edits the selected snapshot's tags in a validated editor; saving sends only what changed (tags added or
     * re-valued, then keys removed) and lists the region again.
     */
    public void editTagsOfSelected() {
        if (!canEditTags().get()) {
            return;
        }
        Snapshot s = Objects.requireNonNull(selected.get()).snapshot();
        dev.snapferry.ui.tags.TagEditorViewModel editor = new dev.snapferry.ui.tags.TagEditorViewModel(
                tagSpecs.apply(s.engine()), messages, s.tags());
        if (!dialogs.editTags(messages.get("browser.tags.title", s.identifier()), messages.get(
                "browser.tags.message", s.identifier(), s.region().code()), editor,
                messages.get("browser.tags.save"))) {
            return;
        }
        dev.snapferry.ui.tags.TagEditorViewModel.Changes changes = editor.changes();
        if (changes.isEmpty()) {
            message.set(messages.get("browser.tags.unchanged", s.identifier()));
            return;
        }
        change(s, () -> {
            actions.editTags(s, changes.put(), changes.removed());
            return messages.get("browser.tags.done", s.identifier(), changes.put().size(), changes.removed().size());
        });
    }

    /**
     * Edits the tag policy: the keys every snapshot must carry, each checked as a tag key, and the regular
     * expression each one's values must match, checked as the user types.
     */
    public void editTagPolicy() {
        editTagPolicy(dialogs, messages, tagSpecs.apply(dev.snapferry.core.model.Engine.AURORA_POSTGRESQL),
                tagPolicy);
    }

    /** The tag policy dialog, shared by the browser and the audit: saving replaces {@code policy}'s value. */
    public static void editTagPolicy(DialogService dialogs, Messages messages, TagSpec spec,
                                     ObjectProperty<TagPolicy> policy) {
        dev.snapferry.ui.tags.TagEditorViewModel editor = dev.snapferry.ui.tags.TagEditorViewModel.forPolicy(spec,
                messages, policy.get());
        if (dialogs.editTags(messages.get("browser.tagPolicy.title"), messages.get("browser.tagPolicy.message"),
                editor, messages.get("browser.tagPolicy.save"))) {
            policy.set(editor.policy());
        }
    }

    /** Runs a change off the UI thread; on success lists its region again, on failure shows AWS's reason. */
    private void change(Snapshot s, java.util.concurrent.Callable<String> work) {
        tasks.run("change " + s.identifier(), work, done -> {
            message.set(done);
            status(accountOf(s), s.region()).ifPresent(this::retry);
        }, error -> dialogs.showError(messages.get("browser.change.failed.title"), errors.describe(error)));
    }

    private AccountRef accountOf(Snapshot s) {
        return source.accounts().stream().filter(a -> a.accountId().equals(s.accountId())).findFirst()
                .orElseThrow();
    }

    static Comparator<SnapshotRow> newestFirst() {
        return Comparator.comparing((SnapshotRow r) -> r.snapshot().createTime(),
                Comparator.nullsLast(Comparator.reverseOrder()));
    }
}
