package dev.snapferry.ui.coverage;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.snapferry.core.coverage.PriceTable;
import dev.snapferry.core.coverage.UserPriceTable;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Which price table the costs use, and the choice of another: the bundled one, or the user's own, kept as
 * {@code prices.json} in the config folder so that it survives a restart. A table that cannot be read or is not
 * valid is refused with the file and the reason at the control, and the table in use stays in use.
 */
public final class PriceTableViewModel {

    private final ObjectProperty<PriceTable> prices;
    private final UserPriceTable user;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ReadOnlyStringWrapper inUse = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper usingOwn = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /** @param prices the table the costs are computed with (the Coverage tab's); set here when the choice changes */
    public PriceTableViewModel(ObjectProperty<PriceTable> prices, UserPriceTable user, TaskRunner tasks,
                               DialogService dialogs, Messages messages) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.user = Objects.requireNonNull(user, "user");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        show();
    }

    /** Which table is in use: "bundled" or the user's file, with the date of its prices. */
    public ReadOnlyStringProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    /** Why the last table chosen (or the user's file, at start) was not used; empty when nothing went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the user's own table is in use: going back to the bundled one is possible. */
    public ReadOnlyBooleanProperty usingOwnProperty() {
        return usingOwn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads the user's table from the config folder, when there is one; the bundled one stays otherwise. */
    public void load() {
        busy.set(true);
        tasks.run("read the user's price table", user::load, table -> {
            busy.set(false);
            if (table != null) {
                use(table, true);
            }
        }, error -> refused(user.file(), error));
    }

    /** Asks for a table (a {@code .json} file) and uses it. */
    public void choose() {
        dialogs.chooseOpenFile(messages.get("coverage.prices.choose.title"), List.of("*.json")).ifPresent(this::use);
    }

    /** Uses the table in {@code file}, copied into the config folder, once it is read and checked. */
    public void use(Path file) {
        busy.set(true);
        tasks.run("use a price table", () -> user.install(file), table -> use(table, true),
                error -> refused(file, error));
    }

    /** Goes back to the bundled table and removes the user's file (choosing it again undoes this). */
    public void useBundled() {
        busy.set(true);
        tasks.run("go back to the bundled price table", () -> {
            user.remove();
            return PriceTable.bundled();
        }, table -> use(table, false), error -> refused(user.file(), error));
    }

    private void use(PriceTable table, boolean own) {
        busy.set(false);
        message.set("");
        usingOwn.set(own);
        prices.set(table);
        show();
    }

    private void show() {
        PriceTable table = prices.get();
        inUse.set(usingOwn.get() ? messages.get("coverage.prices.own", user.file().toString(), table.asOf())
                : messages.get("coverage.prices.bundled", table.asOf()));
    }

    private void refused(Path file, Throwable error) {
        busy.set(false);
        message.set(messages.get("coverage.prices.refused", file.toString(), reason(error)));
    }

    private String reason(Throwable error) {
        return switch (error) {
            case NoSuchFileException e -> messages.get("coverage.prices.missing");
            case AccessDeniedException e -> messages.get("coverage.prices.denied");
            case JsonProcessingException e -> e.getLocation() == null
                    ? messages.get("coverage.prices.notJson", e.getOriginalMessage())
                    : messages.get("coverage.prices.notJsonAt", e.getLocation().getLineNr(),
                            e.getLocation().getColumnNr(), e.getOriginalMessage());
            default -> String.valueOf(error.getMessage());
        };
    }
}
