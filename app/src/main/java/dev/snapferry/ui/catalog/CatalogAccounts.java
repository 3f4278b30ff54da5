package dev.snapferry.ui.catalog;

import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The accounts the catalog lists: which are open, which are being opened (asking AWS who the user is, perhaps
 * waiting for an MFA code), and what the account picker offers. Touched on the FX thread; opening runs in the
 * background, one choice at a time as each answers, and a choice that cannot be opened says why and stays closed.
 */
public final class CatalogAccounts {

    private final AccountCatalog catalog;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final Consumer<String> tell;
    private final Runnable relist;
    private final ObservableList<AccountChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<String> fileProblems = FXCollections.observableArrayList();
    private final ObservableList<String> open = FXCollections.observableArrayList();
    private final ObservableList<String> opening = FXCollections.observableArrayList();

    CatalogAccounts(AccountCatalog catalog, TaskRunner tasks, DialogService dialogs, Messages messages,
                    Consumer<String> tell, Runnable relist) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        this.tell = Objects.requireNonNull(tell, "tell");
        this.relist = Objects.requireNonNull(relist, "relist");
        open.setAll(catalog.open().stream().sorted().toList());
    }

    /** AWS files that could not be read when the profiles were last read (their profiles are not offered). */
    public ObservableList<String> fileProblems() {
        return fileProblems;
    }

    /** What the account picker offers: the demo and every profile, as last read. */
    public ObservableList<AccountChoice> choices() {
        return choices;
    }

    /** The ids of the open choices (profile names, or {@link AccountCatalog#DEMO}). */
    public ObservableList<String> open() {
        return open;
    }

    /** Choices being opened right now. */
    public ObservableList<String> opening() {
        return opening;
    }

    /** False when the accounts were fixed at start and the picker has nothing to offer. */
    public boolean changeable() {
        return catalog.changeable();
    }

    /** Where the demo account's simulator listens, while the demo is open. */
    public Optional<String> demoEndpoint() {
        return catalog.demoEndpoint();
    }

    /** Reads the profiles again, off the UI thread, so that one added to the AWS files shows up. */
    public void reloadChoices() {
        tasks.run("read AWS profiles", () -> Map.entry(catalog.choices(), catalog.fileProblems()), read -> {
            fileProblems.setAll(read.getValue());
            choices.setAll(read.getKey());
        }, error -> tell.accept(messages.get("browser.accounts.readFailed", errors.describe(error))));
    }

    /** Opens and closes accounts so that exactly {@code chosen} are open, then lists again. */
    public void choose(Collection<String> chosen) {
        List<String> closing = open.stream().filter(id -> !chosen.contains(id)).toList();
        List<String> toOpen = chosen.stream().filter(id -> !open.contains(id) && !opening.contains(id))
                .distinct().toList();
        for (String id : closing) {
            catalog.close(id);
            open.remove(id);
        }
        if (!closing.isEmpty()) {
            relist.run();
        }
        for (String id : toOpen) {
            opening.add(id);
            tell.accept(messages.get("browser.accounts.opening", label(id)));
            tasks.run("open " + id, () -> {
                catalog.open(id);
                return id;
            }, opened -> {
                opening.remove(id);
                open.add(opened);
                tell.accept(messages.get("browser.accounts.opened", label(id)));
                relist.run();
            }, error -> {
                opening.remove(id);
                tell.accept("");
                dialogs.showError(messages.get("browser.accounts.failed.title", label(id)),
                        error instanceof AccountCatalog.AccountOpenException ? errors.describe(error)
                                : messages.get("browser.accounts.failed", label(id), errors.describe(error)));
            });
        }
    }

    /** How a choice is named to the user. */
    public String label(String choice) {
        return AccountCatalog.DEMO.equals(choice) ? messages.get("browser.accounts.demo") : choice;
    }
}
