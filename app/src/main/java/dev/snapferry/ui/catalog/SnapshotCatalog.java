package dev.snapferry.ui.catalog;

import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.ui.common.BulkObservableList;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskHandle;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.UiThread;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The application's one model of what is listed: every snapshot of every open account and selected region, kept
 * in one segment per (account, region), each region's state for the status bar, and the copies in flight as their
 * jobs last saw them. The browser, the audit, the copy wizard and the jobs read it; none of them owns it. Touched on
 * the FX thread only; listings run in the background and land here through the UI thread.
 *
 * <p>Each region's rows replace that region's previous rows the moment it answers; a region that fails keeps the
 * rows it had, so a failure never empties the table. A refresh started while another runs replaces it, and the
 * older one's late answers are ignored (each listing carries its generation).
 */
public final class SnapshotCatalog {

    private final SnapshotSource source;
    private final CatalogAccounts accounts;
    private final UiThread ui;
    private final ErrorPresenter errors;
    private final RegionGaps gaps;

    private final BulkObservableList<SnapshotRow> rows = new BulkObservableList<>();
    private final ObservableList<SnapshotRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    /** Rows are kept in contiguous segments, one per account and region, in this order. */
    private final Map<String, Integer> segments = new LinkedHashMap<>();
    private final ObservableList<RegionStatus> statuses = FXCollections.observableArrayList();
    private final ObservableList<RegionRef> regions = FXCollections.observableArrayList();
    private final ObservableList<RegionRef> availableRegions = FXCollections.observableArrayList();
    private final BooleanProperty includePublic = new SimpleBooleanProperty(this, "includePublic", false);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final List<Consumer<Replacement>> replacementListeners = new ArrayList<>();
    private final List<java.util.function.BiConsumer<String, Set<String>>> sharingListeners = new ArrayList<>();
    private long generation;
    private @Nullable TaskHandle running;
    private int nextIndex;
    private long numbering;

    /** One segment's rows were replaced by a listing: the rows that left and those that came. */
    public record Replacement(String key, List<SnapshotRow> before, List<SnapshotRow> after) {
    }

    public SnapshotCatalog(SnapshotSource source, AccountCatalog accountCatalog, UiThread ui, TaskRunner tasks,
                           DialogService dialogs, Messages messages) {
        this.source = Objects.requireNonNull(source, "source");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.errors = new ErrorPresenter(messages);
        this.gaps = new RegionGaps(messages, errors);
        this.accounts = new CatalogAccounts(accountCatalog, tasks, dialogs, messages, message::set, this::refresh);
        total.bind(Bindings.size(rows));
    }

    /** The accounts: which are open, which are being opened, what the picker offers. */
    public CatalogAccounts accounts() {
        return accounts;
    }

    /** Every snapshot listed, in listing order, whatever any screen's filters: what the audit looks at. */
    public ObservableList<SnapshotRow> rows() {
        return readOnlyRows;
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
    public void chooseRegions(Collection<RegionRef> chosen) {
        List<RegionRef> next = new ArrayList<>(availableRegions.stream().filter(chosen::contains).toList());
        next.addAll(chosen.stream().filter(r -> !availableRegions.contains(r)).sorted().toList());
        if (!next.equals(regions)) {
            regions.setAll(next);
            refresh();
        }
    }

    public BooleanProperty includePublicProperty() {
        return includePublic;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The last thing the catalog or a screen wants the user to know, for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Says what finished (a copy started, an export written), in the status bar. */
    public void tell(String text) {
        message.set(text);
    }

    /** The accounts currently listed. */
    public List<AccountRef> listedAccounts() {
        return source.accounts();
    }

    /** The open account {@code snapshot} was listed by. */
    public Optional<AccountRef> accountOf(Snapshot snapshot) {
        return source.accounts().stream().filter(a -> a.accountId().equals(snapshot.accountId())).findFirst();
    }

    /**
     * Changes each time the rows are numbered afresh ({@link SnapshotRow#index()}): answers remembered per row
     * number under an older numbering mean nothing now.
     */
    public long numbering() {
        return numbering;
    }

    /** Hears every segment a listing replaced, after the rows changed (the browser keeps its selection so). */
    public void onReplacement(Consumer<Replacement> listener) {
        replacementListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Hears who may restore a snapshot (its ARN, its {@code restore} attribute as AWS now has it) whenever a command
     * changed it: the audit's sharing chart follows without reading every snapshot again.
     */
    public void onSharingChanged(java.util.function.BiConsumer<String, Set<String>> listener) {
        sharingListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** A command changed the sharing of {@code arn}: every screen that shows it hears so. */
    public void sharingChanged(String arn, Set<String> restore) {
        Set<String> now = Set.copyOf(restore);
        sharingListeners.forEach(l -> l.accept(arn, now));
    }

    /** Lists every open account in every selected region again; rows stay until their region answers. */
    public void refresh() {
        List<AccountRef> listed = source.accounts();
        List<RegionRef> wanted = List.copyOf(regions);
        if (running != null) {
            running.cancel();
        }
        long current = ++generation;
        List<RegionStatus> next = new ArrayList<>();
        for (AccountRef account : listed) {
            for (RegionRef region : wanted) {
                RegionStatus previous = status(account.accountId(), region).orElse(null);
                next.add(new RegionStatus(account, region, RegionStatus.State.LOADING,
                        previous == null ? 0 : previous.count(), null));
            }
        }
        statuses.setAll(next);
        dropSegmentsNotIn(next);
        loading.set(!next.isEmpty());
        message.set("");
        running = source.list(listed, wanted, includePublic.get(), result -> ui.execute(() -> apply(result,
                current)), () -> ui.execute(() -> {
                    if (current == generation) {
                        loading.set(false);
                    }
                }));
    }

    /** Lists one account and region again (after a copy was started there, say), when it is being shown. */
    public void listAgain(String accountId, RegionRef region) {
        status(accountId, region).ifPresent(this::retry);
    }

    /** Lists one account and region again, after it failed. */
    public void retry(RegionStatus status) {
        long current = generation;
        replaceStatus(new RegionStatus(status.account(), status.region(), RegionStatus.State.LOADING,
                status.count(), null));
        source.list(List.of(status.account()), List.of(status.region()), includePublic.get(),
                result -> ui.execute(() -> apply(result, current)), () -> { });
    }

    /**
     * Lists again only the part of a partial region that failed (DocumentDB Elastic, the Elastic details, the KMS
     * aliases), and merges what comes into the region's rows; the region's other gaps stay as they were.
     */
    public void retry(RegionStatus status, RegionStatus.Gap gap) {
        RegionResult.Part part = RegionResult.Part.valueOf(gap.part());
        long current = generation;
        String key = status.key();
        replaceStatus(new RegionStatus(status.account(), status.region(), RegionStatus.State.LOADING,
                status.count(), null, status.gaps()));
        List<Snapshot> rowsNow = segmentRows(key).stream().map(SnapshotRow::snapshot).toList();
        source.listPart(status.account(), status.region(), part, rowsNow, includePublic.get(),
                result -> ui.execute(() -> applyPart(result, part, current)));
    }

    /**
     * Shows each copy's progress as its job last saw it, without listing the region again: the row of each copy
     * in flight (if listed) takes the job's state and percentage, keeping AWS's own status text. Rows of other
     * snapshots are left alone.
     */
    public void showJobs(List<CopyJob> jobs) {
        Map<String, CopyJob> inFlight = new HashMap<>();
        for (CopyJob job : jobs) {
            if (job.targetArn() != null && (job.state() == JobState.COPYING || job.state() == JobState.QUEUED_BY_AWS)) {
                inFlight.put(job.targetArn(), job);
            }
        }
        if (inFlight.isEmpty()) {
            return;
        }
        Map<String, SnapshotStatus> byArn = new HashMap<>();
        for (SnapshotRow row : rows) {
            CopyJob job = inFlight.get(row.snapshot().arn());
            if (job != null) {
                byArn.put(row.snapshot().arn(), new SnapshotStatus(job.state() == JobState.QUEUED_BY_AWS
                        ? SnapshotState.QUEUED : SnapshotState.COPYING, job.percent(), row.snapshot().status().raw()));
            }
        }
        showProgress(byArn);
    }

    /** The rows of the snapshots named {@code arn} (if listed) take the new status; unknown ARNs are ignored. */
    public void showProgress(Map<String, SnapshotStatus> byArn) {
        if (byArn.isEmpty()) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            SnapshotRow row = rows.get(i);
            SnapshotStatus status = byArn.get(row.snapshot().arn());
            if (status != null && !status.equals(row.snapshot().status())) {
                SnapshotRow replaced = numbered(new SnapshotRow(row.snapshot().withStatus(status)));
                rows.set(i, replaced);
                String key = key(row.snapshot());
                replacementListeners.forEach(l -> l.accept(new Replacement(key, List.of(row), List.of(replaced))));
            }
        }
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
                if (loaded.gaps().stream().anyMatch(g -> g.part() == RegionResult.Part.ELASTIC_LIST)) {
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
                replaceStatus(RegionGaps.status(loaded, fresh.size(), gaps.of(loaded)));
            }
            case RegionResult.Failed failed -> replaceStatus(new RegionStatus(result.account(), result.region(),
                    RegionStatus.State.FAILED, segments.getOrDefault(key, 0), errors.describe(failed.failure())));
        }
    }

    /** A part listed again: its rows replace the region's, its gaps replace those of the parts it redid. */
    private void applyPart(RegionResult result, RegionResult.Part part, long fromGeneration) {
        if (fromGeneration != generation || !(result instanceof RegionResult.Loaded loaded)) {
            apply(result, fromGeneration);
            return;
        }
        String key = result.account().accountId() + "/" + result.region().code();
        List<RegionStatus.Gap> before = status(result.account().accountId(), result.region())
                .map(RegionStatus::gaps).orElse(List.of());
        List<SnapshotRow> rowsNow = new ArrayList<>(loaded.snapshots().size());
        loaded.snapshots().forEach(s -> rowsNow.add(new SnapshotRow(s)));
        replaceSegment(key, rowsNow);
        replaceStatus(RegionGaps.status(loaded, rowsNow.size(), gaps.after(part, before, loaded)));
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
        List<SnapshotRow> before = List.copyOf(rows.subList(offset, offset + old));
        if (!fresh.isEmpty()) {
            // Replaced by a new listing, not dropped: the view keeps their selection on the successors.
            before.forEach(SnapshotRow::retire);
        }
        renumberIfSparse(fresh.size() - old);
        fresh.forEach(this::numbered);
        // One change, the old rows out and the new ones in: the sorted view merges it in one pass.
        rows.replace(offset, offset + old, fresh);
        segments.put(key, fresh.size());
        Replacement replacement = new Replacement(key, before, List.copyOf(fresh));
        replacementListeners.forEach(l -> l.accept(replacement));
    }

    /**
     * Retired rows leave their numbers unused; once the unused outnumber the rows, every row is numbered afresh
     * (and {@link #numbering()} changes) so that per-row bit sets stay the size of the table.
     */
    private void renumberIfSparse(int growth) {
        int live = rows.size() + Math.max(0, growth);
        if (nextIndex > 2 * live + 1024) {
            nextIndex = 0;
            numbering++;
            rows.forEach(this::numbered);
        }
    }

    private SnapshotRow numbered(SnapshotRow row) {
        row.number(nextIndex++);
        return row;
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

    private Optional<RegionStatus> status(String accountId, RegionRef region) {
        String key = accountId + "/" + region.code();
        return statuses.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    private static String key(Snapshot snapshot) {
        return snapshot.accountId() + "/" + snapshot.region().code();
    }
}
