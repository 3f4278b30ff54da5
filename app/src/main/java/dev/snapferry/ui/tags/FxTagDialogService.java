package dev.snapferry.ui.tags;

import dev.snapferry.ui.common.FxDialogService;
import dev.snapferry.ui.common.Messages;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** The application's dialogs as JavaFX windows, with the tag editor's among them. */
public final class FxTagDialogService extends FxDialogService implements TagDialogService {

    public FxTagDialogService(Supplier<@Nullable Window> owner, Messages messages) {
        super(owner, messages);
    }

    @Override
    public boolean editTags(String title, String message, TagEditorViewModel editor,
                            String confirmLabel) {
        javafx.scene.control.Dialog<Boolean> dialog = new javafx.scene.control.Dialog<>();
        ButtonType confirm = prepare(dialog, title, confirmLabel);
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(10, wrapped(message),
                new TagEditorView(editor, messages).root());
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
                                           TagEditorViewModel tags, String confirmLabel) {
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
                new TagEditorView(tags, messages).root());
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
}
