package dev.snapferry.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** The JavaFX {@link DialogService}: modal alerts and file choosers owned by the main window. */
public class FxDialogService implements DialogService {

    private final Supplier<@Nullable Window> owner;
    protected final Messages messages;

    public FxDialogService(Supplier<@Nullable Window> owner, Messages messages) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        alert.getButtonTypes().setAll(cancel, confirm);
        // The safe answer is the default: Enter on a destructive question cancels.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    @Override
    public boolean confirmTyped(String title, String message, String expected, String confirmLabel) {
        return FxInputDialogs.confirmTyped(owner.get(), messages, title, message, expected, confirmLabel);
    }

    @Override
    public Optional<String> askText(String title, String message, String initial,
                                    java.util.function.Function<String, Optional<String>> problem) {
        return FxInputDialogs.ask(owner.get(), messages, title, message, initial, messages.get("dialog.ok"), problem);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialFileName, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialFileName);
        for (String extension : extensions) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension, extension));
        }
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (String extension : extensions) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension, extension));
        }
        File file = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message);
        alert.setTitle(title);
        alert.setHeaderText(title);
        FxInputDialogs.own(alert, owner.get());
        alert.getDialogPane().setMinWidth(420);
        return alert;
    }

    /** Titles the dialog, gives it the owner and its theme, and adds Cancel and the confirm button it returns. */
    protected final ButtonType prepare(javafx.scene.control.Dialog<?> dialog, String title, String confirmLabel) {
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        FxInputDialogs.own(dialog, owner.get());
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(cancel, confirm);
        dialog.setResizable(true);
        return confirm;
    }

    protected static javafx.scene.control.Label wrapped(String message) {
        javafx.scene.control.Label text = new javafx.scene.control.Label(message);
        text.setWrapText(true);
        return text;
    }
}
