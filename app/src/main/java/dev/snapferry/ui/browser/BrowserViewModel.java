package dev.snapferry.ui.browser;

import dev.snapferry.core.export.SnapshotExport;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.IdentifierRules;
import dev.snapferry.core.rules.SharingRules;
import dev.snapferry.core.rules.TagSpec;
import dev.snapferry.ui.catalog.SnapshotCatalog;
import dev.snapferry.ui.catalog.SnapshotCommands;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.IndexFilteredList;
import dev.snapferry.ui.common.MergingSortedList;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.share.ShareDialogs;
import dev.snapferry.ui.share.ShareViewModel;
import dev.snapferry.ui.tags.TagDialogService;
import dev.snapferry.ui.tags.TagEditorViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot browser: the catalog's rows narrowed by the {@link SnapshotFilter}, sorted as the table asks, the
 * selection, and what the user can do to the selected snapshot (each through {@link SnapshotCommands}, after the
 * dialog it needs). What is listed, and the accounts and regions, belong to the {@link SnapshotCatalog}.
 *
 * <p>Filtering reads a view over the sorted rows, so a keystroke never re-sorts.
 */
public final class BrowserViewModel {

    private final SnapshotCatalog catalog;
    private final SnapshotCommands commands;
    private final Function<Engine, TagSpec> tagSpecs;
    private final TagDialogService dialogs;
    private final ShareDialogs shareDialogs;
    private final Messages messages;
    private final MergingSortedList<SnapshotRow> sorted;
    private final IndexFilteredList<SnapshotRow> visible;
    private final SnapshotFilter filter;
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ObjectProperty<@Nullable SnapshotRow> selected = new SimpleObjectProperty<>(this, "selected");

    /**
     * @param tagSpecs     each engine's tag rules (from the capability matrix)
     * @param shareDialogs opens the share dialog
     */
    public BrowserViewModel(SnapshotCatalog catalog, SnapshotCommands commands, Function<Engine, TagSpec> tagSpecs,
                            TagDialogService dialogs, ShareDialogs shareDialogs, TaskRunner tasks,
                            Messages messages) {
        this(catalog, commands, tagSpecs, dialogs, shareDialogs, tasks, SnapshotFilter.OFF_THREAD_FROM, messages);
    }

    /** @param offThreadFrom tables of this many rows or more are searched off the FX thread */
    BrowserViewModel(SnapshotCatalog catalog, SnapshotCommands commands, Function<Engine, TagSpec> tagSpecs,
                     TagDialogService dialogs, ShareDialogs shareDialogs, TaskRunner tasks, int offThreadFrom,
                     Messages messages) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.tagSpecs = Objects.requireNonNull(tagSpecs, "tagSpecs");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.shareDialogs = Objects.requireNonNull(shareDialogs, "shareDialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        sorted = new MergingSortedList<>(catalog.rows(), newestFirst());
        visible = new IndexFilteredList<>(sorted);
        filter = new SnapshotFilter(visible, catalog, tasks, offThreadFrom);
        shown.bind(Bindings.size(visible));
        catalog.onReplacement(replacement -> {
            SnapshotRow kept = selected.get();
            if (kept != null && replacement.before().contains(kept)) {
                // The region's rows are new objects: keep the user's selection on the same snapshot.
                String arn = kept.snapshot().arn();
                replacement.after().stream().filter(r -> r.snapshot().arn().equals(arn)).findFirst()
                        .ifPresent(selected::set);
            }
        });
    }

    /** What is listed: rows, regions, their states, the accounts. */
    public SnapshotCatalog catalog() {
        return catalog;
    }

    /** The filters and search over the rows. */
    public SnapshotFilter filter() {
        return filter;
    }

    /** The rows the table shows: filtered, in the order of {@link #comparatorProperty()}. */
    public ObservableList<SnapshotRow> visibleRows() {
        return visible;
    }

    /** The sort order; the table's sort policy sets it. */
    public ObjectProperty<@Nullable Comparator<? super SnapshotRow>> comparatorProperty() {
        return sorted.comparatorProperty();
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ObjectProperty<@Nullable SnapshotRow> selectedProperty() {
        return selected;
    }

    /** The AWS CLI command that describes {@code snapshot}, as the user would type it. */
    public String describeCommand(Snapshot snapshot) {
        return commands.describeCli(snapshot);
    }

    /** Writes the rows as shown (filtered and sorted) to a file the user picks. */
    public void export(SnapshotExport.Format format) {
        String extension = format.name().toLowerCase(Locale.ROOT);
        Optional<Path> target = dialogs.chooseSaveFile(messages.get("browser.export.title"),
                "snapshots." + extension, List.of("*." + extension));
        target.ifPresent(file -> commands.export(format, visible.stream().map(SnapshotRow::snapshot).toList(), file,
                this::show));
    }

    /**
     * Edits the tag policy: the keys every snapshot must carry, each checked as a tag key, and the regular
     * expression each one's values must match, checked as the user types.
     */
    public void editTagPolicy() {
        dialogs.editTagPolicy(messages, tagSpecs.apply(Engine.AURORA_POSTGRESQL), filter.tagPolicyProperty());
    }

    /** Shows how a command ended: done in the status bar, failed in a dialog with AWS's reason. */
    private void show(SnapshotCommands.Outcome outcome) {
        switch (outcome) {
            case SnapshotCommands.Outcome.Done done -> catalog.tell(done.message());
            case SnapshotCommands.Outcome.Failed failed -> dialogs.showError(failed.title(), failed.reason());
        }
    }

    /** True when the selection is this account's manual snapshot at rest, which AWS lets the user delete. */
    public BooleanBinding canDelete() {
        return Bindings.createBooleanBinding(() -> own(SnapshotType.MANUAL)
                && !selected.get().snapshot().status().state().isInProgress(), selected);
    }

    /** True when the selection is a copy in flight into this account, which deleting it cancels. */
    public BooleanBinding canCancelCopy() {
        return Bindings.createBooleanBinding(() -> own(SnapshotType.MANUAL) && EnumSet.of(
                SnapshotState.COPYING, SnapshotState.QUEUED)
                .contains(selected.get().snapshot().status().state()), selected);
    }

    /** True when the selection was taken of a cluster of this account, which can be snapshotted again. */
    public BooleanBinding canCreateSnapshot() {
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
            commands.delete(s, this::show);
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
            commands.cancelCopy(s, this::show);
        }
    }

    /** Takes a manual snapshot of the selected snapshot's cluster, under a name the user confirms. */
    public void createSnapshotOfSelectedCluster() {
        if (!canCreateSnapshot().get()) {
            return;
        }
        Snapshot s = Objects.requireNonNull(selected.get()).snapshot();
        // canCreateSnapshot() holds only for snapshots that name their cluster.
        String cluster = Objects.requireNonNull(s.clusterIdentifier());
        String suggested = IdentifierRules.deriveTargetName(cluster,
                "manual-" + DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm")
                        .withZone(ZoneOffset.UTC).format(Instant.now()));
        TagEditorViewModel tags = new TagEditorViewModel(
                tagSpecs.apply(s.engine()), messages, List.of());
        dialogs.askNameAndTags(messages.get("browser.create.title"), messages.get("browser.create.message",
                cluster, s.region().code()), suggested, this::identifierProblem, tags,
                messages.get("browser.create.confirm"))
                .ifPresent(identifier -> {
                    List<Tag> chosen = tags.tags();
                    commands.createFromClusterOf(s, identifier, chosen, this::show);
                });
    }

    private Optional<String> identifierProblem(String text) {
        return IdentifierRules.validate("identifier", text).stream().findFirst()
                .map(p -> messages.get(p.messageKey(), p.args().toArray()));
    }

    /** True when the selection belongs to an open account, whose tags the user can change. */
    public BooleanBinding canEditTags() {
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
        TagEditorViewModel editor = new TagEditorViewModel(
                tagSpecs.apply(s.engine()), messages, s.tags());
        if (!dialogs.editTags(messages.get("browser.tags.title", s.identifier()), messages.get(
                "browser.tags.message", s.identifier(), s.region().code()), editor,
                messages.get("browser.tags.save"))) {
            return;
        }
        TagEditorViewModel.Changes changes = editor.changes();
        if (changes.isEmpty()) {
            catalog.tell(messages.get("browser.tags.unchanged", s.identifier()));
            return;
        }
        commands.editTags(s, changes.put(), changes.removed(), this::show);
    }

    /**
     * True when the selection is a manual snapshot of an open account of the RDS family, whose {@code restore}
     * attribute says who else may copy or restore it.
     */
    public BooleanBinding canShare() {
        return Bindings.createBooleanBinding(() -> selected.get() != null
                && SharingRules.unshareable(selected.get().snapshot()).isEmpty(), selected);
    }

    /** What Share does, or why the selection cannot be shared (DocumentDB Elastic, automated, another's). */
    public StringBinding shareHint() {
        return Bindings.createStringBinding(() -> {
            SnapshotRow row = selected.get();
            return row == null ? messages.get("share.hint")
                    : SharingRules.unshareable(row.snapshot()).map(p -> messages.get(p.messageKey(),
                            p.args().toArray())).orElse(messages.get("share.hint"));
        }, selected);
    }

    /**
     * Shows who the selected snapshot is shared with (read from AWS as the dialog opens) and lets the user change
     * it; saving sends only the changes in one request and lists the region again.
     */
    public void shareSelected() {
        if (!canShare().get()) {
            return;
        }
        Snapshot s = Objects.requireNonNull(selected.get()).snapshot();
        ShareViewModel share = new ShareViewModel(s, catalog.listedAccounts().stream()
                .map(a -> new ShareViewModel.Suggestion(a.accountId(),
                        messages.get("share.account.label", a.profileName(), a.accountId())))
                .toList(), commands, messages);
        share.load();
        boolean saved = shareDialogs.editSharing(share);
        share.close();
        if (!saved) {
            return;
        }
        ShareViewModel.Changes changes = share.changes();
        if (changes.isEmpty()) {
            catalog.tell(messages.get("share.unchanged", s.identifier()));
            return;
        }
        commands.share(s, changes.add(), changes.remove(), this::show);
    }

    static Comparator<SnapshotRow> newestFirst() {
        return Comparator.comparing((SnapshotRow r) -> r.snapshot().createTime(),
                Comparator.nullsLast(Comparator.reverseOrder()));
    }
}
