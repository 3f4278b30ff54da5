package dev.snapferry.ui.audit;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.audit.Exposure;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.TagSpec;
import dev.snapferry.ui.audit.AuditViewModel.FixResult;
import dev.snapferry.ui.catalog.SnapshotActions;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.TaskRunner.Outcome;
import dev.snapferry.ui.tags.TagEditorViewModel;
import dev.snapferry.ui.tags.TagDialogService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fixes the audit offers on the findings selected in its table (tags set or removed in bulk, public snapshots
 * made private), each asked for through a dialog, then applied to one snapshot after another with a result line
 * per snapshot. Used on the UI thread only.
 */
final class AuditFixes {

    /** What the fixes need of the audit screen. */
    interface Screen {

        /** Shows {@code message} in the status line. */
        void say(String message);

        /** True while a fix runs or sharing is read: then no fix starts. */
        boolean isBusy();

        /** A fix started or ended. */
        void busyChanged();

        /** How far the running fix is, 0 to 1. */
        void progressed(double share);

        /** A fix ended: AWS changed (some of) these snapshots. */
        void changed(List<Snapshot> targets);
    }

    @FunctionalInterface
    private interface Fix {
        String apply(Snapshot snapshot);
    }

    private final ObservableList<Audit.Finding> selection;
    private final SnapshotActions actions;
    private final Function<Engine, TagSpec> tagSpecs;
    private final TaskRunner tasks;
    private final TagDialogService dialogs;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final SharingReader sharing;
    private final Screen screen;
    private final ObservableList<FixResult> results = FXCollections.observableArrayList();
    private boolean fixing;

    AuditFixes(ObservableList<Audit.Finding> selection, SnapshotActions actions, Function<Engine, TagSpec> tagSpecs,
               TaskRunner tasks, TagDialogService dialogs, Messages messages, ErrorPresenter errors,
               SharingReader sharing, Screen screen) {
        this.selection = Objects.requireNonNull(selection, "selection");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.tagSpecs = Objects.requireNonNull(tagSpecs, "tagSpecs");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.sharing = Objects.requireNonNull(sharing, "sharing");
        this.screen = Objects.requireNonNull(screen, "screen");
    }

    boolean isFixing() {
        return fixing;
    }

    /** The last fix's result, one line per snapshot. */
    ObservableList<FixResult> results() {
        return results;
    }

    /**
     * Sets tags on the selected snapshots: the editor starts with a row for every required key one of them lacks,
     * to fill in; what the user saves is added to each (existing keys get the new value).
     */
    void fixTags() {
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
            screen.say(messages.get("audit.fixTags.nothing"));
            return;
        }
        runFix(messages.get("audit.fixTags.running", targets.size()), targets, s -> {
            actions.editTags(s, put, List.of());
            return messages.get("audit.fixTags.done", put.size());
        });
    }

    /** Removes tag keys, typed as a comma-separated list, from the selected snapshots that carry them. */
    void removeTagKeys() {
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
    void makePrivate() {
        List<Snapshot> targets = selection.stream().filter(Audit.Finding::isPublic).map(Audit.Finding::snapshot)
                .toList();
        if (targets.isEmpty()) {
            screen.say(messages.get("audit.private.none"));
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
        }, () -> sharing.remember(now));
    }

    /** The selected snapshots this account owns; says why when there are none, and which were left out. */
    private List<Snapshot> ownTargets() {
        if (selection.isEmpty()) {
            screen.say(messages.get("audit.select"));
            return List.of();
        }
        List<Snapshot> own = selection.stream().map(Audit.Finding::snapshot).filter(s -> !s.isForeign()).toList();
        if (own.isEmpty()) {
            screen.say(messages.get("audit.foreignOnly"));
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

    private void runFix(String running, List<Snapshot> targets, Fix fix) {
        runFix(running, targets, fix, () -> { });
    }

    /**
     * Applies {@code fix} to each target in turn off the UI thread, a result line per snapshot, then tells the
     * screen what changed, so that the browser and the audit show AWS's state.
     */
    private void runFix(String running, List<Snapshot> targets, Fix fix, Runnable afterwards) {
        if (screen.isBusy()) {
            screen.say(messages.get("audit.busy"));
            return;
        }
        fixing = true;
        screen.busyChanged();
        screen.progressed(0);
        results.clear();
        screen.say(running);
        // One at a time: the lines come in the order of the selection, and AWS sees no burst of changes.
        tasks.runEach("audit fix", targets, 1, fix::apply, (s, outcome) -> {
            results.add(switch (outcome) {
                case Outcome.Done<String> done -> new FixResult(s.identifier(), s.region().code(), true, done.value());
                case Outcome.Failed<String> failed -> new FixResult(s.identifier(), s.region().code(), false,
                        errors.describe(failed.error()));
            });
            screen.progressed((double) results.size() / targets.size());
        }, () -> {
            fixing = false;
            screen.busyChanged();
            afterwards.run();
            long failed = results.stream().filter(r -> !r.done()).count();
            screen.say(failed == 0 ? messages.get("audit.fix.done", results.size())
                    : messages.get("audit.fix.partly", results.size() - failed, failed));
            screen.changed(targets);
        });
    }
}
