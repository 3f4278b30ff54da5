package dev.snapferry.ui.share;

import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.KeyPolicyCheck;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.core.rules.SharingRules;
import dev.snapferry.ui.catalog.SnapshotCommands;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskHandle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * Who besides its owner may copy or restore one manual snapshot: the accounts of its {@code restore} attribute,
 * read from AWS in the background when the dialog opens, each removable; an account id to add, checked as it is
 * typed (with the open accounts offered by name); public or private. Nothing is sent from here: {@link #changes()}
 * is what Save sends, only the differences from what was read.
 */
public final class ShareViewModel {

    /** Whether the snapshot's sharing has been read from AWS yet. */
    public enum State { LOADING, READY, FAILED }

    /** An open account offered to share with: its profile's name and its id, as the user knows them. */
    public record Suggestion(String accountId, String label) {

        public Suggestion {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(label, "label");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What Save sends in one ModifyDBClusterSnapshotAttribute: values to add and to remove ({@code all} = public). */
    public record Changes(List<String> add, List<String> remove) {

        public Changes {
            add = List.copyOf(add);
            remove = List.copyOf(remove);
        }

        public boolean isEmpty() {
            return add.isEmpty() && remove.isEmpty();
        }
    }

    private final Snapshot snapshot;
    private final List<Suggestion> openAccounts;
    private final SnapshotCommands commands;
    private final Messages messages;
    private final String warning;
    private final boolean publicRefused;
    /** The attribute as AWS had it when read: what the changes are measured against. */
    private Set<String> read = Set.of();
    private @Nullable TaskHandle reading;
    private @Nullable TaskHandle readingPolicy;
    /** The key's policy as read; null until read, or when it cannot be. */
    private @Nullable String keyPolicy;
    private String keyPolicyProblem = "";
    private final ReadOnlyStringWrapper keyWarning = new ReadOnlyStringWrapper(this, "keyWarning", "");

    private final ObservableList<String> accounts = FXCollections.observableArrayList();
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final StringProperty accountInput = new SimpleStringProperty(this, "accountInput", "");
    private final BooleanProperty publicSnapshot = new SimpleBooleanProperty(this, "public");
    private final ReadOnlyStringWrapper accountProblem = new ReadOnlyStringWrapper(this, "accountProblem", "");
    private final ReadOnlyBooleanWrapper canAdd = new ReadOnlyBooleanWrapper(this, "canAdd");
    private final ReadOnlyStringWrapper publicProblem = new ReadOnlyStringWrapper(this, "publicProblem", "");
    private final ReadOnlyBooleanWrapper publicAllowed = new ReadOnlyBooleanWrapper(this, "publicAllowed");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");

    /**
     * @param openAccounts the accounts open in Snapferry, offered by name; the owner is left out of the offer
     * @param commands     reads the attribute (Save is sent by the caller, through the same commands)
     */
    public ShareViewModel(Snapshot snapshot, List<Suggestion> openAccounts, SnapshotCommands commands,
                          Messages messages) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.openAccounts = List.copyOf(openAccounts);
        this.commands = Objects.requireNonNull(commands, "commands");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.warning = SharingRules.awsManagedKey(snapshot).map(this::text).orElse("");
        this.publicRefused = SharingRules.checkPublic(snapshot).isPresent();
        accountInput.addListener(o -> update());
        accounts.addListener((javafx.beans.InvalidationListener) o -> update());
        publicSnapshot.addListener(o -> update());
        update();
    }

    /** Reads the snapshot's {@code restore} attribute in the background; the accounts appear when AWS answers. */
    public void load() {
        state.set(State.LOADING);
        status.set(messages.get("share.loading"));
        update();
        reading = commands.readSharing(snapshot, restore -> {
            read = Set.copyOf(restore);
            accounts.setAll(restore.stream().filter(a -> !SharingRules.PUBLIC.equals(a)).sorted().toList());
            publicSnapshot.set(restore.contains(SharingRules.PUBLIC));
            state.set(State.READY);
            status.set("");
            update();
        }, failed -> {
            state.set(State.FAILED);
            status.set(messages.get("share.readFailed", failed.reason()));
            update();
        });
        if (snapshot.storageEncrypted() && !snapshot.awsManagedKey() && snapshot.kmsKeyId() != null) {
            // An account the key's policy does not admit sees the snapshot but cannot copy it: said as a warning.
            readingPolicy = commands.readKeyPolicy(snapshot, policy -> {
                keyPolicy = policy;
                update();
            }, failed -> {
                keyPolicyProblem = failed.reason();
                update();
            });
        }
    }

    /** The dialog is closed: an answer still on its way is dropped. */
    public void close() {
        for (TaskHandle running : java.util.Arrays.asList(reading, readingPolicy)) {
            if (running != null) {
                running.cancel();
            }
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public String title() {
        return messages.get("share.title", snapshot.identifier());
    }

    public String message() {
        return messages.get("share.message", snapshot.identifier(), snapshot.region().code(),
                snapshot.ownerAccountId());
    }

    /** The accounts it is (or, once saved, will be) shared with, by id; public is {@link #publicProperty()}. */
    public ObservableList<String> accounts() {
        return accounts;
    }

    /** The open accounts it is not shared with yet, other than its owner. */
    public ObservableList<Suggestion> suggestions() {
        return suggestions;
    }

    /** How an account is shown: with its profile's name when it is open in Snapferry. */
    public String label(String accountId) {
        return openAccounts.stream().filter(a -> a.accountId().equals(accountId)).findFirst()
                .map(Suggestion::label).orElse(accountId);
    }

    /** The account id being typed. */
    public StringProperty accountInputProperty() {
        return accountInput;
    }

    /** Why the typed id cannot be added; empty when it can, or when nothing is typed. */
    public ReadOnlyStringProperty accountProblemProperty() {
        return accountProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canAddProperty() {
        return canAdd.getReadOnlyProperty();
    }

    /** Adds the typed account, when it is a valid one not listed yet, and clears the field. */
    public void add() {
        if (!canAdd.get()) {
            return;
        }
        accounts.add(SharingRules.normalize(typed()));
        accountInput.set("");
    }

    /** Puts an open account's id into the field, where it is checked like a typed one. */
    public void suggest(Suggestion suggestion) {
        accountInput.set(suggestion.accountId());
    }

    /** Stops sharing with {@code accountId} (sent on Save). */
    public void remove(String accountId) {
        accounts.remove(accountId);
    }

    /** True when anyone may copy or restore it (the value {@code all}). */
    public BooleanProperty publicProperty() {
        return publicSnapshot;
    }

    /** False when AWS would refuse to make it public (it is encrypted) and it is not public already. */
    public ReadOnlyBooleanProperty publicAllowedProperty() {
        return publicAllowed.getReadOnlyProperty();
    }

    /** AWS's reason for refusing to make it public, while public is asked for and refused; else empty. */
    public ReadOnlyStringProperty publicProblemProperty() {
        return publicProblem.getReadOnlyProperty();
    }

    /** Why the public checkbox is disabled, shown under it whether or not it is ticked; else empty. */
    public String publicRefusal() {
        return publicRefused ? SharingRules.checkPublic(snapshot).map(this::text).orElse("") : "";
    }

    /** A warning that does not block: the key is AWS managed, so AWS will refuse to share it with accounts. */
    public String warning() {
        return warning;
    }

    /**
     * A warning that does not block: the accounts it is (or will be) shared with that the key's policy does not
     * let use the key (they see the snapshot, AWS refuses their copy), or that the policy could not be read.
     */
    public ReadOnlyStringProperty keyWarningProperty() {
        return keyWarning.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Reading, or why the read failed (AWS's code and message); empty once read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True once the attribute was read, when something changed and nothing in the form is refused. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /**
     * What Save sends: the accounts added and removed since the read, and {@code all} when public changed. An id
     * typed and valid but not added yet counts as added: Save saves what the dialog shows.
     */
    public Changes changes() {
        Set<String> wanted = new LinkedHashSet<>(accounts);
        pendingAccount().ifPresent(wanted::add);
        if (publicSnapshot.get()) {
            wanted.add(SharingRules.PUBLIC);
        }
        List<String> add = new ArrayList<>(wanted.stream().filter(a -> !read.contains(a)).toList());
        List<String> remove = read.stream().filter(a -> !wanted.contains(a)).sorted().toList();
        return new Changes(add, remove);
    }

    private Optional<String> pendingAccount() {
        String id = SharingRules.normalize(typed());
        return id.isEmpty() || !accountProblem.get().isEmpty() ? Optional.empty() : Optional.of(id);
    }

    private void update() {
        accountProblem.set(SharingRules.checkAccount(typed(), snapshot.ownerAccountId(), accounts)
                .map(this::text).orElse(""));
        canAdd.set(state.get() == State.READY && !SharingRules.normalize(typed()).isEmpty()
                && accountProblem.get().isEmpty());
        boolean wasPublic = read.contains(SharingRules.PUBLIC);
        publicAllowed.set(state.get() == State.READY && (!publicRefused || wasPublic));
        publicProblem.set(publicSnapshot.get() && !wasPublic && publicRefused ? publicRefusal() : "");
        List<Suggestion> offered = openAccounts.stream().filter(a -> !a.accountId().equals(snapshot.ownerAccountId())
                && !accounts.contains(a.accountId())).toList();
        if (!offered.equals(suggestions)) {
            suggestions.setAll(offered);
        }
        canSave.set(state.get() == State.READY && accountProblem.get().isEmpty() && publicProblem.get().isEmpty()
                && !changes().isEmpty());
        keyWarning.set(keyWarningText());
    }

    private String keyWarningText() {
        List<String> sharedWith = new ArrayList<>(accounts);
        pendingAccount().filter(a -> !sharedWith.contains(a)).ifPresent(sharedWith::add);
        if (sharedWith.isEmpty()) {
            return "";
        }
        String key = snapshot.kmsKeyAlias() != null ? snapshot.kmsKeyAlias() : String.valueOf(snapshot.kmsKeyId());
        String policy = keyPolicy;
        if (policy == null) {
            return keyPolicyProblem.isEmpty() ? "" : messages.get("share.keyPolicy.unreadable", key, keyPolicyProblem);
        }
        List<String> refused = sharedWith.stream().filter(a -> !KeyPolicyCheck.admits(policy, a)).toList();
        return refused.isEmpty() ? "" : messages.get("share.keyPolicy.notAdmitted", key, String.join(", ",
                refused.stream().map(this::label).toList()));
    }

    /** The field's text; a binding may set null, which means nothing typed. */
    private String typed() {
        String typed = accountInput.get();
        return typed == null ? "" : typed;
    }

    private String text(Problem problem) {
        return messages.get(problem.messageKey(), problem.args().toArray());
    }
}
