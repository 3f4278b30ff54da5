package dev.snapferry.ui.audit;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.audit.Exposure;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.export.AuditExport;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.TagSpec;
import dev.snapferry.core.storage.AtomicFiles;
import dev.snapferry.ui.catalog.SnapshotActions;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.Scheduler;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.UiThread;
import dev.snapferry.ui.tags.TagEditorViewModel;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * recomputed in the background a moment after the listing or the policy changes. It reads the {@code restore}
 * attribute of the manual snapshots by itself, opens the browser on a chart's slice, and fixes what can be fixed:
 * tags in bulk, public snapshots made private, each with a result per snapshot.
 */
public final class AuditViewModel {

    /** How the compliance chart groups snapshots. */
    public enum Grouping { ENGINE, REGION, ACCOUNT }

    /** What a bulk fix did to one snapshot. */
    public record FixResult(String identifier, String region, boolean done, String text) {
    }

    private static final long RECOMPUTE_DELAY_MS = 150;
    private static final int SHARING_READS_AT_ONCE = 8;

    private final ObservableList<SnapshotRow> rows;
    private final ObjectProperty<TagPolicy> policy;
    private final SnapshotActions actions;
    private final Function<Engine, TagSpec> tagSpecs;
    private final UiThread ui;
    private final TaskRunner tasks;
    private final Scheduler scheduler;
    private final DialogService dialogs;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final Clock clock;
    private final BiConsumer<String, Collection<String>> drillDown;
    private final Consumer<Snapshot> relist;

    private final ReadOnlyObjectWrapper<Audit> audit;
    private final ObservableList<Audit.Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Audit.Finding> selection = FXCollections.observableArrayList();
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(this, "grouping", Grouping.ENGINE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ObservableList<FixResult> results = FXCollections.observableArrayList();
    /** The {@code restore} attribute of the snapshots read so far, by ARN; written on the UI thread only. */
    private final Map<String, Exposure> exposure = new HashMap<>();
    /** ARNs whose attribute was asked for (read or failed): not asked again until "check sharing again". */
    private final Set<String> asked = new HashSet<>();
    private @Nullable Runnable pending;
    private long generation;
    private boolean readingSharing;
    private boolean fixing;

    /**
     * @param rows      every snapshot listed (the browser's, whatever its filters)
     * @param policy    the tag policy, shared with the browser
     * @param drillDown opens the browser on exactly these ARNs, under this label
     * @param relist    lists a snapshot's account and region again after a change
     */
    public AuditViewModel(ObservableList<SnapshotRow> rows, ObjectProperty<TagPolicy> policy,
                          SnapshotActions actions, Function<Engine, TagSpec> tagSpecs, UiThread ui, TaskRunner tasks,
                          Scheduler scheduler, DialogService dialogs, Messages messages, Clock clock,
                          BiConsumer<String, Collection<String>> drillDown, Consumer<Snapshot> relist) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.tagSpecs = Objects.requireNonNull(tagSpecs, "tagSpecs");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.drillDown = Objects.requireNonNull(drillDown, "drillDown");
        this.relist = Objects.requireNonNull(relist, "relist");
        this.audit = new ReadOnlyObjectWrapper<>(this, "audit", Audit.of(List.of(), policy.get(), Map.of()));
        rows.addListener((ListChangeListener<SnapshotRow>) c -> schedule());
        policy.addListener(o -> schedule());
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

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    /** The compliance slices of the chosen grouping. */
    public List<Audit.Slice<Audit.Compliance>> compliance() {
        Audit current = audit.get();
        return switch (grouping.get()) {
            case ENGINE -> current.complianceByEngine();
            case REGION -> current.complianceByRegion();
            case ACCOUNT -> current.complianceByAccount();
        };
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
        return results;
    }

    /** The words the app uses for an engine family, a category, or (as is) a region or account. */
    public String label(String key) {
        for (EngineFamily family : EngineFamily.values()) {
            if (family.name().equals(key)) {
                return messages.get("browser.engine." + key);
            }
        }
        return messages.has("audit.category." + key) ? messages.get("audit.category." + key) : key;
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
        dev.snapferry.ui.browser.BrowserViewModel.editTagPolicy(dialogs, messages,
                tagSpecs.apply(Engine.AURORA_POSTGRESQL), policy);
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
        Map<String, Exposure> known = Map.copyOf(exposure);
        tasks.run("audit", () -> Audit.of(snapshots, current, known), result -> {
            if (mine != generation) {
                return;
            }
            audit.set(result);
            Set<String> chosen = new HashSet<>(selection.stream().map(f -> Audit.id(f.snapshot())).toList());
            findings.setAll(result.findings());
            // The same snapshots stay selected in the new findings (a fix, a sharing read, a new listing).
            selection.setAll(result.findings().stream().filter(f -> chosen.contains(Audit.id(f.snapshot())))
                    .toList());
            summary.set(messages.get("audit.summary", result.total(),
                    Audit.count(result.encryptionByEngine(), Audit.Encryption.UNENCRYPTED),
                    Audit.count(result.complianceByEngine(), Audit.Compliance.NOT_COMPLIANT),
                    Audit.count(result.sharing(), Audit.Sharing.PUBLIC),
                    Audit.count(result.sharing(), Audit.Sharing.SHARED)));
            readSharing(snapshots);
        }, error -> message.set(messages.get("audit.failed", errors.describe(error))));
    }

    /** Reads the {@code restore} attribute of the shareable snapshots not asked about yet, a few at a time. */
    private void readSharing(List<Snapshot> snapshots) {
        if (readingSharing || fixing) {
            // A fix lists its regions again when it ends, and the audit that follows reads what is still unknown.
            return;
        }
        List<Snapshot> unknown = snapshots.stream().filter(Audit::shareable)
                .filter(s -> !asked.contains(s.arn())).toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(s -> asked.add(s.arn()));
        readingSharing = true;
        updateBusy();
        progress.set(0);
        message.set(messages.get("audit.sharing.reading", unknown.size()));
        Map<String, Exposure> read = new ConcurrentHashMap<>();
        Map<String, String> failed = new ConcurrentHashMap<>();
        tasks.run("read sharing", () -> {
            java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(SHARING_READS_AT_ONCE);
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (Snapshot s : unknown) {
                    slots.acquire();
                    threads.submit(() -> {
                        try {
                            read.put(s.arn(), new Exposure(actions.restoreAccounts(s)));
                        } catch (RuntimeException e) {
                            failed.put(s.arn(), reason(e));
                        } finally {
                            slots.release();
                            double share = (double) done.incrementAndGet() / unknown.size();
                            ui.execute(() -> progress.set(share));
                        }
                    });
                }
            }
            return read.size();
        }, count -> {
            readingSharing = false;
            updateBusy();
            exposure.putAll(read);
            message.set(failed.isEmpty() ? messages.get("audit.sharing.read", count)
                    : messages.get("audit.sharing.failed", failed.size(), failed.values().iterator().next()));
            recompute();
        }, error -> {
            // Keep what was read; what was not is asked again by the next audit.
            readingSharing = false;
            updateBusy();
            exposure.putAll(read);
            unknown.stream().map(Snapshot::arn).filter(arn -> !read.containsKey(arn) && !failed.containsKey(arn))
                    .forEach(asked::remove);
            message.set(messages.get("audit.failed", errors.describe(error)));
            if (!read.isEmpty()) {
                recompute();
            }
        });
    }

    /** Forgets what sharing was read and reads it again. */
    public void checkSharingAgain() {
        if (readingSharing) {
            return;
        }
        exposure.clear();
        asked.clear();
        recompute();
    }

    /**
     * Sets tags on the selected snapshots: the editor starts with a row for every required key one of them lacks,
     * to fill in; what the user saves is added to each (existing keys get the new value).
     */
    public void fixTags() {
        List<Snapshot> targets = ownTargets();
        if (targets.isEmpty()) {
            return;
        }
        Set<String> lacking = new LinkedHashSet<>();
        selection.forEach(f -> f.tags().forEach(v -> lacking.add(v.key())));
        TagEditorViewModel editor = new TagEditorViewModel(strictest(targets), messages,
                lacking.stream().map(k -> new Tag(k, "")).toList());
        if (!dialogs.editTags(messages.get("audit.fixTags.title", targets.size()),
                messages.get("audit.fixTags.message", targets.size()), editor,
                messages.get("audit.fixTags.apply", targets.size()))) {
            return;
        }
        List<Tag> put = editor.tags();
        if (put.isEmpty()) {
            message.set(messages.get("audit.fixTags.nothing"));
            return;
        }
        runFix(messages.get("audit.fixTags.running", targets.size()), targets, s -> {
            actions.editTags(s, put, List.of());
            return messages.get("audit.fixTags.done", put.size());
        });
    }

    /** Removes tag keys, typed as a comma-separated list, from the selected snapshots that carry them. */
    public void removeTagKeys() {
        List<Snapshot> targets = ownTargets();
        if (targets.isEmpty()) {
            return;
        }
        TagSpec spec = strictest(targets);
        Optional<String> typed = dialogs.askText(messages.get("audit.removeTags.title", targets.size()),
                messages.get("audit.removeTags.message"), "", text -> keysProblem(text, spec));
        if (typed.isEmpty()) {
            return;
        }
        List<String> keys = keys(typed.get());
        runFix(messages.get("audit.removeTags.running", targets.size()), targets, s -> {
            List<String> carried = keys.stream().filter(k -> s.tags().stream().anyMatch(t -> t.key().equals(k)))
                    .toList();
            if (carried.isEmpty()) {
                return messages.get("audit.removeTags.none");
            }
            actions.editTags(s, List.of(), carried);
            return messages.get("audit.removeTags.done", String.join(", ", carried));
        });
    }

    private Optional<String> keysProblem(String text, TagSpec spec) {
        List<String> keys = keys(text);
        if (keys.isEmpty()) {
            return Optional.of(messages.get("audit.removeTags.empty"));
        }
        for (String key : keys) {
            Optional<String> problem = dev.snapferry.core.rules.TagRules.validateKey("key", key, spec).stream()
                    .filter(dev.snapferry.core.rules.Problem::isError).findFirst()
                    .map(p -> messages.get("audit.removeTags.badKey", key,
                            messages.get(p.messageKey(), p.args().toArray())));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static List<String> keys(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(k -> !k.isEmpty()).distinct()
                .toList();
    }

    /**
     * Makes the selected public snapshots private after a confirmation that names each one. Accounts they are
     * shared with by name keep their access.
     */
    public void makePrivate() {
        List<Snapshot> targets = selection.stream().filter(Audit.Finding::isPublic).map(Audit.Finding::snapshot)
                .toList();
        if (targets.isEmpty()) {
            message.set(messages.get("audit.private.none"));
            return;
        }
        String names = targets.stream().map(s -> s.identifier() + " (" + s.region().code() + ")")
                .collect(java.util.stream.Collectors.joining("\n"));
        if (!dialogs.confirm(messages.get("audit.private.title", targets.size()),
                messages.get("audit.private.message", targets.size(), names),
                messages.get("audit.private.confirm", targets.size()))) {
            return;
        }
        Map<String, Exposure> now = new ConcurrentHashMap<>();
        runFix(messages.get("audit.private.running", targets.size()), targets, s -> {
            now.put(s.arn(), new Exposure(actions.makePrivate(s)));
            return messages.get("audit.private.done");
        }, () -> exposure.putAll(now));
    }

    /** The selected snapshots this account owns; says why when there are none, and which were left out. */
    private List<Snapshot> ownTargets() {
        if (selection.isEmpty()) {
            message.set(messages.get("audit.select"));
            return List.of();
        }
        List<Snapshot> own = selection.stream().map(Audit.Finding::snapshot).filter(s -> !s.isForeign()).toList();
        if (own.isEmpty()) {
            message.set(messages.get("audit.foreignOnly"));
        }
        return own;
    }

    /**
     * The tag rules all the targets' engines accept together. No one engine's rules will do: DocumentDB Elastic
     * refuses spaces and accents that the RDS family takes, and takes rds: keys that the RDS family refuses.
     */
    private TagSpec strictest(List<Snapshot> targets) {
        return TagSpec.strictest(targets.stream().map(s -> tagSpecs.apply(s.engine())).toList());
    }

    @FunctionalInterface
    private interface Fix {
        String apply(Snapshot snapshot);
    }

    private void runFix(String running, List<Snapshot> targets, Fix fix) {
        runFix(running, targets, fix, () -> { });
    }

    /**
     * Applies {@code fix} to each target in turn off the UI thread, a result line per snapshot, then lists the
     * changed regions again so the browser and the audit show AWS's state.
     */
    private void runFix(String running, List<Snapshot> targets, Fix fix, Runnable afterwards) {
        if (busy.get()) {
            message.set(messages.get("audit.busy"));
            return;
        }
        fixing = true;
        updateBusy();
        progress.set(0);
        results.clear();
        message.set(running);
        tasks.run("audit fix", () -> {
            List<FixResult> out = new ArrayList<>();
            int done = 0;
            for (Snapshot s : targets) {
                FixResult result;
                try {
                    result = new FixResult(s.identifier(), s.region().code(), true, fix.apply(s));
                } catch (RuntimeException e) {
                    result = new FixResult(s.identifier(), s.region().code(), false, reason(e));
                }
                out.add(result);
                FixResult shown = result;
                double share = (double) ++done / targets.size();
                ui.execute(() -> {
                    results.add(shown);
                    progress.set(share);
                });
            }
            return out;
        }, out -> {
            fixing = false;
            updateBusy();
            afterwards.run();
            long failed = out.stream().filter(r -> !r.done()).count();
            message.set(failed == 0 ? messages.get("audit.fix.done", out.size())
                    : messages.get("audit.fix.partly", out.size() - failed, failed));
            Map<String, Snapshot> regions = new LinkedHashMap<>();
            targets.forEach(s -> regions.putIfAbsent(s.accountId() + "/" + s.region().code(), s));
            regions.values().forEach(relist);
            recompute();
        }, error -> {
            fixing = false;
            updateBusy();
            message.set(messages.get("audit.failed", errors.describe(error)));
        });
    }

    /** Busy while sharing is read or a fix runs: the two never overlap, and the buttons wait for both. */
    private void updateBusy() {
        busy.set(readingSharing || fixing);
    }

    private String reason(RuntimeException e) {
        return errors.describe(e);
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
