package dev.snapferry.ui.copy;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CopyContext;
import dev.snapferry.core.rules.KmsRequirement;
import dev.snapferry.core.rules.KmsRules;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The wizard's encryption step: whether the engine and destination require, allow or forbid a KMS key (and why),
 * the destination's keys, listed in the background whenever the destination changes, and the key chosen. A key
 * that cannot encrypt is never chosen; a key AWS refused at Finish shows AWS's refusal until another is chosen.
 */
public final class KeyStepViewModel {

    private final List<CopyTarget> targets;
    private final CapabilityMatrix matrix;
    private final CopyGateway gateway;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final Runnable keysKnown;
    private final LatestLookup lookup;

    private final ObservableList<KmsKey> keys = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loadingKeys = new ReadOnlyBooleanWrapper(this, "loadingKeys");
    private final ObjectProperty<@Nullable KmsKey> key = new SimpleObjectProperty<>(this, "key");
    private final ReadOnlyStringWrapper kmsNeed = new ReadOnlyStringWrapper(this, "kmsNeed", "");
    private final ReadOnlyStringWrapper kmsReason = new ReadOnlyStringWrapper(this, "kmsReason", "");
    private final ReadOnlyStringWrapper kmsProblem = new ReadOnlyStringWrapper(this, "kmsProblem", "");
    private final ReadOnlyStringWrapper kmsWarning = new ReadOnlyStringWrapper(this, "kmsWarning", "");
    private final ReadOnlyStringWrapper sourceEncryption = new ReadOnlyStringWrapper(this, "sourceEncryption", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    private @Nullable String refusedKey;
    private String refusal = "";
    private String keysFailure = "";

    /** @param keysKnown runs when the destination's keys arrive (or cannot be listed), so that they are checked */
    KeyStepViewModel(List<CopyTarget> targets, CapabilityMatrix matrix, CopyGateway gateway, TaskRunner tasks,
                     Messages messages, Runnable keysKnown) {
        this.targets = List.copyOf(targets);
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        this.keysKnown = Objects.requireNonNull(keysKnown, "keysKnown");
        this.lookup = new LatestLookup(tasks);
        sourceEncryption.set(describeEncryption());
        key.addListener((obs, old, now) -> {
            if (now != null && !now.state().isUsable()) {
                // Disabled or pending deletion: it cannot encrypt, and the View shows it unselectable.
                key.set(old);
            }
        });
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

    /** True when Next may leave this step: no key problem, and the keys listed. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    // ---- for the wizard ----

    List<Observable> inputs() {
        return List.of(key);
    }

    /** The destination is changing: the keys listed for the one before no longer count. */
    void forget() {
        lookup.forget();
        keys.clear();
        keysFailure = "";
    }

    /** A key of another region than the destination's cannot encrypt there: it is dropped. */
    void keepOnlyKeysOf(@Nullable RegionRef where) {
        KmsKey chosen = key.get();
        if (chosen != null && where != null && !chosen.region().equals(where)) {
            key.set(null);
        }
    }

    /** Lists the keys of an account and region in the background. */
    void load(AccountRef who, RegionRef where) {
        loadingKeys.set(true);
        lookup.start("list KMS keys of " + where.code(), () -> gateway.keys(who, where), found -> {
            keys.setAll(found);
            loadingKeys.set(false);
            keysKnown.run();
        }, error -> {
            loadingKeys.set(false);
            keysFailure = messages.get("copy.kms.listFailed", where.code(), errors.describe(error));
            keysKnown.run();
        });
    }

    /** AWS refused the key {@code arn} at Finish; {@code why} is shown while that key stays chosen. */
    void refused(String arn, String why) {
        refusedKey = arn;
        refusal = why;
    }

    /** Shows the wizard's check: what the destination needs, the key's problems and the warnings about it. */
    void show(@Nullable AccountRef who, @Nullable RegionRef where, List<Problem> errorsFound, List<Problem> warnings) {
        CopyTarget first = targets.stream().filter(t -> !t.isSubmitted()).findFirst().orElse(targets.getFirst());
        if (where != null) {
            KmsRequirement requirement = KmsRules.requirement(matrix.forEngine(first.source().engine()),
                    new CopyContext(first.source(), who == null ? first.source().ownerAccountId() : who.accountId(),
                            where, null, null));
            kmsNeed.set(messages.get("copy.kms.need." + requirement.need().name()));
            kmsReason.set(messages.get(requirement.reason().messageKey()));
        }
        String problem = errorsFound.stream().map(p -> CopyChecks.text(messages, p)).findFirst().orElse("");
        KmsKey chosen = key.get();
        String chosenArn = chosen == null ? "" : chosen.arn();
        if (problem.isEmpty() && refusedKey != null && refusedKey.equals(chosenArn)) {
            problem = refusal;
        }
        kmsProblem.set(problem);
        List<String> notes = new ArrayList<>();
        if (!keysFailure.isEmpty()) {
            notes.add(keysFailure);
        }
        warnings.stream().filter(p -> p.field().equals(KmsRules.FIELD)).map(p -> CopyChecks.text(messages, p))
                .distinct().forEach(notes::add);
        kmsWarning.set(String.join("\n", notes));
        valid.set(kmsProblem.get().isEmpty() && !loadingKeys.get());
    }

    /** Stops the listing still running; none starts again. */
    void close() {
        lookup.close();
    }

    private String describeEncryption() {
        boolean batch = targets.size() > 1;
        return targets.stream().map(t -> {
            Snapshot s = t.source();
            String own = !s.storageEncrypted() ? messages.get("copy.encryption.none")
                    : messages.get(s.awsManagedKey() ? "copy.encryption.awsManaged" : "copy.encryption.customer",
                    s.kmsKeyAlias() != null ? s.kmsKeyAlias() : String.valueOf(s.kmsKeyId()));
            return batch ? s.identifier() + ": " + own : own;
        }).distinct().limit(20).collect(Collectors.joining("\n"));
    }
}
