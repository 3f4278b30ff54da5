package dev.snapferry.ui.copy;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CopyContext;
import dev.snapferry.core.rules.CopyRules;
import dev.snapferry.core.rules.IdentifierRules;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.Scheduler;
import dev.snapferry.ui.common.TaskRunner;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The wizard's first step: the destination account and region, and the target name of a single copy or the naming
 * template of a batch. A region an engine cannot copy to is offered disabled, with the reason, and never chosen.
 *
 * <p>Whether a name is already taken is asked of AWS in the background: the destination's names are fetched when
 * it is chosen and again once the user stops typing, so that a name taken meanwhile is caught before Finish; an
 * answer for a destination no longer chosen is dropped. The step is valid only once those names are known.
 */
public final class DestinationStepViewModel {

    /** A destination region, with why it cannot be chosen (empty when it can). */
    public record RegionChoice(RegionRef region, String disabledReason) {
        public boolean enabled() {
            return disabledReason.isEmpty();
        }
    }

    static final String DEFAULT_TEMPLATE = "{source}-copy-{date}";
    private static final long CHECK_DELAY_MILLIS = 400;

    private final List<CopyTarget> targets;
    private final CapabilityMatrix matrix;
    private final CopyGateway gateway;
    private final Scheduler scheduler;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final Consumer<String> namesFailed;
    private final Runnable namesKnown;
    private final LatestLookup names;
    private final String date;

    private final ObservableList<AccountRef> accounts = FXCollections.observableArrayList();
    private final ObservableList<RegionChoice> regions = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable AccountRef> account = new SimpleObjectProperty<>(this, "account");
    private final ObjectProperty<@Nullable RegionRef> region = new SimpleObjectProperty<>(this, "region");
    private final ReadOnlyStringWrapper regionProblem = new ReadOnlyStringWrapper(this, "regionProblem", "");
    private final ReadOnlyStringWrapper accountProblem = new ReadOnlyStringWrapper(this, "accountProblem", "");
    private final ReadOnlyStringWrapper accountNote = new ReadOnlyStringWrapper(this, "accountNote", "");
    private final StringProperty targetIdentifier = new SimpleStringProperty(this, "targetIdentifier", "");
    private final StringProperty template = new SimpleStringProperty(this, "template", DEFAULT_TEMPLATE);
    private final ReadOnlyStringWrapper templateProblem = new ReadOnlyStringWrapper(this, "templateProblem", "");
    private final ReadOnlyBooleanWrapper checkingNames = new ReadOnlyBooleanWrapper(this, "checkingNames");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    /** Names taken in the destination, as last fetched; null while not known for the current destination. */
    private @Nullable Set<String> taken;
    private @Nullable Runnable pendingCheck;
    private boolean closed;

    /**
     * @param namesKnown  runs when the destination's names arrive, so that every name is checked against them
     * @param namesFailed receives the text to show when they cannot be read
     */
    DestinationStepViewModel(List<CopyTarget> targets, CapabilityMatrix matrix, CopyGateway gateway, TaskRunner tasks,
                             Scheduler scheduler, Messages messages, Clock clock, Runnable namesKnown,
                             Consumer<String> namesFailed) {
        this.targets = List.copyOf(targets);
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        this.namesKnown = Objects.requireNonNull(namesKnown, "namesKnown");
        this.namesFailed = Objects.requireNonNull(namesFailed, "namesFailed");
        this.names = new LatestLookup(tasks);
        this.date = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(clock.instant());
        Snapshot first = targets.getFirst().source();
        targetIdentifier.set(expand(DEFAULT_TEMPLATE, first, first.region()));
        accounts.setAll(gateway.accounts());
        account.set(accounts.stream().filter(a -> a.accountId().equals(first.ownerAccountId())).findFirst()
                .or(() -> accounts.stream().findFirst()).orElse(null));
        region.set(first.region());
        targetIdentifier.addListener(x -> scheduleNameCheck());
        template.addListener(x -> scheduleNameCheck());
    }

    public boolean isBatch() {
        return targets.size() > 1;
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

    /** What keeps the chosen account from receiving the copy (an engine whose snapshots cannot be shared). */
    public ReadOnlyStringProperty accountProblemProperty() {
        return accountProblem.getReadOnlyProperty();
    }

    /**
     * What the account choice means: that another account's copy runs as a plan of shares and copies, or, with
     * one account open, how to copy into another.
     */
    public ReadOnlyStringProperty accountNoteProperty() {
        return accountNote.getReadOnlyProperty();
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

    /** True when Next may leave this step: a destination, valid names, and the destination's names known. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    // ---- for the wizard ----

    /** What the user types that changes the copies' names. */
    List<Observable> inputs() {
        return List.of(targetIdentifier, template);
    }

    /** Names taken in the destination, lower-cased; null while they are not known. */
    @Nullable Set<String> taken() {
        return taken;
    }

    /**
     * Takes in a new account or region: the names of the one before no longer count, and the regions are offered
     * anew for that account. Returns false when the region chosen cannot be and was replaced, which announces a
     * change of its own.
     */
    boolean destinationChanged() {
        names.forget();
        taken = null;
        RegionRef where = region.get();
        regions.setAll(regionChoices());
        if (where != null && regions.stream().anyMatch(c -> c.region().equals(where) && !c.enabled())) {
            // A region the View shows disabled is never the destination.
            region.set(regions.stream().filter(RegionChoice::enabled).map(RegionChoice::region)
                    .filter(r -> r.equals(targets.getFirst().source().region())).findFirst().orElse(null));
            return false;
        }
        return true;
    }

    /** Fetches the names taken in the chosen destination, replacing any fetch still running. */
    void lookUpNames() {
        AccountRef who = account.get();
        RegionRef where = region.get();
        if (who == null || where == null || closed) {
            return;
        }
        checkingNames.set(true);
        boolean rds = targets.stream().anyMatch(t -> t.source().engine().api() != ApiFamily.DOCDB_ELASTIC);
        boolean elastic = targets.stream().anyMatch(t -> t.source().engine().api() == ApiFamily.DOCDB_ELASTIC);
        names.start("names taken in " + where.code(), () -> {
            Set<String> found = new HashSet<>();
            if (rds) {
                found.addAll(gateway.takenIdentifiers(who, where, false));
            }
            if (elastic) {
                found.addAll(gateway.takenIdentifiers(who, where, true));
            }
            return found;
        }, found -> {
            taken = found;
            checkingNames.set(false);
            namesKnown.run();
        }, error -> {
            checkingNames.set(false);
            namesFailed.accept(messages.get("copy.namesFailed", errors.describe(error)));
            namesKnown.run();
        });
    }

    /** AWS refused a copy because its name exists: the name counts as taken from now on. */
    void nameRefused(String identifier) {
        if (taken != null) {
            Set<String> more = new HashSet<>(taken);
            more.add(IdentifierRules.normalize(identifier));
            taken = more;
        }
    }

    /** Shows the wizard's check of this step's fields; {@code namesOk} when no copy's name has a problem. */
    void show(String regionText, boolean namesOk, String accountText) {
        regionProblem.set(regionText);
        accountProblem.set(accountText);
        AccountRef who = account.get();
        String owner = targets.getFirst().source().ownerAccountId();
        if (who != null && !who.accountId().equals(owner) && !targets.getFirst().source().isForeign()) {
            accountNote.set(accountText.isEmpty() ? messages.get("copy.account.otherAccount", who.accountId(), owner)
                    : "");
        } else {
            accountNote.set(accounts.size() == 1 ? messages.get("copy.account.onlyOne", owner) : "");
        }
        templateProblem.set(isBatch() && !template.get().contains("{source}")
                ? messages.get("copy.template.noSource") : "");
        valid.set(region.get() != null && account.get() != null && regionText.isEmpty() && accountText.isEmpty()
                && namesOk
                && templateProblem.get().isEmpty() && taken != null && !checkingNames.get());
    }

    /** Stops the names check waiting for a pause in typing and the fetch still running; neither starts again. */
    void close() {
        closed = true;
        if (pendingCheck != null) {
            pendingCheck.run();
            pendingCheck = null;
        }
        names.close();
    }

    /** The target name of one copy, from the single name or the batch's template. */
    String nameOf(CopyTarget target) {
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

    // ---- inside ----

    /** Once typing pauses, the destination's names are fetched again: a name taken meanwhile is caught. */
    private void scheduleNameCheck() {
        if (pendingCheck != null) {
            pendingCheck.run();
        }
        if (closed) {
            return;
        }
        pendingCheck = scheduler.after(CHECK_DELAY_MILLIS, () -> {
            pendingCheck = null;
            if (!checkingNames.get()) {
                lookUpNames();
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
            for (CopyTarget t : targets) {
                List<Problem> problems = CopyRules.checkDestination(matrix.forEngine(t.source().engine()),
                        new CopyContext(t.source(), who == null ? t.source().ownerAccountId() : who.accountId(), r,
                                null, null));
                if (!problems.isEmpty()) {
                    reason = (isBatch() ? t.source().identifier() + ": " : "") + CopyChecks.text(messages,
                            problems.getFirst());
                    break;
                }
            }
            choices.add(new RegionChoice(r, reason));
        }
        return choices;
    }
}
