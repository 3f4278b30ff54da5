package dev.snapferry.ui.copy;

import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsFailure;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CopyContext;
import dev.snapferry.core.rules.CopyRules;
import dev.snapferry.core.rules.IdentifierRules;
import dev.snapferry.core.rules.KmsRequirement;
import dev.snapferry.core.rules.KmsRules;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.core.rules.Severity;
import dev.snapferry.core.rules.TagRules;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.Scheduler;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.tags.TagEditorViewModel;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The copy wizard: one snapshot or a batch, to a destination account and region, with a target name (or a naming
 * template), a KMS key and tags, every choice checked by {@code core.rules} as the user makes it. The View shows
 * what this decides: each problem at its field, Next and Finish enabled only when the step is valid.
 *
 * <p>Whether a target name is already taken is checked against AWS in the background: the destination's names are
 * fetched when it is chosen and again once the user stops typing; an answer that arrives for a destination no
 * longer chosen is dropped. Submitting sends each copy once: a copy AWS accepted is never sent again, and a copy
 * AWS refused comes back to the field it concerns so that the user can fix it and finish again.
 */
public final class CopyWizardViewModel {

    public enum Step {
        DESTINATION, ENCRYPTION, TAGS, REVIEW
    }

    /** A destination region, with why it cannot be chosen (empty when it can). */
    public record RegionChoice(RegionRef region, String disabledReason) {
        public boolean enabled() {
            return disabledReason.isEmpty();
        }
    }

    /** One copy of the batch: its source, its target name and the problem of that name. */
    public static final class Target {
        private final Snapshot source;
        private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
        private final ReadOnlyBooleanWrapper submitted = new ReadOnlyBooleanWrapper(this, "submitted", false);
        private @Nullable String refusedName;
        private String refusal = "";

        Target(Snapshot source) {
            this.source = source;
        }

        public Snapshot source() {
            return source;
        }

        public ReadOnlyStringProperty nameProperty() {
            return name.getReadOnlyProperty();
        }

        /** What is wrong with this copy's name (or source); empty when nothing is. */
        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }

        /** True once AWS accepted this copy: it is not sent again. */
        public ReadOnlyBooleanProperty submittedProperty() {
            return submitted.getReadOnlyProperty();
        }
    }

    /** What Finish will send for one copy, for the review step. */
    public record ReviewRow(Target target, CopyRequest request, String cli, boolean crossRegion, String transfer) {
    }

    static final String DEFAULT_TEMPLATE = "{source}-copy-{date}";
    private static final long CHECK_DELAY_MILLIS = 400;

    private final List<Target> targets;
    private final CapabilityMatrix matrix;
    private final CopyGateway gateway;
    private final TaskRunner tasks;
    private final Scheduler scheduler;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final @Nullable String demoEndpoint;
    private final String date;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.DESTINATION);
    private final ObservableList<AccountRef> accounts = FXCollections.observableArrayList();
    private final ObservableList<RegionChoice> regions = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable AccountRef> account = new SimpleObjectProperty<>(this, "account");
    private final ObjectProperty<@Nullable RegionRef> region = new SimpleObjectProperty<>(this, "region");
    private final ReadOnlyStringWrapper regionProblem = new ReadOnlyStringWrapper(this, "regionProblem", "");
    private final StringProperty targetIdentifier = new SimpleStringProperty(this, "targetIdentifier", "");
    private final StringProperty template = new SimpleStringProperty(this, "template", DEFAULT_TEMPLATE);
    private final ReadOnlyStringWrapper templateProblem = new ReadOnlyStringWrapper(this, "templateProblem", "");
    private final ReadOnlyBooleanWrapper checkingNames = new ReadOnlyBooleanWrapper(this, "checkingNames");
    private final ObservableList<KmsKey> keys = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loadingKeys = new ReadOnlyBooleanWrapper(this, "loadingKeys");
    private final ObjectProperty<@Nullable KmsKey> key = new SimpleObjectProperty<>(this, "key");
    private final ReadOnlyStringWrapper kmsNeed = new ReadOnlyStringWrapper(this, "kmsNeed", "");
    private final ReadOnlyStringWrapper kmsReason = new ReadOnlyStringWrapper(this, "kmsReason", "");
    private final ReadOnlyStringWrapper kmsProblem = new ReadOnlyStringWrapper(this, "kmsProblem", "");
    private final ReadOnlyStringWrapper kmsWarning = new ReadOnlyStringWrapper(this, "kmsWarning", "");
    private final ReadOnlyStringWrapper sourceEncryption = new ReadOnlyStringWrapper(this, "sourceEncryption", "");
    private final BooleanProperty copyTags = new SimpleBooleanProperty(this, "copyTags", true);
    private final TagEditorViewModel tags;
    private final ReadOnlyStringWrapper tagsProblem = new ReadOnlyStringWrapper(this, "tagsProblem", "");
    private final ReadOnlyStringWrapper tagWarning = new ReadOnlyStringWrapper(this, "tagWarning", "");
    private final ReadOnlyStringWrapper tagPreview = new ReadOnlyStringWrapper(this, "tagPreview", "");
    private final ObservableList<ReviewRow> review = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper generalProblem = new ReadOnlyStringWrapper(this, "generalProblem", "");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(this, "submitting");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper destinationValid = new ReadOnlyBooleanWrapper(this, "destinationValid");
    private final ReadOnlyBooleanWrapper encryptionValid = new ReadOnlyBooleanWrapper(this, "encryptionValid");
    private final ReadOnlyBooleanWrapper tagsValid = new ReadOnlyBooleanWrapper(this, "tagsValid");

    /** Names taken in the destination, as last fetched; null while not known for the current destination. */
    private @Nullable Set<String> taken;
    private long destinationGeneration;
    private @Nullable Runnable pendingCheck;
    private @Nullable String kmsRefusedKey;
    private String kmsRefusal = "";
    private String keysFailure = "";

    public CopyWizardViewModel(List<Snapshot> sources, CapabilityMatrix matrix, CopyGateway gateway, TaskRunner tasks,
                               Scheduler scheduler, Messages messages, Clock clock, @Nullable String demoEndpoint) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to copy");
        }
        this.targets = sources.stream().map(Target::new).toList();
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        this.demoEndpoint = demoEndpoint;
        this.date = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(clock.instant());
        this.tags = new TagEditorViewModel(matrix.forEngine(sources.getFirst().engine()).tags(), messages, List.of());
        Snapshot first = sources.getFirst();
        targetIdentifier.set(expand(DEFAULT_TEMPLATE, first, first.region()));
        sourceEncryption.set(describeEncryption());

        accounts.setAll(gateway.accounts());
        account.set(accounts.stream().filter(a -> a.accountId().equals(first.ownerAccountId())).findFirst()
                .or(() -> accounts.stream().findFirst()).orElse(null));
        region.set(first.region());
        List<Observable> inputs = List.of(targetIdentifier, template, key, copyTags, tags.rows(),
                tags.validProperty());
        inputs.forEach(o -> o.addListener(x -> revalidate()));
        key.addListener((obs, old, now) -> {
            if (now != null && !now.state().isUsable()) {
                // Disabled or pending deletion: it cannot encrypt, and the View shows it unselectable.
                key.set(old);
            }
        });
        account.addListener(x -> destinationChanged());
        region.addListener(x -> destinationChanged());
        targetIdentifier.addListener(x -> scheduleNameCheck());
        template.addListener(x -> scheduleNameCheck());
        destinationChanged();
    }

    // ---- properties the View binds ----

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public boolean isBatch() {
        return targets.size() > 1;
    }

    public List<Target> targets() {
        return targets;
    }

    public ObservableList<AccountRef> accounts() {
        return accounts;
    }

    public ObservableList<RegionChoice> regions() {
        return regions;
    }

    public ObjectProperty<@Nullable AccountRef> accountProperty() {
        return account;
    }

    /** The destination region; a region that cannot be chosen is refused (the View disables it too). */
    public ObjectProperty<@Nullable RegionRef> regionProperty() {
        return region;
    }

    public ReadOnlyStringProperty regionProblemProperty() {
        return regionProblem.getReadOnlyProperty();
    }

    /** The target name of a single copy. */
    public StringProperty targetIdentifierProperty() {
        return targetIdentifier;
    }

    /** The naming template of a batch: {@code {source}}, {@code {date}}, {@code {region}} and literal text. */
    public StringProperty templateProperty() {
        return template;
    }

    public ReadOnlyStringProperty templateProblemProperty() {
        return templateProblem.getReadOnlyProperty();
    }

    /** True while the destination's existing names are being fetched. */
    public ReadOnlyBooleanProperty checkingNamesProperty() {
        return checkingNames.getReadOnlyProperty();
    }

    /** The single copy's name problem, the same as its target's. */
    public ReadOnlyStringProperty targetProblemProperty() {
        return targets.getFirst().problemProperty();
    }

    public ObservableList<KmsKey> keys() {
        return keys;
    }

    public ReadOnlyBooleanProperty loadingKeysProperty() {
        return loadingKeys.getReadOnlyProperty();
    }

    /** The chosen KMS key; a key that cannot encrypt (disabled, pending deletion) is refused. */
    public ObjectProperty<@Nullable KmsKey> keyProperty() {
        return key;
    }

    /** "Required", "Optional" or "Not allowed". */
    public ReadOnlyStringProperty kmsNeedProperty() {
        return kmsNeed.getReadOnlyProperty();
    }

    /** Why, in one sentence. */
    public ReadOnlyStringProperty kmsReasonProperty() {
        return kmsReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kmsProblemProperty() {
        return kmsProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kmsWarningProperty() {
        return kmsWarning.getReadOnlyProperty();
    }

    /** How the source (or each source of a batch) is encrypted. */
    public ReadOnlyStringProperty sourceEncryptionProperty() {
        return sourceEncryption.getReadOnlyProperty();
    }

    public BooleanProperty copyTagsProperty() {
        return copyTags;
    }

    public TagEditorViewModel tags() {
        return tags;
    }

    public ReadOnlyStringProperty tagsProblemProperty() {
        return tagsProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tagWarningProperty() {
        return tagWarning.getReadOnlyProperty();
    }

    /** The tags the copy (or each copy) will get. */
    public ReadOnlyStringProperty tagPreviewProperty() {
        return tagPreview.getReadOnlyProperty();
    }

    public ObservableList<ReviewRow> review() {
        return review;
    }

    /** A refusal of AWS that concerns no single field (a quota, access denied), with what to do. */
    public ReadOnlyStringProperty generalProblemProperty() {
        return generalProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }

    /** True once every copy was accepted: the wizard can close. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public BooleanBinding canBack() {
        return Bindings.createBooleanBinding(() -> step.get() != Step.DESTINATION && !submitting.get(), step,
                submitting);
    }

    public BooleanBinding canNext() {
        return Bindings.createBooleanBinding(() -> step.get() != Step.REVIEW && stepValid(step.get()), step,
                destinationValid, encryptionValid, tagsValid);
    }

    public BooleanBinding canFinish() {
        return Bindings.createBooleanBinding(() -> destinationValid.get() && encryptionValid.get()
                && tagsValid.get() && !submitting.get() && !done.get(), destinationValid, encryptionValid,
                tagsValid, submitting, done);
    }

    public void next() {
        if (canNext().get()) {
            step.set(Step.values()[step.get().ordinal() + 1]);
        }
    }

    public void back() {
        if (canBack().get()) {
            step.set(Step.values()[step.get().ordinal() - 1]);
        }
    }

    // ---- destination: names taken, keys ----

    private void destinationChanged() {
        long generation = ++destinationGeneration;
        taken = null;
        keys.clear();
        keysFailure = "";
        RegionRef where = region.get();
        AccountRef who = account.get();
        regions.setAll(regionChoices());
        if (where != null && regions.stream().anyMatch(c -> c.region().equals(where) && !c.enabled())) {
            // A region the View shows disabled is never the destination.
            region.set(regions.stream().filter(RegionChoice::enabled).map(RegionChoice::region)
                    .filter(r -> r.equals(targets.getFirst().source().region())).findFirst().orElse(null));
            return;
        }
        if (key.get() != null && where != null && !key.get().region().equals(where)) {
            key.set(null);
        }
        revalidate();
        if (where == null || who == null) {
            return;
        }
        fetchTaken(generation, who, where);
        loadingKeys.set(true);
        tasks.run("list KMS keys of " + where.code(), () -> gateway.keys(who, where), found -> {
            if (generation == destinationGeneration) {
                keys.setAll(found);
                loadingKeys.set(false);
                revalidate();
            }
        }, error -> {
            if (generation == destinationGeneration) {
                loadingKeys.set(false);
                keysFailure = messages.get("copy.kms.listFailed", where.code(), explain(error));
                revalidate();
            }
        });
    }

    private void fetchTaken(long generation, AccountRef who, RegionRef where) {
        checkingNames.set(true);
        boolean rds = targets.stream().anyMatch(t -> t.source().engine().api() != ApiFamily.DOCDB_ELASTIC);
        boolean elastic = targets.stream().anyMatch(t -> t.source().engine().api() == ApiFamily.DOCDB_ELASTIC);
        tasks.run("names taken in " + where.code(), () -> {
            Set<String> names = new HashSet<>();
            if (rds) {
                names.addAll(gateway.takenIdentifiers(who, where, false));
            }
            if (elastic) {
                names.addAll(gateway.takenIdentifiers(who, where, true));
            }
            return names;
        }, names -> {
            if (generation == destinationGeneration) {
                taken = names;
                checkingNames.set(false);
                revalidate();
            }
        }, error -> {
            if (generation == destinationGeneration) {
                checkingNames.set(false);
                generalProblem.set(messages.get("copy.namesFailed", explain(error)));
                revalidate();
            }
        });
    }

    /** Once typing pauses, the destination's names are fetched again: a name taken meanwhile is caught. */
    private void scheduleNameCheck() {
        if (pendingCheck != null) {
            pendingCheck.run();
        }
        pendingCheck = scheduler.after(CHECK_DELAY_MILLIS, () -> {
            pendingCheck = null;
            AccountRef who = account.get();
            RegionRef where = region.get();
            if (who != null && where != null && !checkingNames.get()) {
                fetchTaken(destinationGeneration, who, where);
            }
        });
    }

    private List<RegionChoice> regionChoices() {
        AccountRef who = account.get();
        List<RegionRef> offered = new ArrayList<>(gateway.regions());
        targets.stream().map(t -> t.source().region()).filter(r -> !offered.contains(r)).distinct()
                .forEach(offered::add);
        List<RegionChoice> choices = new ArrayList<>();
        for (RegionRef r : offered) {
            String reason = "";
            for (Target t : targets) {
                List<Problem> problems = CopyRules.checkDestination(matrix.forEngine(t.source().engine()),
                        new CopyContext(t.source(), who == null ? t.source().ownerAccountId() : who.accountId(), r,
                                null, null));
                if (!problems.isEmpty()) {
                    reason = (isBatch() ? t.source().identifier() + ": " : "") + text(problems.getFirst());
                    break;
                }
            }
            choices.add(new RegionChoice(r, reason));
        }
        return choices;
    }

    // ---- validation ----

    /** The target name of one copy, from the single name or the batch's template. */
    private String nameOf(Target target) {
        return isBatch() ? expand(template.get(), target.source(), region.get()) : targetIdentifier.get().strip();
    }

    /**
     * The template with {@code {source}} replaced by the source's name made valid (an automated snapshot's
     * {@code rds:} prefix dropped) and shortened so that the whole name fits in 63 characters when it can.
     */
    String expand(String pattern, Snapshot source, @Nullable RegionRef where) {
        String rest = pattern.replace("{date}", date).replace("{region}", where == null ? "" : where.code());
        if (!rest.contains("{source}")) {
            return rest;
        }
        int room = IdentifierRules.MAX_LENGTH - (rest.length() - "{source}".length());
        String base = IdentifierRules.deriveTargetName(source.identifier(), "");
        if (room >= 1 && base.length() > room) {
            base = base.substring(0, room).replaceAll("-+$", "");
        }
        return rest.replace("{source}", base);
    }

    private CopyRequest request(Target target) {
        KmsKey chosen = key.get();
        AccountRef who = Objects.requireNonNullElse(account.get(), new AccountRef(
                target.source().ownerAccountId(), "", false));
        RegionRef where = Objects.requireNonNullElse(region.get(), target.source().region());
        return new CopyRequest(target.source(), who, where, nameOf(target), chosen == null ? null : chosen.arn(),
                copyTags.get(), tags.tags());
    }

    private void revalidate() {
        AccountRef who = account.get();
        RegionRef where = region.get();
        List<Problem> kms = new ArrayList<>();
        List<Problem> tagProblems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        String regionText = where == null ? messages.get("copy.region.choose") : "";
        boolean namesOk = true;
        Set<String> batchNames = new HashSet<>();
        List<ReviewRow> rows = new ArrayList<>();
        for (Target target : targets) {
            String name = nameOf(target);
            target.name.set(name);
            if (target.submitted.get()) {
                continue;
            }
            CopyRequest request = request(target);
            Set<String> known = taken == null ? Set.of() : taken;
            List<Problem> problems = CopyRules.validate(matrix, request, key.get(), known);
            // AWS's own refusal of this very name says most; the local checks follow.
            String nameText = name.equals(target.refusedName) ? target.refusal : "";
            for (Problem p : problems) {
                String field = p.field();
                if (field.equals(CopyRules.DESTINATION_REGION)) {
                    regionText = regionText.isEmpty() ? prefixed(target, text(p)) : regionText;
                } else if (field.equals(CopyRules.TARGET_IDENTIFIER) || field.equals(CopyRules.SOURCE)) {
                    nameText = nameText.isEmpty() ? text(p) : nameText;
                } else if (field.equals(KmsRules.FIELD)) {
                    (p.severity() == Severity.ERROR ? kms : warnings).add(p);
                } else if (p.severity() == Severity.ERROR) {
                    tagProblems.add(p);
                } else {
                    warnings.add(p);
                }
            }
            if (nameText.isEmpty() && !batchNames.add(IdentifierRules.normalize(name))) {
                nameText = messages.get("copy.batch.collision", name);
            }
            target.problem.set(nameText);
            namesOk &= nameText.isEmpty();
            rows.add(new ReviewRow(target, request, CopyCommands.cli(request, request.destinationAccount(),
                    demoEndpoint), request.isCrossRegion(), transfer(request)));
        }
        regionProblem.set(regionText);
        templateProblem.set(isBatch() && !template.get().contains("{source}")
                ? messages.get("copy.template.noSource") : "");
        updateKms(who, where, kms, warnings);
        tagsProblem.set(tagProblems.stream().filter(p -> p.field().equals("tags")).findFirst().map(this::text)
                .orElse(""));
        tagWarning.set(warnings.stream().filter(p -> !p.field().equals(KmsRules.FIELD)).map(this::text).distinct()
                .collect(Collectors.joining("\n")));
        tagPreview.set(tagPreviewText());
        review.setAll(rows);
        destinationValid.set(where != null && who != null && regionText.isEmpty() && namesOk
                && templateProblem.get().isEmpty() && taken != null && !checkingNames.get());
        encryptionValid.set(kmsProblem.get().isEmpty() && !loadingKeys.get());
        tagsValid.set(tags.validProperty().get() && tagProblems.isEmpty());
    }

    private void updateKms(@Nullable AccountRef who, @Nullable RegionRef where, List<Problem> kms,
                           List<Problem> warnings) {
        Target first = targets.stream().filter(t -> !t.submitted.get()).findFirst().orElse(targets.getFirst());
        if (where != null) {
            KmsRequirement requirement = KmsRules.requirement(matrix.forEngine(first.source().engine()),
                    new CopyContext(first.source(), who == null ? first.source().ownerAccountId() : who.accountId(),
                            where, null, null));
            kmsNeed.set(messages.get("copy.kms.need." + requirement.need().name()));
            kmsReason.set(messages.get(requirement.reason().messageKey()));
        }
        String problem = kms.stream().map(p -> text(p)).findFirst().orElse("");
        KmsKey chosen = key.get();
        String chosenArn = chosen == null ? "" : chosen.arn();
        if (problem.isEmpty() && kmsRefusedKey != null && kmsRefusedKey.equals(chosenArn)) {
            problem = kmsRefusal;
        }
        kmsProblem.set(problem);
        List<String> notes = new ArrayList<>();
        if (!keysFailure.isEmpty()) {
            notes.add(keysFailure);
        }
        warnings.stream().filter(p -> p.field().equals(KmsRules.FIELD)).map(this::text).distinct()
                .forEach(notes::add);
        kmsWarning.set(String.join("\n", notes));
    }

    private String tagPreviewText() {
        if (isBatch() && copyTags.get() && tags.tags().isEmpty()) {
            return messages.get("copy.tags.preview.eachSource");
        }
        List<Tag> result = TagRules.resultingTags(copyTags.get(), targets.getFirst().source().tags(), tags.tags());
        String list = result.isEmpty() ? messages.get("copy.tags.preview.none")
                : result.stream().map(t -> t.key() + "=" + t.value()).collect(Collectors.joining(", "));
        return copyTags.get() && !tags.tags().isEmpty() ? messages.get("copy.tags.preview.replace", list) : list;
    }

    private String transfer(CopyRequest request) {
        if (!request.isCrossRegion()) {
            return messages.get("copy.review.sameRegion");
        }
        Integer gib = request.source().dataSizeGiB();
        return gib == null ? messages.get("copy.review.crossRegion.unknownSize", request.source().region().code(),
                request.destinationRegion().code())
                : messages.get("copy.review.crossRegion", request.source().region().code(),
                request.destinationRegion().code(), gib);
    }

    private String describeEncryption() {
        return targets.stream().map(t -> {
            Snapshot s = t.source();
            String own = !s.storageEncrypted() ? messages.get("copy.encryption.none")
                    : messages.get(s.awsManagedKey() ? "copy.encryption.awsManaged" : "copy.encryption.customer",
                    s.kmsKeyAlias() != null ? s.kmsKeyAlias() : String.valueOf(s.kmsKeyId()));
            return isBatch() ? s.identifier() + ": " + own : own;
        }).distinct().limit(20).collect(Collectors.joining("\n"));
    }

    private String prefixed(Target target, String text) {
        return isBatch() ? target.source().identifier() + ": " + text : text;
    }

    private String text(Problem p) {
        return messages.get(p.messageKey(), p.args().toArray());
    }

    private boolean stepValid(Step which) {
        return switch (which) {
            case DESTINATION -> destinationValid.get();
            case ENCRYPTION -> encryptionValid.get();
            case TAGS -> tagsValid.get();
            case REVIEW -> destinationValid.get() && encryptionValid.get() && tagsValid.get();
        };
    }

    // ---- submitting ----

    /**
     * Sends every copy not yet accepted, one after the other, off the UI thread. Each refusal comes back to its
     * field (a name already taken to the name, a key AWS cannot use to the key); the wizard moves to the first step
     * with a problem, and Finish sends only what is still unsent.
     */
    public void finish() {
        if (!canFinish().get()) {
            return;
        }
        List<Target> pending = targets.stream().filter(t -> !t.submitted.get()).toList();
        List<CopyRequest> requests = pending.stream().map(this::request).toList();
        submitting.set(true);
        generalProblem.set("");
        tasks.run("copy " + requests.size() + " snapshot(s)", () -> {
            List<Optional<AwsFailure>> outcomes = new ArrayList<>();
            for (CopyRequest request : requests) {
                try {
                    gateway.start(request);
                    outcomes.add(Optional.empty());
                } catch (AwsCallException e) {
                    outcomes.add(Optional.of(e.failure()));
                }
            }
            return outcomes;
        }, outcomes -> {
            submitting.set(false);
            Step firstProblem = null;
            for (int i = 0; i < outcomes.size(); i++) {
                Target target = pending.get(i);
                Optional<AwsFailure> failure = outcomes.get(i);
                if (failure.isEmpty()) {
                    target.submitted.set(true);
                    continue;
                }
                Step at = refused(target, requests.get(i), failure.get());
                firstProblem = firstProblem == null || at.ordinal() < firstProblem.ordinal() ? at : firstProblem;
            }
            revalidate();
            if (firstProblem == null) {
                done.set(true);
            } else {
                step.set(firstProblem);
            }
        }, error -> {
            submitting.set(false);
            generalProblem.set(explain(error));
        });
    }

    /** Puts AWS's refusal where the user can fix it; returns the step of that field. */
    private Step refused(Target target, CopyRequest request, AwsFailure failure) {
        String text = explain(failure);
        switch (failure) {
            case AwsFailure.AlreadyExists exists -> {
                target.refusedName = request.targetIdentifier();
                target.refusal = messages.get("copy.refused.exists", request.targetIdentifier(),
                        request.destinationRegion().code());
                if (taken != null) {
                    Set<String> more = new HashSet<>(taken);
                    more.add(IdentifierRules.normalize(request.targetIdentifier()));
                    taken = more;
                }
                return Step.DESTINATION;
            }
            case AwsFailure.KmsKeyNotAccessible kms -> {
                kmsRefusedKey = request.kmsKeyId() == null ? "" : request.kmsKeyId();
                kmsRefusal = messages.get("copy.refused.kms", text);
                return Step.ENCRYPTION;
            }
            default -> {
                String before = generalProblem.get();
                String line = prefixed(target, text);
                generalProblem.set(before.isEmpty() ? line : before + "\n" + line);
                return Step.REVIEW;
            }
        }
    }

    private String explain(Throwable error) {
        return errors.describe(error);
    }

    private String explain(AwsFailure failure) {
        return errors.describe(failure);
    }

    /** The copies AWS accepted so far. */
    public List<CopyRequest> submitted() {
        return targets.stream().filter(t -> t.submitted.get()).map(this::request).toList();
    }

}
