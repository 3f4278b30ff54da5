package dev.snapferry.ui.common;

import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** The dialogs that take typed input: a guarded confirmation and a validated text. */
final class FxInputDialogs {

    private FxInputDialogs() {
    }

    static boolean confirmTyped(@Nullable Window owner, Messages messages, String title, String message,
                                String expected, String confirmLabel) {
        Optional<String> typed = ask(owner, messages, title, message + "\n\n" + messages.get("dialog.typeToConfirm",
                expected), "", confirmLabel, text -> text.equals(expected) ? Optional.empty()
                : Optional.of(messages.get("dialog.typeToConfirm.mismatch")));
        return typed.filter(expected::equals).isPresent();
    }

    /** Makes {@code owner} own the dialog and gives it the owner's theme (light or dark, and the app's styles). */
    static void own(Dialog<?> dialog, @Nullable Window owner) {
        AppIcons.apply(dialog.getDialogPane().getScene().getWindow());
        if (owner == null) {
            return;
        }
        dialog.initOwner(owner);
        if (owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    static Optional<String> ask(@Nullable Window owner, Messages messages, String title, String message,
                                String initial, String confirmLabel, Function<String, Optional<String>> problem) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        own(dialog, owner);
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(cancel, confirm);
        TextField field = new TextField(initial);
        field.setId("dialogInput");
        field.setAccessibleText(message);
        Label hint = new Label();
        hint.setId("dialogProblem");
        hint.getStyleClass().add("field-problem");
        hint.setWrapText(true);
        Label text = new Label(message);
        text.setWrapText(true);
        VBox content = new VBox(8, text, field, hint);
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);
        var confirmButton = dialog.getDialogPane().lookupButton(confirm);
        Runnable check = () -> {
            Optional<String> why = problem.apply(field.getText());
            hint.setText(why.orElse(""));
            confirmButton.setDisable(why.isPresent());
        };
        field.textProperty().addListener((obs, old, now) -> check.run());
        check.run();
        dialog.setOnShown(e -> field.requestFocus());
        dialog.setResultConverter(button -> button == confirm ? field.getText() : null);
        return dialog.showAndWait();
    }
}
