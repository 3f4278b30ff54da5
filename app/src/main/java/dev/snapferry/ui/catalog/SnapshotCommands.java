package dev.snapferry.ui.catalog;

import dev.snapferry.core.export.SnapshotExport;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.SharingRules;
import dev.snapferry.core.storage.AtomicFiles;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskHandle;
import dev.snapferry.ui.common.TaskRunner;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What the user can do to listed snapshots: delete, cancel a copy, take a snapshot, change tags, share, export. Each
 * runs off the UI thread and ends in an {@link Outcome} the screen shows; a change that AWS accepted lists its
 * region again in the catalog, so every screen sees it.
 */
public final class SnapshotCommands {

    /** How a command ended, worded for the user. */
    public sealed interface Outcome {
        /** It worked: {@code message} says what was done. */
        record Done(String message) implements Outcome {
        }

        /** It did not: a title for the dialog and the reason (AWS's code and message when AWS refused). */
        record Failed(String title, String reason) implements Outcome {
        }
    }

    private final SnapshotActions actions;
    private final SnapshotCatalog catalog;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorPresenter errors;

    public SnapshotCommands(SnapshotActions actions, SnapshotCatalog catalog, TaskRunner tasks, Messages messages) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
    }

    public void delete(Snapshot s, Consumer<Outcome> then) {
        change(s, () -> {
            actions.delete(s);
            return messages.get("browser.delete.done", s.identifier());
        }, then);
    }

    /** Cancels a copy in flight by deleting its target. */
    public void cancelCopy(Snapshot s, Consumer<Outcome> then) {
        change(s, () -> {
            actions.delete(s);
            return messages.get("browser.cancel.done", s.identifier());
        }, then);
    }

    /** Takes a manual snapshot, named and tagged, of the cluster {@code of} was taken from. */
    public void createFromClusterOf(Snapshot of, String identifier, List<Tag> tags, Consumer<Outcome> then) {
        change(of, () -> messages.get("browser.create.done",
                actions.createFromClusterOf(of, identifier, tags).identifier()), then);
    }

    /** Sets {@code put}, then removes the {@code removed} keys. */
    public void editTags(Snapshot s, List<Tag> put, List<String> removed, Consumer<Outcome> then) {
        change(s, () -> {
            actions.editTags(s, put, removed);
            return messages.get("browser.tags.done", s.identifier(), put.size(), removed.size());
        }, then);
    }

    /**
     * Reads who besides its owner may restore {@code s} (its {@code restore} attribute; {@code all}: anyone), off
     * the UI thread; {@code failed} gets AWS's reason when the read is refused. Cancelling the handle (the dialog
     * closed) drops the answer.
     */
    public TaskHandle readSharing(Snapshot s, Consumer<Set<String>> then, Consumer<Outcome.Failed> failed) {
        return tasks.run("read sharing of " + s.identifier(), () -> actions.restoreAccounts(s), then,
                error -> failed.accept(new Outcome.Failed(messages.get("share.readFailed.title"),
                        errors.describe(error))));
    }

    /** Reads the policy of {@code s}'s KMS key off the UI thread; {@code failed} gets AWS's reason if refused. */
    public TaskHandle readKeyPolicy(Snapshot s, Consumer<String> then, Consumer<Outcome.Failed> failed) {
        return tasks.run("read the key policy of " + s.identifier(), () -> actions.keyPolicy(s), then,
                error -> failed.accept(new Outcome.Failed(messages.get("share.readFailed.title"),
                        errors.describe(error))));
    }

    /**
     * Shares {@code s} with the {@code add} accounts and stops sharing it with the {@code remove} ones, in one
     * change that sends only these; then lists its region again.
     */
    public void share(Snapshot s, List<String> add, List<String> remove, Consumer<Outcome> then) {
        java.util.concurrent.atomic.AtomicReference<Set<String>> shared = new java.util.concurrent.atomic
                .AtomicReference<>();
        change(s, () -> {
            Set<String> now = actions.share(s, add, remove);
            shared.set(now);
            return messages.get(now.contains(SharingRules.PUBLIC) ? "share.done.public" : "share.done",
                    s.identifier(), now.stream().filter(a -> !SharingRules.PUBLIC.equals(a)).count());
        }, outcome -> {
            Set<String> now = shared.get();
            if (outcome instanceof Outcome.Done && now != null) {
                catalog.sharingChanged(s.arn(), now);
            }
            then.accept(outcome);
        });
    }

    /** Writes {@code snapshots} to {@code file} atomically: a failed export leaves no half-written file. */
    public void export(SnapshotExport.Format format, List<Snapshot> snapshots, Path file, Consumer<Outcome> then) {
        tasks.run("export " + file.getFileName(), () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                SnapshotExport.write(format, snapshots, writer);
            }
            AtomicFiles.write(file, bytes.toByteArray());
            return snapshots.size();
        }, count -> then.accept(new Outcome.Done(messages.get("browser.export.done", count, file.toString()))),
                error -> then.accept(new Outcome.Failed(messages.get("browser.export.failed.title"),
                        messages.get("browser.export.failed", file.toString(), errors.describe(error)))));
    }

    /** The AWS CLI command that describes {@code snapshot}, as the user would type it. */
    public String describeCli(Snapshot snapshot) {
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
        catalog.accountOf(snapshot).ifPresent(account -> appendAccount(cli, account));
        return cli.toString();
    }

    private void appendAccount(StringBuilder cli, AccountRef account) {
        var demoEndpoint = catalog.accounts().demoEndpoint();
        if (account.demo() && demoEndpoint.isPresent()) {
            cli.append(" --endpoint-url ").append(demoEndpoint.get());
        } else if (!account.demo()) {
            cli.append(" --profile ").append(account.profileName());
        }
    }

    /** Runs a change off the UI thread; on success lists its region again, on failure says AWS's reason. */
    private void change(Snapshot s, Callable<String> work, Consumer<Outcome> then) {
        tasks.run("change " + s.identifier(), work, done -> {
            catalog.listAgain(s.accountId(), s.region());
            then.accept(new Outcome.Done(done));
        }, error -> then.accept(new Outcome.Failed(messages.get("browser.change.failed.title"),
                errors.describe(error))));
    }
}
