package dev.snapferry.ui.coverage;

import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.coverage.ClusterKey;
import dev.snapferry.core.coverage.Cost;
import dev.snapferry.core.coverage.Deletion;
import dev.snapferry.core.coverage.DrPolicy;
import dev.snapferry.core.coverage.Fleet;
import dev.snapferry.core.coverage.PriceTable;
import dev.snapferry.core.coverage.RetentionPlan;
import dev.snapferry.core.coverage.RetentionPlanner;
import dev.snapferry.core.coverage.RetentionPolicy;
import dev.snapferry.core.export.CoverageExport;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The retention clean-up: a policy typed into three fields, a dry run that lists what would be deleted (with the
 * space and cost freed and the proof that no DR coverage is lost), then, only after the user types the number of
 * snapshots, the deletions of exactly that dry run, a few at a time, each with its result line and its line in the
 * deletion log. The dry run and the results can be exported as CSV or JSON.
 */
public final class RetentionViewModel {

    /** Deletions in flight at once: AWS throttles the RDS control plane per account and region. */
    static final int AT_ONCE = 4;

    private final Supplier<Fleet> fleet;
    private final Supplier<DrPolicy> drPolicy;
    private final Supplier<PriceTable> prices;
    private final CoverageSource source;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final CoverageTexts texts;
    private final Clock clock;
    private final BiConsumer<String, dev.snapferry.core.model.RegionRef> relist;
    private final StringProperty keepNewest = new SimpleStringProperty("3");
    private final StringProperty keepDays = new SimpleStringProperty("30");
    private final StringProperty keepTags = new SimpleStringProperty("keep");
    private final ReadOnlyStringWrapper keepNewestProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keepDaysProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable RetentionPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RetentionPlan.Decision> deletions = FXCollections.observableArrayList();
    private final ObservableList<Deletion> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper proof = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    /** Set by {@link #stop()}: the run sends no more deletions (read by the workers). */
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    private final ReadOnlyBooleanWrapper stopRequested = new ReadOnlyBooleanWrapper();
    /** The number of deletions of the run going on. */
    private int runTotal;

    public RetentionViewModel(Supplier<Fleet> fleet, Supplier<DrPolicy> drPolicy, Supplier<PriceTable> prices,
                              CoverageSource source, TaskRunner tasks, DialogService dialogs, Messages messages,
                              Clock clock, BiConsumer<String, dev.snapferry.core.model.RegionRef> relist) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.drPolicy = Objects.requireNonNull(drPolicy, "drPolicy");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.source = Objects.requireNonNull(source, "source");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new CoverageTexts(messages);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.relist = Objects.requireNonNull(relist, "relist");
        keepNewest.addListener((obs, old, now) -> keepNewestProblem.set(problem(now)));
        keepDays.addListener((obs, old, now) -> keepDaysProblem.set(problem(now)));
        // Any change to the policy makes the dry run shown stale: it must be run again before deleting.
        javafx.beans.InvalidationListener stale = o -> clearPlan();
        keepNewest.addListener(stale);
        keepDays.addListener(stale);
        keepTags.addListener(stale);
    }

    public StringProperty keepNewestProperty() {
        return keepNewest;
    }

    public StringProperty keepDaysProperty() {
        return keepDays;
    }

    /** Tag keys that keep a snapshot, separated by commas. */
    public StringProperty keepTagsProperty() {
        return keepTags;
    }

    public ReadOnlyStringProperty keepNewestProblemProperty() {
        return keepNewestProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keepDaysProblemProperty() {
        return keepDaysProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable RetentionPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The dry run's deletions, by cluster. */
    public ObservableList<RetentionPlan.Decision> deletions() {
        return deletions;
    }

    /** One line per deletion of the last run: deleted, or refused with AWS's reason. */
    public ObservableList<Deletion> results() {
        return results;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The dry run's proof that no cluster loses DR coverage (or, were it ever to happen, which ones do). */
    public ReadOnlyStringProperty proofProperty() {
        return proof.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding canDryRun() {
        return Bindings.createBooleanBinding(() -> !running.get() && keepNewestProblem.get().isEmpty()
                && keepDaysProblem.get().isEmpty(), running, keepNewestProblem, keepDaysProblem);
    }

    public BooleanBinding canDelete() {
        return Bindings.createBooleanBinding(() -> !running.get() && !deletions.isEmpty(), running, deletions);
    }

    /** Plans the clean-up on the fleet as it is now; nothing is deleted. */
    public void dryRun() {
        Optional<RetentionPolicy> policy = policy();
        if (policy.isEmpty()) {
            return;
        }
        Fleet now = fleet.get();
        DrPolicy dr = drPolicy.get();
        running.set(true);
        tasks.run("plan the retention clean-up", () -> RetentionPlanner.plan(now, dr, policy.get(), clock.instant()),
                this::show, error -> {
                    status.set(new ErrorPresenter(messages).describe(error));
                    running.set(false);
                });
    }

    private void show(RetentionPlan p) {
        running.set(false);
        plan.set(p);
        deletions.setAll(p.decisions().stream().filter(RetentionPlan.Decision::deletes).toList());
        List<Snapshot> gone = p.deletions();
        long clusters = p.deletionsByCluster().size();
        summary.set(messages.get("coverage.retention.summary", gone.size(), clusters,
                texts.cost(Cost.sum(gone, prices.get()))));
        proof.set(p.coverageLost().isEmpty() ? messages.get("coverage.retention.proof")
                : messages.get("coverage.retention.lost", p.coverageLost().stream().map(ClusterKey::toString)
                        .toList().toString()));
        status.set("");
    }

    /**
     * Asks the user to type the number of snapshots the dry run deletes, then deletes exactly those, a few at a
     * time. Each result is a line (AWS's reason when it refuses) and a line in the deletion log.
     */
    public void delete() {
        RetentionPlan p = plan.get();
        if (p == null || p.deletions().isEmpty() || running.get()) {
            return;
        }
        List<Snapshot> gone = p.deletions();
        String count = String.valueOf(gone.size());
        if (!dialogs.confirmTyped(messages.get("coverage.retention.confirm.title"),
                messages.get("coverage.retention.confirm", gone.size(), p.deletionsByCluster().size()), count,
                messages.get("coverage.retention.confirm.button", gone.size()))) {
            status.set(messages.get("coverage.retention.notConfirmed"));
            return;
        }
        running.set(true);
        runTotal = gone.size();
        stopping.set(false);
        stopRequested.set(false);
        results.clear();
        status.set(messages.get("coverage.retention.progress", 0, gone.size()));
        List<String> logProblems = new ArrayList<>();
        tasks.runEach("delete snapshots of the retention clean-up", gone, AT_ONCE, s -> {
            if (stopping.get()) {
                // Stopped: not sent, so not logged (the log lists what AWS was asked to delete).
                return Deletion.notSent(s, clock.instant());
            }
            Deletion d;
            try {
                source.delete(s);
                d = new Deletion(s, clock.instant(), null, null);
            } catch (AwsCallException e) {
                d = new Deletion(s, clock.instant(), e.failure().awsCode().isEmpty()
                        ? e.failure().getClass().getSimpleName() : e.failure().awsCode(), e.failure().awsMessage());
            }
            try {
                source.log(d);
            } catch (java.io.IOException e) {
                synchronized (logProblems) {
                    logProblems.add(e.toString());
                }
            }
            return d;
        }, (s, outcome) -> {
            results.add(switch (outcome) {
                case TaskRunner.Outcome.Done<Deletion> done -> done.value();
                case TaskRunner.Outcome.Failed<Deletion> failed -> new Deletion(s, clock.instant(),
                        failed.error().getClass().getSimpleName(), failed.error().getMessage());
            });
            if (results.size() < gone.size()) {
                status.set(messages.get(stopping.get() ? "coverage.retention.stopping" : "coverage.retention.progress",
                        results.size(), gone.size()));
            }
        }, () -> {
            running.set(false);
            stopRequested.set(false);
            long deleted = results.stream().filter(Deletion::deleted).count();
            long notSent = results.stream().filter(d -> !d.sent()).count();
            long refused = results.size() - deleted - notSent;
            status.set((stopping.get()
                    ? messages.get("coverage.retention.stopped", deleted, refused, notSent, source.logLocation())
                    : messages.get("coverage.retention.done", deleted, refused, source.logLocation()))
                    + (logProblems.isEmpty() ? ""
                    : " " + messages.get("coverage.retention.logFailed", logProblems.getFirst())));
            gone.stream().map(s -> java.util.Map.entry(s.accountId(), s.region())).distinct()
                    .forEach(e -> relist.accept(e.getKey(), e.getValue()));
            clearPlan();
        });
    }

    /**
     * Stops a run: no more deletions are sent; those AWS is already deleting finish and report, and the rest each
     * get a line saying they were not sent (their snapshots are still there, and a new dry run lists them again).
     */
    public void stop() {
        if (running.get()) {
            stopping.set(true);
            stopRequested.set(true);
            status.set(messages.get("coverage.retention.stopping", results.size(), runTotal));
        }
    }

    /** True while a run goes on and has not been asked to stop. */
    public BooleanBinding canStop() {
        return Bindings.createBooleanBinding(() -> running.get() && !stopRequested.get(), running, stopRequested);
    }

    /** One result as a line: "deleted x", "x refused: code, message" or "x not sent". */
    public String resultLine(Deletion d) {
        if (!d.sent()) {
            return messages.get("coverage.retention.notSent", d.snapshot().identifier(), d.snapshot().region().code());
        }
        return d.deleted() ? messages.get("coverage.retention.deleted", d.snapshot().identifier(),
                d.snapshot().region().code())
                : messages.get("coverage.retention.refused", d.snapshot().identifier(), d.snapshot().region().code(),
                String.valueOf(d.awsCode()), String.valueOf(d.awsMessage()));
    }

    /** Saves the dry run (or, with {@code results}, the last run's results) where the user chooses. */
    public void export(CoverageExport.Format format, boolean ofResults) {
        RetentionPlan p = plan.get();
        List<Deletion> done = List.copyOf(results);
        if (!ofResults && p == null || ofResults && done.isEmpty()) {
            status.set(messages.get("coverage.export.nothing"));
            return;
        }
        String ext = format == CoverageExport.Format.CSV ? "csv" : "json";
        Optional<Path> file = dialogs.chooseSaveFile(messages.get("coverage.export.title"),
                (ofResults ? "retention-results." : "retention-dry-run.") + ext, List.of("*." + ext));
        if (file.isEmpty()) {
            return;
        }
        PriceTable table = prices.get();
        tasks.run("export the retention " + (ofResults ? "results" : "dry run"), () -> {
            try (Writer out = Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8)) {
                if (ofResults) {
                    CoverageExport.results(format, done, out);
                } else {
                    CoverageExport.plan(format, Objects.requireNonNull(p), table, out);
                }
            }
            return file.get();
        }, path -> status.set(messages.get("coverage.export.saved", path.toString())),
                error -> status.set(new ErrorPresenter(messages).describe(error)));
    }

    /** The policy typed in, or empty (with the field's problem shown) when a field is wrong. */
    Optional<RetentionPolicy> policy() {
        keepNewestProblem.set(problem(keepNewest.get()));
        keepDaysProblem.set(problem(keepDays.get()));
        if (!keepNewestProblem.get().isEmpty() || !keepDaysProblem.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RetentionPolicy(Integer.parseInt(keepNewest.get().strip()),
                Integer.parseInt(keepDays.get().strip()), Arrays.asList(keepTags.get().split(","))));
    }

    private String problem(@Nullable String text) {
        return RetentionPolicy.countProblem(text == null ? "" : text)
                .map(key -> messages.get(key, RetentionPolicy.MAX_KEEP)).orElse("");
    }

    private void clearPlan() {
        plan.set(null);
        deletions.clear();
        summary.set("");
        proof.set("");
    }
}
