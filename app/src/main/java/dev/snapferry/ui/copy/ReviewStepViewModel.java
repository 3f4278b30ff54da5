package dev.snapferry.ui.copy;

import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsFailure;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The wizard's last step: what Finish will send, copy by copy, with the equivalent AWS CLI command and what the
 * copy transfers; and the sending itself, each copy once, off the UI thread, each copy's answer from AWS reported
 * to the wizard. A refusal that concerns no single field (a quota, access denied) is shown here.
 */
public final class ReviewStepViewModel {

    /** What Finish will send for one copy. */
    public record Row(CopyTarget target, CopyRequest request, String cli, boolean crossRegion, String transfer) {
    }

    private final CopyGateway gateway;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final @Nullable String demoEndpoint;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper generalProblem = new ReadOnlyStringWrapper(this, "generalProblem", "");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(this, "submitting");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyStringWrapper quotaWarning = new ReadOnlyStringWrapper(this, "quotaWarning", "");
    private @Nullable QuotaLookup quotas;

    /** Reads an account's manual cluster snapshot quota in a region (DescribeAccountAttributes); may block. */
    @FunctionalInterface
    public interface QuotaLookup {
        dev.snapferry.core.coverage.Quota quota(dev.snapferry.core.model.AccountRef account, RegionRef region);
    }

    /** @param demoEndpoint the simulator's address in demo mode, so that the CLI commands shown reach it too */
    ReviewStepViewModel(CopyGateway gateway, TaskRunner tasks, Messages messages, @Nullable String demoEndpoint) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        this.demoEndpoint = demoEndpoint;
    }

    /** The copies not yet accepted by AWS, as Finish will send them. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** A refusal of AWS that concerns no single field (a quota, access denied), with what to do. */
    public ReadOnlyStringProperty generalProblemProperty() {
        return generalProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }

    /**
     * Which destinations this batch would take over their manual cluster snapshot quota, one line each; empty
     * when none would, or when the quota cannot be read (then AWS's own refusal still says so at Finish).
     */
    public ReadOnlyStringProperty quotaWarningProperty() {
        return quotaWarning.getReadOnlyProperty();
    }

    /** True once every copy was accepted: the wizard can close. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    // ---- for the wizard ----

    Row row(CopyTarget target, CopyRequest request) {
        return new Row(target, request, CopyCommands.cli(request, request.destinationAccount(), demoEndpoint),
                request.isCrossRegion(), transfer(request));
    }

    /** A copy into another account: its plan's commands, step by step, in place of one copy's. */
    Row row(CopyTarget target, CopyRequest request, String planCli) {
        return new Row(target, request, planCli, request.isCrossRegion(), transfer(request));
    }

    void show(List<Row> latest) {
        rows.setAll(latest);
        checkQuotas(latest);
    }

    void useQuotas(QuotaLookup lookup) {
        this.quotas = Objects.requireNonNull(lookup, "lookup");
    }

    /** Counts the new manual snapshots per destination and reads each destination's quota in the background. */
    private void checkQuotas(List<Row> latest) {
        QuotaLookup lookup = quotas;
        quotaWarning.set("");
        if (lookup == null || latest.isEmpty()) {
            return;
        }
        java.util.Map<java.util.Map.Entry<dev.snapferry.core.model.AccountRef, RegionRef>, Integer> batch =
                new java.util.LinkedHashMap<>();
        latest.forEach(r -> batch.merge(java.util.Map.entry(r.request().destinationAccount(),
                r.request().destinationRegion()), 1, Integer::sum));
        batch.forEach((where, count) -> tasks.run("read the manual snapshot quota of " + where.getValue(),
                () -> lookup.quota(where.getKey(), where.getValue()), quota -> {
                    if (quota.wouldExceed(count)) {
                        String line = messages.get("coverage.copy.quotaWarning", count, where.getKey().accountId(),
                                where.getValue().code(), String.valueOf(quota.used()), String.valueOf(quota.max()));
                        quotaWarning.set(quotaWarning.get().isEmpty() ? line : quotaWarning.get() + "\n" + line);
                    }
                }, error -> { }));
    }

    /**
     * Sends {@code requests} one after the other in the background, each through {@code start} (a copy, or a
     * plan's job); {@code answered} gets, in the same order,
     * nothing for each copy AWS accepted and AWS's refusal for each it refused. Anything else that goes wrong is
     * shown here and nothing is reported: which copies AWS took is not known.
     */
    void submit(List<CopyRequest> requests, Consumer<CopyRequest> start,
                Consumer<List<Optional<AwsFailure>>> answered) {
        submitting.set(true);
        generalProblem.set("");
        tasks.run("copy " + requests.size() + " snapshot(s)", () -> {
            List<Optional<AwsFailure>> outcomes = new ArrayList<>();
            for (CopyRequest request : requests) {
                try {
                    start.accept(request);
                    outcomes.add(Optional.empty());
                } catch (AwsCallException e) {
                    outcomes.add(Optional.of(e.failure()));
                }
            }
            return outcomes;
        }, outcomes -> {
            submitting.set(false);
            answered.accept(outcomes);
        }, error -> {
            submitting.set(false);
            generalProblem.set(errors.describe(error));
        });
    }

    /** Shows a problem in place of the one shown. */
    void showProblem(String text) {
        generalProblem.set(text);
    }

    /** Adds a line to the problem shown: one per copy AWS refused for a reason of no single field. */
    void addProblem(String line) {
        String before = generalProblem.get();
        generalProblem.set(before.isEmpty() ? line : before + "\n" + line);
    }

    void finished() {
        done.set(true);
    }

    private String transfer(CopyRequest request) {
        if (!request.isCrossRegion()) {
            return messages.get("copy.review.sameRegion");
        }
        Integer gib = request.source().dataSizeGiB();
        if (gib == null) {
            return messages.get("copy.review.crossRegion.unknownSize", request.source().region().code(),
                    request.destinationRegion().code());
        }
        String moved = messages.get("copy.review.crossRegion", request.source().region().code(),
                request.destinationRegion().code(), gib);
        // The transfer charge from the Coverage tab's price table: an upper bound, or nothing when it has no price.
        java.util.OptionalDouble charge = dev.snapferry.core.coverage.Cost.transfer(request.source(),
                request.destinationRegion(), dev.snapferry.core.coverage.PriceTable.bundled());
        return charge.isEmpty() ? moved : moved + " " + messages.get("coverage.copy.transfer",
                String.format(java.util.Locale.ROOT, "%,.2f", charge.getAsDouble()), gib);
    }
}
