package dev.snapferry.ui.copy;

import dev.snapferry.core.aws.AwsFailure;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.JobPlan;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.Scheduler;
import dev.snapferry.ui.common.TaskRunner;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The copy wizard: one snapshot or a batch, to a destination account and region, with a target name (or a naming
 * template), a KMS key and tags, every choice checked by {@code core.rules} as the user makes it. The View shows
 * what this decides: each problem at its field, Next and Finish enabled only when the step is valid.
 *
 * <p>Each step has its own ViewModel, bound by its page of the View: {@link DestinationStepViewModel},
 * {@link KeyStepViewModel}, {@link TagsStepViewModel} and {@link ReviewStepViewModel}. This class moves between
 * them, checks every copy again whenever any input changes (the rules judge a copy's destination, name, key and
 * tags together, so no step can judge its share alone), and starts the destination's lookups when it changes.
 *
 * <p>Submitting sends each copy once: a copy AWS accepted is never sent again, and a copy AWS refused comes back to
 * the step of the field it concerns so that the user can fix it and finish again. Closing the wizard stops its
 * lookups; an answer that arrives later is dropped.
 */
public final class CopyWizardViewModel {

    public enum Step {
        DESTINATION, ENCRYPTION, TAGS,
        /** Only for a copy into another account than the snapshots' own: the plan of shares and copies. */
        PLAN,
        REVIEW
    }

    private final List<CopyTarget> targets;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final DestinationStepViewModel destination;
    private final KeyStepViewModel encryption;
    private final TagsStepViewModel tagging;
    private final PlanStepViewModel plan;
    private final ReviewStepViewModel review;
    private final CopyChecks checks;
    private final CopyGateway gateway;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.DESTINATION);

    public CopyWizardViewModel(List<Snapshot> sources, CapabilityMatrix matrix, CopyGateway gateway, TaskRunner tasks,
                               Scheduler scheduler, Messages messages, Clock clock, @Nullable String demoEndpoint) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to copy");
        }
        Objects.requireNonNull(matrix, "matrix");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(tasks, "tasks");
        this.targets = sources.stream().map(CopyTarget::new).toList();
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        this.review = new ReviewStepViewModel(gateway, tasks, messages, demoEndpoint);
        this.destination = new DestinationStepViewModel(targets, matrix, gateway, tasks,
                Objects.requireNonNull(scheduler, "scheduler"), messages, clock, this::revalidate,
                review::showProblem);
        this.encryption = new KeyStepViewModel(targets, matrix, gateway, tasks, messages, this::revalidate);
        this.tagging = new TagsStepViewModel(targets, matrix, messages);
        this.plan = new PlanStepViewModel(targets, matrix, gateway, tasks, messages, demoEndpoint, this::revalidate);
        this.checks = new CopyChecks(targets, matrix, messages, this::request, (target, request) ->
                plan.activeProperty().get() ? review.row(target, request, plan.cliOf(target)) : review.row(target,
                        request));
        Stream.of(destination.inputs(), encryption.inputs(), tagging.inputs(), plan.inputs()).flatMap(List::stream)
                .forEach(o -> o.addListener(x -> revalidate()));
        destination.accountProperty().addListener(x -> destinationChanged());
        destination.regionProperty().addListener(x -> destinationChanged());
        destinationChanged();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public DestinationStepViewModel destinationStep() {
        return destination;
    }

    public KeyStepViewModel keyStep() {
        return encryption;
    }

    public TagsStepViewModel tagsStep() {
        return tagging;
    }

    public PlanStepViewModel planStep() {
        return plan;
    }

    /** Lets the review warn before a batch would exceed a destination's manual cluster snapshot quota. */
    public void useQuotas(ReviewStepViewModel.QuotaLookup lookup) {
        review.useQuotas(lookup);
    }

    public ReviewStepViewModel reviewStep() {
        return review;
    }

    public boolean isBatch() {
        return targets.size() > 1;
    }

    public List<CopyTarget> targets() {
        return targets;
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return review.submittingProperty();
    }

    /** True once every copy was accepted: the wizard can close. */
    public ReadOnlyBooleanProperty doneProperty() {
        return review.doneProperty();
    }

    /** The copies AWS accepted so far. */
    public List<CopyRequest> submitted() {
        return targets.stream().filter(CopyTarget::isSubmitted).map(this::request).toList();
    }

    public BooleanBinding canBack() {
        return Bindings.createBooleanBinding(() -> step.get() != Step.DESTINATION && !submittingProperty().get(),
                step, submittingProperty());
    }

    public BooleanBinding canNext() {
        return Bindings.createBooleanBinding(() -> step.get() != Step.REVIEW && stepValid(step.get()), step,
                destination.validProperty(), encryption.validProperty(), tagging.validProperty(),
                plan.validProperty());
    }

    public BooleanBinding canFinish() {
        return Bindings.createBooleanBinding(() -> stepValid(Step.REVIEW) && !submittingProperty().get()
                        && !doneProperty().get(), destination.validProperty(), encryption.validProperty(),
                tagging.validProperty(), plan.validProperty(), submittingProperty(), doneProperty());
    }

    public void next() {
        if (canNext().get()) {
            step.set(skipPlan(Step.values()[step.get().ordinal() + 1], +1));
        }
    }

    public void back() {
        if (canBack().get()) {
            step.set(skipPlan(Step.values()[step.get().ordinal() - 1], -1));
        }
    }

    /** The plan is a step only for a copy into another account; otherwise the wizard goes past it. */
    private Step skipPlan(Step to, int direction) {
        return to == Step.PLAN && !plan.activeProperty().get() ? Step.values()[to.ordinal() + direction] : to;
    }

    /**
     * Sends every copy not yet accepted, one after the other, off the UI thread. Each refusal comes back to its
     * field (a name already taken to the name, a key AWS cannot use to the key); the wizard moves to the first step
     * with a problem, and Finish sends only what is still unsent.
     */
    public void finish() {
        if (!canFinish().get()) {
            return;
        }
        List<CopyTarget> pending = targets.stream().filter(t -> !t.isSubmitted()).toList();
        List<CopyRequest> requests = pending.stream().map(this::request).toList();
        if (plan.activeProperty().get()) {
            // The stages are taken now, on the UI thread, from the plans the user saw.
            Map<CopyRequest, JobPlan> stages = new IdentityHashMap<>();
            for (int i = 0; i < pending.size(); i++) {
                stages.put(requests.get(i), plan.stages(pending.get(i), requests.get(i)));
            }
            review.submit(requests, request -> gateway.startPlan(request, Objects.requireNonNull(stages.get(request))),
                    outcomes -> answered(pending, requests, outcomes));
        } else {
            review.submit(requests, gateway::start, outcomes -> answered(pending, requests, outcomes));
        }
    }

    /**
     * The wizard's window is gone: the lookups still running (names taken in the destination, its KMS keys) and a
     * names check waiting for a pause in typing are cancelled, and their answers, should any still come, are
     * dropped. Copies being sent are not stopped: AWS may have accepted some, and {@link #submitted()} says which.
     */
    public void close() {
        destination.close();
        encryption.close();
        plan.close();
    }

    // ---- inside ----

    private void destinationChanged() {
        encryption.forget();
        if (!destination.destinationChanged()) {
            return;
        }
        plan.destinationChanged(destination.accountProperty().get(), gateway.accounts());
        RegionRef where = destination.regionProperty().get();
        encryption.keepOnlyKeysOf(where);
        revalidate();
        AccountRef who = destination.accountProperty().get();
        if (where == null || who == null) {
            return;
        }
        destination.lookUpNames();
        encryption.load(who, where);
    }

    private CopyRequest request(CopyTarget target) {
        KmsKey chosen = encryption.keyProperty().get();
        AccountRef who = Objects.requireNonNullElse(destination.accountProperty().get(), new AccountRef(
                target.source().ownerAccountId(), "", false));
        RegionRef where = Objects.requireNonNullElse(destination.regionProperty().get(), target.source().region());
        return new CopyRequest(target.source(), who, where, destination.nameOf(target),
                chosen == null ? null : chosen.arn(), tagging.copiesSourceTags(), tagging.given());
    }

    private void revalidate() {
        AccountRef who = destination.accountProperty().get();
        RegionRef where = destination.regionProperty().get();
        List<CopyTarget> pending = targets.stream().filter(t -> !t.isSubmitted()).toList();
        String accountText = plan.show(pending, this::request).stream().map(p -> CopyChecks.text(messages, p))
                .findFirst().orElse("");
        CopyChecks.Findings found = checks.check(where, destination.taken(), encryption.keyProperty().get());
        destination.show(found.regionProblem(), found.namesOk(), accountText);
        encryption.show(who, where, found.keyErrors(), found.warnings());
        tagging.show(found.tagErrors(), found.warnings());
        review.show(found.rows());
    }

    private boolean stepValid(Step which) {
        return switch (which) {
            case DESTINATION -> destination.validProperty().get();
            case ENCRYPTION -> encryption.validProperty().get();
            case TAGS -> tagging.validProperty().get();
            case PLAN -> plan.validProperty().get();
            case REVIEW -> destination.validProperty().get() && encryption.validProperty().get()
                    && tagging.validProperty().get() && plan.validProperty().get();
        };
    }

    private void answered(List<CopyTarget> pending, List<CopyRequest> requests, List<Optional<AwsFailure>> outcomes) {
        Step firstProblem = null;
        for (int i = 0; i < outcomes.size(); i++) {
            CopyTarget target = pending.get(i);
            Optional<AwsFailure> failure = outcomes.get(i);
            if (failure.isEmpty()) {
                target.accepted();
                continue;
            }
            Step at = refused(target, requests.get(i), failure.get());
            firstProblem = firstProblem == null || at.ordinal() < firstProblem.ordinal() ? at : firstProblem;
        }
        revalidate();
        if (firstProblem == null) {
            review.finished();
        } else {
            step.set(firstProblem);
        }
    }

    /** Puts AWS's refusal where the user can fix it; returns the step of that field. */
    private Step refused(CopyTarget target, CopyRequest request, AwsFailure failure) {
        return switch (failure) {
            case AwsFailure.AlreadyExists exists -> {
                target.refused(request.targetIdentifier(), messages.get("copy.refused.exists",
                        request.targetIdentifier(), request.destinationRegion().code()));
                destination.nameRefused(request.targetIdentifier());
                yield Step.DESTINATION;
            }
            case AwsFailure.KmsKeyNotAccessible kms when kms.awsMessage().contains("source snapshot KMS key")
                    && !request.source().ownerAccountId().equals(request.destinationAccount().accountId()) -> {
                // AWS's wording for the source's key (CopyDBClusterSnapshot, KMSKeyNotAccessibleFault): no key the
                // user picks here helps; the owner's key policy must let the destination account use the key.
                review.addProblem(checks.prefixed(target, messages.get("copy.refused.sourceKeyPolicy",
                        request.source().ownerAccountId(), request.destinationAccount().accountId(),
                        errors.describe(failure))));
                yield Step.REVIEW;
            }
            case AwsFailure.KmsKeyNotAccessible kms -> {
                encryption.refused(request.kmsKeyId() == null ? "" : request.kmsKeyId(),
                        messages.get("copy.refused.kms", errors.describe(failure)));
                yield Step.ENCRYPTION;
            }
            case AwsFailure.NotFound notFound when !request.source().ownerAccountId()
                    .equals(request.destinationAccount().accountId()) -> {
                // The source was listed a moment ago by its owner: from another account "not found" means that
                // account may not see it, i.e. it is not shared with it (or was deleted since).
                review.addProblem(checks.prefixed(target, messages.get("copy.refused.notShared",
                        request.source().identifier(), request.destinationAccount().accountId(),
                        request.source().ownerAccountId(), errors.describe(failure))));
                yield Step.REVIEW;
            }
            default -> {
                review.addProblem(checks.prefixed(target, errors.describe(failure)));
                yield Step.REVIEW;
            }
        };
    }
}
