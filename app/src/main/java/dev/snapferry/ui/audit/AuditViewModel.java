package dev.snapferry.ui.audit;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.audit.Exposure;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.export.AuditExport;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.TagSpec;
import dev.snapferry.core.storage.AtomicFiles;
import dev.snapferry.ui.catalog.SnapshotActions;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.Scheduler;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.UiThread;
import dev.snapferry.ui.tags.TagDialogService;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The audit of every snapshot the browser has listed: encryption, KMS keys, tag policy compliance and sharing,
 * recomputed in the background a moment after the listing or the policy changes, and the {@link AuditCharts}
 * drawn from it. It reads the {@code restore} attribute of the manual snapshots by itself (a {@link SharingReader}),
 * opens the browser on a chart's slice, and fixes what can be fixed: tags in bulk, public snapshots made private,
 * each with a result per snapshot.
 */
public final class AuditViewModel {

    /** How the compliance chart groups snapshots. */
    public enum Grouping { ENGINE, REGION, ACCOUNT }

    /** What a bulk fix did to one snapshot. */
    public record FixResult(String identifier, String region, boolean done, String text) {
    }

    private static final long RECOMPUTE_DELAY_MS = 150;

    private final ObservableList<SnapshotRow> rows;
    private final ObjectProperty<TagPolicy> policy;
    private final Function<Engine, TagSpec> tagSpecs;
    private final TaskRunner tasks;
    private final Scheduler scheduler;
    private final TagDialogService dialogs;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final Clock clock;
    private final BiConsumer<String, Collection<String>> drillDown;
    private final Consumer<Snapshot> relist;
    private final SharingReader sharing;
    private final AuditFixes fixes;

    private final ReadOnlyObjectWrapper<Audit> audit;
    private final ReadOnlyObjectWrapper<AuditCharts> charts;
    private final ObservableList<Audit.Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Audit.Finding> selection = FXCollections.observableArrayList();
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(this, "grouping", Grouping.ENGINE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private @Nullable Runnable pending;
    private long generation;

    /**
     * @param rows      every snapshot listed (the browser's, whatever its filters)
     * @param policy    the tag policy, shared with the browser
     * @param ui        no longer used: every outcome arrives through {@code tasks}; kept so that its callers
     *                  need not change in the same step
     * @param drillDown opens the browser on exactly these ARNs, under this label
     * @param relist    lists a snapshot's account and region again after a change
     */
    public AuditViewModel(ObservableList<SnapshotRow> rows, ObjectProperty<TagPolicy> policy,
                          SnapshotActions actions, Function<Engine, TagSpec> tagSpecs, UiThread ui, TaskRunner tasks,
                          Scheduler scheduler, TagDialogService dialogs, Messages messages, Clock clock,
                          BiConsumer<String, Collection<String>> drillDown, Consumer<Snapshot> relist) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.tagSpecs = Objects.requireNonNull(tagSpecs, "tagSpecs");
        Objects.requireNonNull(ui, "ui");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.drillDown = Objects.requireNonNull(drillDown, "drillDown");
        this.relist = Objects.requireNonNull(relist, "relist");
        this.sharing = new SharingReader(Objects.requireNonNull(actions, "actions"), tasks, errors);
        this.fixes = new AuditFixes(selection, actions, tagSpecs, tasks, dialogs, messages, errors, sharing,
                new FixScreen());
        Audit none = Audit.of(List.of(), policy.get(), Map.of());
        this.audit = new ReadOnlyObjectWrapper<>(this, "audit", none);
        this.charts = new ReadOnlyObjectWrapper<>(this, "charts", chartsOf(none));
        rows.addListener((ListChangeListener<SnapshotRow>) c -> schedule());
        policy.addListener(o -> schedule());
        grouping.addListener(o -> charts.set(chartsOf(audit.get())));
        recompute();
    }

    public ReadOnlyObjectProperty<Audit> auditProperty() {
        return audit.getReadOnlyProperty();
    }

    /** The snapshots with a finding, for the table. */
    public ObservableList<Audit.Finding> findings() {
        return findings;
    }

    /** The findings selected in the table: what the fixes apply to. The View keeps it in step. */
    public ObservableList<Audit.Finding> selection() {
        return selection;
    }

    /** How the compliance chart groups snapshots; the charts follow it. */
    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    /** What the charts draw: the current audit, with compliance in the chosen grouping. */
    public ReadOnlyObjectProperty<AuditCharts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    private AuditCharts chartsOf(Audit current) {
        return AuditCharts.of(current, grouping.get(), messages);
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while sharing is being read or a fix is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How far the running fix or sharing read is, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The last fix's result, one line per snapshot. */
    public ObservableList<FixResult> results() {
        return fixes.results();
    }

    /** The words the app uses for an engine family, a category, or (as is) a region or account. */
    public String label(String key) {
        return AuditCharts.label(messages, key);
    }

    /** Opens the browser on exactly the snapshots of a chart's slice. */
    public void drillDown(String label, List<String> ids) {
        if (ids.isEmpty()) {
            message.set(messages.get("audit.drill.empty", label));
            return;
        }
        drillDown.accept(label, ids);
    }

    /** Opens the browser on the findings selected in the table, or on all of them when none is. */
    public void showFindingsInBrowser() {
        List<Audit.Finding> chosen = selection.isEmpty() ? findings : selection;
        drillDown(messages.get("audit.drill.findings"), chosen.stream().map(f -> Audit.id(f.snapshot())).toList());
    }

    public void editPolicy() {
        dialogs.editTagPolicy(messages, tagSpecs.apply(Engine.AURORA_POSTGRESQL), policy);
    }

    /**
     * Who may restore {@code arn} changed (a Share from the Snapshots tab): the sharing chart and the findings follow
     * at once, as if the audit had read it.
     */
    public void sharingChanged(String arn, java.util.Set<String> restore) {
        sharing.remember(java.util.Map.of(arn, new dev.snapferry.core.audit.Exposure(restore)));
        recompute();
    }

    private void schedule() {
        if (pending != null) {
            pending.run();
        }
        pending = scheduler.after(RECOMPUTE_DELAY_MS, () -> {
            pending = null;
            recompute();
        });
    }

    /** Audits the listing as it is now, in the background; an older computation's answer is dropped. */
    private void recompute() {
        long mine = ++generation;
        List<Snapshot> snapshots = rows.stream().map(SnapshotRow::snapshot).toList();
        TagPolicy current = policy.get();
        Map<String, Exposure> known = sharing.known();
        tasks.run("audit", () -> Audit.of(snapshots, current, known), result -> {
            if (mine != generation) {
                return;
            }
            audit.set(result);
            charts.set(chartsOf(result));
            Set<String> chosen = new HashSet<>(selection.stream().map(f -> Audit.id(f.snapshot())).toList());
            findings.setAll(result.findings());
            // The same snapshots stay selected in the new findings (a fix, a sharing read, a new listing).
            selection.setAll(result.findings().stream().filter(f -> chosen.contains(Audit.id(f.snapshot())))
                    .toList());
            summary.set(messages.get("audit.summary", result.total(),
                    Audit.count(result.encryptionByEngine(), Audit.Encryption.UNENCRYPTED),
                    Audit.count(result.complianceByEngine(), Audit.Compliance.NOT_COMPLIANT),
                    Audit.count(result.sharing(), Audit.Sharing.PUBLIC),
                    Audit.count(result.sharing(), Audit.Sharing.SHARED)) + notChecked(result));
            readSharing(snapshots);
        }, error -> message.set(messages.get("audit.failed", errors.describe(error))));
    }

    /**
     * How many snapshots the audit could not judge because their key or tags were not read (a DocumentDB Elastic
     * listing that failed in part), said only when there are some: such a snapshot counts as neither compliant nor
     * not, and in no key's bar.
     */
    private String notChecked(Audit result) {
        Set<String> ids = new HashSet<>(result.keysNotChecked());
        result.complianceByEngine().stream().filter(s -> s.category() == Audit.Compliance.NOT_CHECKED)
                .forEach(s -> ids.addAll(s.ids()));
        return ids.isEmpty() ? "" : messages.get("audit.summary.notChecked", ids.size());
    }

    /** Reads the {@code restore} attribute of the shareable snapshots not asked about yet, a few at a time. */
    private void readSharing(List<Snapshot> snapshots) {
        if (fixes.isFixing()) {
            // A fix lists its regions again when it ends, and the audit that follows reads what is still unknown.
            return;
        }
        sharing.readUnknown(snapshots, new SharingReader.Listener() {
            @Override
            public void started(int count) {
                updateBusy();
                progress.set(0);
                message.set(messages.get("audit.sharing.reading", count));
            }

            @Override
            public void progressed(double share) {
                progress.set(share);
            }

            @Override
            public void finished(int read, List<String> failures) {
                updateBusy();
                message.set(failures.isEmpty() ? messages.get("audit.sharing.read", read)
                        : messages.get("audit.sharing.failed", failures.size(), failures.getFirst()));
                recompute();
            }
        });
    }

    /** Forgets what sharing was read and reads it again. */
    public void checkSharingAgain() {
        if (sharing.isReading()) {
            return;
        }
        sharing.forget();
        recompute();
    }

    /**
     * Sets tags on the selected snapshots: the editor starts with a row for every required key one of them lacks,
     * to fill in; what the user saves is added to each (existing keys get the new value).
     */
    public void fixTags() {
        fixes.fixTags();
    }

    /** Removes tag keys, typed as a comma-separated list, from the selected snapshots that carry them. */
    public void removeTagKeys() {
        fixes.removeTagKeys();
    }

    /**
     * Makes the selected public snapshots private after a confirmation that names each one. Accounts they are
     * shared with by name keep their access.
     */
    public void makePrivate() {
        fixes.makePrivate();
    }

    /** The status line, the progress bar and the listing, as the fixes see them. */
    private final class FixScreen implements AuditFixes.Screen {
        @Override
        public void say(String text) {
            message.set(text);
        }

        @Override
        public boolean isBusy() {
            return busy.get();
        }

        @Override
        public void busyChanged() {
            updateBusy();
        }

        @Override
        public void progressed(double share) {
            progress.set(share);
        }

        /** Lists each changed account and region again, and audits what comes back. */
        @Override
        public void changed(List<Snapshot> targets) {
            Map<String, Snapshot> regions = new LinkedHashMap<>();
            targets.forEach(s -> regions.putIfAbsent(s.accountId() + "/" + s.region().code(), s));
            regions.values().forEach(relist);
            recompute();
        }
    }

    /** Busy while sharing is read or a fix runs: the two never overlap, and the buttons wait for both. */
    private void updateBusy() {
        busy.set(sharing.isReading() || fixes.isFixing());
    }

    /** Writes the audit (summary and findings) to a file the user picks, atomically and off the UI thread. */
    public void export(AuditExport.Format format) {
        String extension = format.name().toLowerCase(Locale.ROOT);
        Optional<Path> target = dialogs.chooseSaveFile(messages.get("audit.export.title"),
                "snapshot-audit." + extension, List.of("*." + extension));
        if (target.isEmpty()) {
            return;
        }
        Audit current = audit.get();
        Path file = target.get();
        Map<String, String> labels = new HashMap<>();
        labelsOf().forEach(k -> labels.put(k, label(k)));
        java.time.Instant now = clock.instant();
        tasks.run("export audit", () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                AuditExport.write(format, current, now, k -> labels.getOrDefault(k, k), writer);
            }
            AtomicFiles.write(file, bytes.toByteArray());
            return current.findings().size();
        }, count -> message.set(messages.get("audit.export.done", count, file.toString())),
                error -> dialogs.showError(messages.get("audit.export.failed.title"),
                        messages.get("audit.export.failed", file.toString(), errors.describe(error))));
    }

    /** Every group and category name the audit uses, to translate on the UI thread before exporting. */
    private static Set<String> labelsOf() {
        Set<String> keys = new HashSet<>();
        for (EngineFamily family : EngineFamily.values()) {
            keys.add(family.name());
        }
        for (Enum<?>[] values : List.<Enum<?>[]>of(Audit.Encryption.values(), Audit.Compliance.values(),
                Audit.Sharing.values())) {
            for (Enum<?> value : values) {
                keys.add(value.name());
            }
        }
        keys.add("AWS_MANAGED");
        keys.add("CUSTOMER_MANAGED");
        return keys;
    }
}
