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
public final class FxDialogService implements DialogService {

    private final Supplier<@Nullable Window> owner;
    private final Messages messages;

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

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message);
        alert.setTitle(title);
        alert.setHeaderText(title);
        FxInputDialogs.own(alert, owner.get());
        alert.getDialogPane().setMinWidth(420);
        return alert;
    }

    @Override
    public boolean editTags(String title, String message, dev.snapferry.ui.tags.TagEditorViewModel editor,
                            String confirmLabel) {
        javafx.scene.control.Dialog<Boolean> dialog = new javafx.scene.control.Dialog<>();
        ButtonType confirm = prepare(dialog, title, confirmLabel);
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(10, wrapped(message),
                new dev.snapferry.ui.tags.TagEditorView(editor, messages).root());
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(confirm).disableProperty().bind(editor.validProperty().not());
        dialog.setResizable(true);
        dialog.setResultConverter(button -> button == confirm);
        return dialog.showAndWait().orElse(false);
    }

    @Override
    public Optional<String> askNameAndTags(String title, String message, String initial,
                                           java.util.function.Function<String, Optional<String>> problem,
                                           dev.snapferry.ui.tags.TagEditorViewModel tags, String confirmLabel) {
        javafx.scene.control.Dialog<String> dialog = new javafx.scene.control.Dialog<>();
        ButtonType confirm = prepare(dialog, title, confirmLabel);
        javafx.scene.control.Label text = wrapped(message);
        javafx.scene.control.TextField name = new javafx.scene.control.TextField(initial);
        name.setId("dialogInput");
        name.setAccessibleText(message);
        javafx.scene.control.Label hint = new javafx.scene.control.Label();
        hint.setId("dialogProblem");
        hint.getStyleClass().add("field-problem");
        hint.setWrapText(true);
        javafx.scene.control.Label tagsTitle = new javafx.scene.control.Label(messages.get("dialog.tags"));
        tagsTitle.getStyleClass().add("section-label");
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(8, text, name, hint, tagsTitle,
                new dev.snapferry.ui.tags.TagEditorView(tags, messages).root());
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        javafx.scene.Node confirmButton = dialog.getDialogPane().lookupButton(confirm);
        Runnable check = () -> {
            Optional<String> why = problem.apply(name.getText());
            hint.setText(why.orElse(""));
            name.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), why.isPresent());
            confirmButton.setDisable(why.isPresent() || !tags.validProperty().get());
        };
        name.textProperty().addListener((obs, old, now) -> check.run());
        tags.validProperty().addListener((obs, old, now) -> check.run());
        check.run();
        dialog.setOnShown(e -> name.requestFocus());
        dialog.setResizable(true);
        dialog.setResultConverter(button -> button == confirm ? name.getText() : null);
        return dialog.showAndWait();
    }

    /** Titles the dialog, gives it the owner and its theme, and adds Cancel and the confirm button it returns. */
    private ButtonType prepare(javafx.scene.control.Dialog<?> dialog, String title, String confirmLabel) {
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        FxInputDialogs.own(dialog, owner.get());
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(cancel, confirm);
        dialog.setResizable(true);
        return confirm;
    }

    private static javafx.scene.control.Label wrapped(String message) {
        javafx.scene.control.Label text = new javafx.scene.control.Label(message);
        text.setWrapText(true);
        return text;
    }
}
