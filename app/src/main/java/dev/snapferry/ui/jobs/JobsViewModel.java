package dev.snapferry.ui.jobs;

import dev.snapferry.core.jobs.CopyJobService;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.JobPlan;
import dev.snapferry.core.model.PlanStage;
import dev.snapferry.core.model.JobState;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.UiThread;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.jspecify.annotations.Nullable;

/**
 * The copy jobs panel: every job with its state, progress, elapsed time and an estimate of the time left from the
 * observed rate; cancel, retry and clear; the count of jobs in flight for the tab's badge; a call when a job ends
 * (the app shows a notification and lists the job's region again).
 *
 * <p>The service reports from its own threads, possibly hundreds of changes a second; this ViewModel keeps only
 * the latest report and applies it on the UI thread once per turn, so the UI thread is never flooded.
 */
public final class JobsViewModel {

    /** Which jobs the panel shows. */
    public enum Show { IN_FLIGHT, FINISHED, ALL }

    /**
     * One row of the panel: the same object for the job's whole life, its {@link #jobProperty()} replaced as the
     * job moves, so that the table redraws that row's cells and nothing else.
     */
    public static final class JobRow {
        private final UUID id;
        private final ReadOnlyObjectWrapper<CopyJob> job;

        JobRow(CopyJob job) {
            this.id = job.id();
            this.job = new ReadOnlyObjectWrapper<>(this, "job", job);
        }

        public UUID id() {
            return id;
        }

        public CopyJob job() {
            return job.get();
        }

        public ReadOnlyObjectProperty<CopyJob> jobProperty() {
            return job.getReadOnlyProperty();
        }
    }

    private final CopyJobService service;
    private final UiThread ui;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final Clock clock;
    private final Consumer<CopyJob> ended;
    // No extractor: a row's change reaches only its own cells, never the list (which would redraw every row).
    private final ObservableList<JobRow> all = FXCollections.observableArrayList();
    private final FilteredList<JobRow> shown = new FilteredList<>(all);
    private final Map<UUID, JobRow> rowsById = new HashMap<>();
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(this, "show", Show.ALL);
    private final ReadOnlyIntegerWrapper inFlight = new ReadOnlyIntegerWrapper(this, "inFlight");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /** Whether {@link #problem} is the service's (its history), which its next good write clears. */
    private boolean historyProblem;
    private final AtomicReference<CopyJobService.@Nullable Update> pending = new AtomicReference<>();
    private final Map<UUID, JobState> lastStates = new HashMap<>();
    private final Map<UUID, Instant[]> firstSeen = new HashMap<>();
    private final Map<UUID, Integer> firstPercent = new HashMap<>();
    private final Map<UUID, Integer> stagesSeen = new HashMap<>();
    private final List<Consumer<List<CopyJob>>> applied = new java.util.ArrayList<>();

    public JobsViewModel(CopyJobService service, UiThread ui, TaskRunner tasks, DialogService dialogs,
                         Messages messages, Clock clock, Consumer<CopyJob> ended) {
        this.service = Objects.requireNonNull(service, "service");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ended = Objects.requireNonNull(ended, "ended");
        show.addListener(x -> filter());
        filter();
        service.addListener(update -> {
            if (pending.getAndSet(update) == null) {
                ui.execute(this::applyLatest);
            }
        });
        apply(new CopyJobService.Update(service.jobs(), null), false);
    }

    /**
     * Hears every job as the panel applied it, on the UI thread and at most once per turn: the catalog's progress
     * bars follow the same merged updates as the panel.
     */
    public void onJobsApplied(Consumer<List<CopyJob>> listener) {
        applied.add(Objects.requireNonNull(listener, "listener"));
    }

    public ObservableList<JobRow> jobs() {
        return shown;
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    /** Jobs not yet over: the badge on the tab. */
    public ReadOnlyIntegerProperty inFlightProperty() {
        return inFlight.getReadOnlyProperty();
    }

    /** The last problem of the service (the history could not be written), empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private void applyLatest() {
        CopyJobService.Update update = pending.getAndSet(null);
        if (update != null) {
            apply(update, true);
        }
    }

    private void apply(CopyJobService.Update update, boolean announce) {
        Instant now = clock.instant();
        for (CopyJob job : update.jobs()) {
            JobState before = lastStates.put(job.id(), job.state());
            Integer stage = job.plan() == null ? null : job.plan().current();
            if (stage != null && !stage.equals(stagesSeen.put(job.id(), stage))) {
                // A plan's next step starts at 0 %: its time left is measured afresh.
                firstSeen.remove(job.id());
                firstPercent.remove(job.id());
            }
            if (job.state() == JobState.COPYING && !firstSeen.containsKey(job.id())) {
                firstSeen.put(job.id(), new Instant[] {now});
                firstPercent.put(job.id(), job.percent());
            }
            if (announce && before != null && before != job.state() && job.state().isFinal()) {
                ended.accept(job);
            }
        }
        replaceChanged(update.jobs());
        inFlight.set((int) update.jobs().stream().filter(j -> !j.state().isFinal()).count());
        applied.forEach(listener -> listener.accept(update.jobs()));
        if (update.problem() != null) {
            problem.set(errors.describe(update.problem()));
            historyProblem = true;
        } else if (historyProblem) {
            // The service wrote its history again: the problem it reported is over.
            problem.set("");
            historyProblem = false;
        }
    }

    /**
     * Puts the new jobs in the list touching only the rows that changed, so that a poll moving five of 500 jobs
     * redraws five rows; a list of other jobs (added, cleared) is replaced whole.
     */
    private void replaceChanged(List<CopyJob> next) {
        boolean sameJobs = next.size() == all.size();
        for (int i = 0; sameJobs && i < next.size(); i++) {
            sameJobs = next.get(i).id().equals(all.get(i).id());
        }
        if (!sameJobs) {
            List<JobRow> rows = new java.util.ArrayList<>(next.size());
            Map<UUID, JobRow> kept = new HashMap<>();
            for (CopyJob job : next) {
                JobRow row = rowsById.get(job.id());
                if (row == null) {
                    row = new JobRow(job);
                } else {
                    row.job.set(job);
                }
                rows.add(row);
                kept.put(job.id(), row);
            }
            rowsById.clear();
            rowsById.putAll(kept);
            all.setAll(rows);
            return;
        }
        boolean endings = false;
        for (int i = 0; i < next.size(); i++) {
            JobRow row = all.get(i);
            if (!next.get(i).equals(row.job())) {
                endings |= next.get(i).state().isFinal() != row.job().state().isFinal();
                row.job.set(next.get(i));
            }
        }
        if (endings && show.get() != Show.ALL) {
            // A job moved between "in flight" and "finished": the filter is asked again.
            filter();
        }
    }

    /** One sentence on how a job ended, for a notification. */
    public static String describeEnd(Messages messages, CopyJob job) {
        String target = job.request().targetIdentifier();
        return switch (job.state()) {
            case AVAILABLE -> messages.get("jobs.notify.done", target, job.request().destinationRegion().code());
            case FAILED -> messages.get("jobs.notify.failed", target, job.failure() == null ? ""
                    : new ErrorPresenter(messages).describe(job.failure()));
            default -> messages.get("jobs.notify.cancelled", target);
        };
    }

    private void filter() {
        Show which = show.get();
        // A new predicate object each time: FilteredList filters again only when the predicate changes.
        shown.setPredicate(r -> which == Show.ALL || (which == Show.FINISHED) == r.job().state().isFinal());
    }

    /** How the job's state reads in the panel. */
    public String stateText(CopyJob job) {
        String state = job.state() == JobState.FAILED && job.failure() != null
                ? messages.get("jobs.state.FAILED.because", errors.describe(job.failure()))
                : messages.get("jobs.state." + job.state().name());
        JobPlan plan = job.plan();
        if (plan == null || job.state() == JobState.AVAILABLE || job.state() == JobState.CANCELLED) {
            return state;
        }
        // A plan says which of its steps the state is about: a refusal at the share reads differently from one at
        // the other account's copy.
        return messages.get("jobs.stage", plan.current() + 1, plan.stages().size(), stageText(plan.stage()), state);
    }

    private String stageText(PlanStage stage) {
        return switch (stage.kind()) {
            case COPY -> messages.get("jobs.stage.COPY", stage.snapshot(), stage.account().accountId());
            case SHARE -> messages.get("jobs.stage.SHARE", stage.snapshot(), String.valueOf(stage.withAccount()));
            case CLEAN_UP -> messages.get("jobs.stage.CLEAN_UP", stage.snapshot(), stage.account().accountId());
        };
    }

    /** Time since the job was started, as "3 min". */
    public String elapsed(CopyJob job) {
        Instant end = job.state().isFinal() ? job.updatedAt() : clock.instant();
        return duration(Duration.between(job.createdAt(), end));
    }

    /** Time left at the rate observed since the panel first saw the job copying; empty while unknown. */
    public String eta(CopyJob job) {
        Instant[] since = firstSeen.get(job.id());
        Integer from = firstPercent.get(job.id());
        if (job.state() != JobState.COPYING || since == null || from == null || job.percent() <= from) {
            return "";
        }
        double perSecond = (job.percent() - from) / (double) Math.max(1,
                Duration.between(since[0], clock.instant()).getSeconds());
        return perSecond <= 0 ? "" : duration(Duration.ofSeconds((long) ((100 - job.percent()) / perSecond)));
    }

    private String duration(Duration d) {
        long minutes = d.toMinutes();
        return minutes < 1 ? messages.get("jobs.duration.seconds", Math.max(0, d.getSeconds()))
                : minutes < 120 ? messages.get("jobs.duration.minutes", minutes)
                : messages.get("jobs.duration.hours", minutes / 60, minutes % 60);
    }

    public boolean canCancel(CopyJob job) {
        return CopyJobService.cancellable(job);
    }

    public boolean canRetry(CopyJob job) {
        return job.state() == JobState.FAILED || job.state() == JobState.CANCELLED;
    }

    /** Cancels after a confirmation that names the copy (in flight, its target is deleted). */
    public void cancel(CopyJob job) {
        if (!canCancel(job)) {
            return;
        }
        String target = job.request().targetIdentifier();
        List<PlanStage> undone = CopyJobService.undoneByCancel(job);
        String text = !undone.isEmpty() ? messages.get("jobs.cancel.plan", target,
                job.request().destinationAccount().accountId(), String.join("\n", undone.stream()
                        .map(this::undoText).toList()))
                : job.state() == JobState.WAITING ? messages.get("jobs.cancel.waiting", target)
                : messages.get("jobs.cancel.inFlight", target, job.request().destinationRegion().code());
        if (dialogs.confirm(messages.get("jobs.cancel.title"), text, messages.get("jobs.cancel.confirm"))) {
            tasks.run("cancel " + target, () -> service.cancel(job.id()), ok -> { },
                    error -> problem.set(errors.describe(error)));
        }
    }

    /**
     * Starts the same copy again: a failed plan resumes at the step that failed (the steps before it are done and
     * are not sent again); a cancelled plan starts over, since its cancel took back what it had made; a copy is
     * sent again as a new job.
     */
    public void retry(CopyJob job) {
        if (!canRetry(job)) {
            return;
        }
        JobPlan plan = job.plan();
        tasks.run("retry " + job.request().targetIdentifier(), () -> {
            if (plan != null && job.state() == JobState.FAILED) {
                return service.resume(job.id());
            }
            if (plan != null) {
                service.submitPlan(job.request(), new JobPlan(plan.stages(), 0));
            } else {
                service.submit(List.of(job.request()));
            }
            return true;
        }, ok -> { }, error -> problem.set(errors.describe(error)));
    }

    private String undoText(PlanStage stage) {
        return stage.kind() == PlanStage.Kind.SHARE
                ? messages.get("jobs.cancel.plan.share", stage.snapshot(), String.valueOf(stage.withAccount()),
                stage.account().accountId(), stage.region().code())
                : messages.get("jobs.cancel.plan.copy", stage.snapshot(), stage.account().accountId(),
                stage.region().code());
    }

    public void clearFinished() {
        tasks.run("clear finished jobs", () -> {
            service.clearFinished();
            return null;
        }, ok -> { }, error -> problem.set(errors.describe(error)));
    }
}
