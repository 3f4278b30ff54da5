package dev.snapferry.ui.copy;

import dev.snapferry.core.jobs.CopyPlans;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.JobPlan;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.KmsKeyState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CrossAccountPlanner;
import dev.snapferry.core.rules.CrossAccountPlanner.Step;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The wizard's plan, for a copy into another account than the snapshot's: the steps AWS requires
 * ({@link CrossAccountPlanner}), each with the account and region it runs in and the AWS CLI command it amounts to,
 * shown before anything is sent; the owner's customer managed key for an intermediate copy when the source is under
 * the AWS managed key; and the check of each shared key's policy.
 *
 * <p>A key policy that does not let the destination account use the key blocks Finish and shows the statement to
 * add. Snapferry adds it only through {@link #applyKeyPolicy}, which the View calls after a confirmation of its
 * own that shows the policy before and after. A policy the user may not read is said so, and Finish waits for the
 * user to accept going on at their own risk.
 */
public final class PlanStepViewModel {

    /** One step of a copy's plan, as shown: its number, what it does, where, and the CLI equivalent. */
    public record Row(String copy, int number, String text, String where, String cli) {
    }

    private final List<CopyTarget> targets;
    private final CapabilityMatrix matrix;
    private final CopyGateway gateway;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final Runnable changed;
    private final @Nullable String demoEndpoint;
    private final LatestLookup sharing;
    private final LatestLookup intermediateKeys;

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<KmsKey> ownerKeys = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable KmsKey> intermediateKey = new SimpleObjectProperty<>(this,
            "intermediateKey");
    private final ReadOnlyBooleanWrapper intermediateNeeded = new ReadOnlyBooleanWrapper(this, "intermediateNeeded");
    private final ReadOnlyStringWrapper intermediateProblem = new ReadOnlyStringWrapper(this, "intermediateProblem",
            "");
    private final BooleanProperty cleanUp = new SimpleBooleanProperty(this, "cleanUp", true);
    private final BooleanProperty acceptRisk = new SimpleBooleanProperty(this, "acceptRisk");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    /** Who each manual source is already shared with, once read; absent while not known. */
    private final Map<String, Set<String>> sharedWith = new HashMap<>();
    private final KeyPolicyChecks keys;
    private final Map<CopyTarget, CrossAccountPlanner.Plan> plans = new HashMap<>();
    private final Map<CopyTarget, String> cli = new HashMap<>();
    private String intermediateListFailure = "";
    private @Nullable AccountRef owner;
    private @Nullable RegionRef keysOf;
    private String sharingFailure = "";
    private boolean closed;

    PlanStepViewModel(List<CopyTarget> targets, CapabilityMatrix matrix, CopyGateway gateway, TaskRunner tasks,
                      Messages messages, @Nullable String demoEndpoint, Runnable changed) {
        this.targets = List.copyOf(targets);
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        this.changed = Objects.requireNonNull(changed, "changed");
        this.demoEndpoint = demoEndpoint;
        this.sharing = new LatestLookup(tasks);
        this.intermediateKeys = new LatestLookup(tasks);
        this.keys = new KeyPolicyChecks(gateway, tasks, messages, changed);
    }

    /** True when the destination account is not the snapshots' owner: the copy runs as a plan. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<KeyCheck> keyChecks() {
        return keys.list();
    }

    /** The owner's usable customer managed keys in the source region, for an intermediate copy. */
    public ObservableList<KmsKey> ownerKeys() {
        return ownerKeys;
    }

    public ObjectProperty<@Nullable KmsKey> intermediateKeyProperty() {
        return intermediateKey;
    }

    /** True when a source is under the AWS managed key: the owner copies it under a key chosen here first. */
    public ReadOnlyBooleanProperty intermediateNeededProperty() {
        return intermediateNeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty intermediateProblemProperty() {
        return intermediateProblem.getReadOnlyProperty();
    }

    /** Whether the job stops sharing, and deletes an intermediate copy, once the copy is available. */
    public BooleanProperty cleanUpProperty() {
        return cleanUp;
    }

    /** The user goes on though a key policy could not be read. */
    public BooleanProperty acceptRiskProperty() {
        return acceptRisk;
    }

    /** What keeps the plan from running that belongs to no field (an account to open, sharing not readable). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean needsRiskAccepted() {
        return keys.anyUnreadable();
    }

    /**
     * Lets the destination account use the key, as {@code check} proposes: KMS PutKeyPolicy with the policy read
     * plus the statement, then the policy is read again. Only on the user's confirmation (the View asks it, showing
     * {@link KeyCheck#policy()} and {@link KeyCheck#proposed()}).
     */
    public void applyKeyPolicy(KeyCheck check) {
        keys.apply(check);
    }

    // ---- for the wizard ----

    List<Observable> inputs() {
        return List.of(intermediateKey, cleanUp, acceptRisk);
    }

    /**
     * The destination changed: when it is another account than the owner's, what the plan needs to know is read
     * (who the manual sources are shared with, the owner's keys for an intermediate copy).
     */
    void destinationChanged(@Nullable AccountRef destination, List<AccountRef> open) {
        sharing.forget();
        intermediateKeys.forget();
        Snapshot first = targets.getFirst().source();
        // A snapshot shared with the destination (listed there as foreign) is copied directly, by ARN: the plan is
        // for the owner's own snapshots going into another account.
        boolean other = destination != null && !first.isForeign()
                && !destination.accountId().equals(first.ownerAccountId());
        active.set(other);
        owner = open.stream().filter(a -> a.accountId().equals(first.ownerAccountId())).findFirst().orElse(null);
        if (!other || owner == null || closed) {
            return;
        }
        AccountRef from = owner;
        List<Snapshot> manual = targets.stream().map(CopyTarget::source)
                .filter(s -> !s.isAutomated() && s.engine().family() != EngineFamily.DOCUMENTDB_ELASTIC)
                .filter(s -> !sharedWith.containsKey(s.arn())).toList();
        if (!manual.isEmpty()) {
            sharingFailure = "";
            sharing.start("read who the sources are shared with", () -> {
                Map<String, Set<String>> found = new HashMap<>();
                for (Snapshot s : manual) {
                    found.put(s.arn(), gateway.sharedWith(from, s));
                }
                return found;
            }, found -> {
                sharedWith.putAll(found);
                changed.run();
            }, error -> {
                sharingFailure = messages.get("copy.plan.sharingUnreadable", errors.describe(error));
                changed.run();
            });
        }
        Optional<RegionRef> needs = targets.stream().map(CopyTarget::source)
                .filter(s -> s.storageEncrypted() && s.awsManagedKey()).map(Snapshot::region).findFirst();
        if (needs.isPresent() && !needs.get().equals(keysOf)) {
            RegionRef where = needs.get();
            intermediateKeys.start("list the owner's keys of " + where.code(), () -> gateway.keys(from, where),
                    keys -> {
                        keysOf = where;
                        ownerKeys.setAll(keys.stream().filter(k -> !k.awsManaged()
                                && k.state() == KmsKeyState.ENABLED).toList());
                        changed.run();
                    }, error -> {
                        intermediateListFailure = messages.get("copy.plan.intermediateKey.listFailed", where.code(),
                                errors.describe(error));
                        changed.run();
                    });
        }
    }

    /**
     * Plans every copy not yet accepted as the wizard's inputs now say, shows the steps, starts reading the key
     * policies the plans need, and says whether Finish may send them. Returns the problems of fields of other
     * steps (the destination account), which the wizard shows there.
     */
    List<Problem> show(List<CopyTarget> pending, java.util.function.Function<CopyTarget, CopyRequest> request) {
        plans.clear();
        cli.clear();
        rows.clear();
        if (!active.get()) {
            intermediateNeeded.set(false);
            valid.set(true);
            problem.set("");
            keys.need(List.of());
            return List.of();
        }
        List<Problem> elsewhere = new ArrayList<>();
        List<String> general = new ArrayList<>();
        String intermediate = "";
        boolean unknown = false;
        boolean needsIntermediate = false;
        List<KeyCheck> keysNeeded = new ArrayList<>();
        for (CopyTarget target : pending) {
            CopyRequest wanted = request.apply(target);
            Snapshot source = target.source();
            // An automated source is shared through its intermediate copy, which nobody can have been given yet.
            Set<String> known = sharedWith.get(source.arn());
            unknown |= known == null && !source.isAutomated();
            Set<String> already = known == null ? Set.of() : known;
            KmsKey middle = intermediateKey.get();
            if (source.storageEncrypted() && source.awsManagedKey()) {
                needsIntermediate = true;
                if (keysOf != null && !keysOf.equals(source.region())) {
                    intermediate = messages.get("copy.plan.intermediateKey.oneRegion", keysOf.code(),
                            source.identifier());
                }
            }
            CrossAccountPlanner.Plan plan = CrossAccountPlanner.plan(matrix.forEngine(source.engine()), source,
                    new CrossAccountPlanner.Choices(wanted.destinationAccount().accountId(),
                            wanted.destinationRegion(), wanted.targetIdentifier(), wanted.kmsKeyId(),
                            middle == null ? null : middle.arn(), null, already));
            plans.put(target, plan);
            for (Problem p : plan.problems()) {
                switch (p.field()) {
                    case CrossAccountPlanner.INTERMEDIATE_KEY -> intermediate = intermediate.isEmpty()
                            ? CopyChecks.text(messages, p) : intermediate;
                    case CrossAccountPlanner.DESTINATION_ACCOUNT -> elsewhere.add(p);
                    case CrossAccountPlanner.LANDING_KEY -> general.add(CopyChecks.text(messages, p));
                    default -> {
                        // The name, the destination key and the region are the other steps' fields: shown there.
                    }
                }
            }
            int number = 1;
            List<String> commands = new ArrayList<>();
            for (Step step : plan.steps()) {
                Row row = row(pending.size() > 1 ? source.identifier() : "", number++, step, source);
                rows.add(row);
                commands.add(row.cli());
                if (step instanceof Step.CheckKeyPolicy check && owner != null) {
                    keysNeeded.add(new KeyCheck(owner, check.region(), check.keyId(), check.forAccount(),
                            KeyCheck.Access.CHECKING, "", ""));
                }
            }
            cli.put(target, String.join("\n", commands));
        }
        intermediateNeeded.set(needsIntermediate);
        intermediateProblem.set(!needsIntermediate ? "" : !intermediate.isEmpty() ? intermediate
                : intermediateListFailure);
        if (owner == null) {
            general.add(messages.get("copy.plan.ownerNotOpen", targets.getFirst().source().ownerAccountId()));
        }
        if (!sharingFailure.isEmpty()) {
            general.add(sharingFailure);
        }
        List<Runnable> reads = keys.need(keysNeeded);
        boolean keysOk = keys.settled(acceptRisk.get());
        problem.set(String.join("\n", general));
        valid.set(general.isEmpty() && intermediateProblem.get().isEmpty() && elsewhere.isEmpty() && !unknown
                && keysOk && plans.values().stream().allMatch(p -> p.problems().isEmpty()));
        // Started last: an answer that comes at once (and checks the plan again) finds this check complete.
        reads.forEach(Runnable::run);
        return elsewhere;
    }

    /** The plan's commands for a target's copy, one per line, as last planned. */
    String cliOf(CopyTarget target) {
        return cli.getOrDefault(target, "");
    }

    /** The job's stages for a target's copy, as last planned. */
    JobPlan stages(CopyTarget target, CopyRequest requested) {
        CrossAccountPlanner.Plan plan = Objects.requireNonNull(plans.get(target), "not planned");
        return CopyPlans.stages(plan, requested, Objects.requireNonNull(owner, "owner not open"), cleanUp.get());
    }

    void close() {
        closed = true;
        sharing.close();
        intermediateKeys.close();
        keys.close();
    }

    // ---- inside ----

    private Row row(String copy, int number, Step step, Snapshot source) {
        String text = switch (step) {
            case Step.CopyInOwner c -> messages.get(c.reason() == CrossAccountPlanner.IntermediateReason.AUTOMATED
                    ? "copy.plan.step.intermediate.automated" : "copy.plan.step.intermediate.awsManaged",
                    c.sourceIdentifier(), c.target(), c.kmsKeyId() == null ? "" : c.kmsKeyId());
            case Step.Share s -> messages.get("copy.plan.step.share", s.snapshotIdentifier(), s.withAccount());
            case Step.CheckKeyPolicy k -> messages.get("copy.plan.step.keyPolicy", k.keyId(), k.forAccount());
            case Step.CopyInDestination c -> messages.get("copy.plan.step.copy", c.sourceArn(), c.target(),
                    c.kmsKeyId() == null ? messages.get("copy.plan.step.copy.noKey") : c.kmsKeyId());
            case Step.CleanUp c -> messages.get(c.deleteSnapshot() ? "copy.plan.step.cleanUp.delete"
                    : "copy.plan.step.cleanUp", c.snapshotIdentifier(), c.sharedWith())
                    + (cleanUp.get() ? "" : " " + messages.get("copy.plan.step.cleanUp.skipped"));
        };
        String where = messages.get("copy.plan.where", step.accountId(), step.region().code());
        List<String> cli = PlanCommands.cli(step, source.engine().family(), this::openAccount, demoEndpoint);
        return new Row(copy, number, text, where, String.join("\n", cli));
    }

    private Optional<AccountRef> openAccount(String accountId) {
        return gateway.accounts().stream().filter(a -> a.accountId().equals(accountId)).findFirst();
    }
}
