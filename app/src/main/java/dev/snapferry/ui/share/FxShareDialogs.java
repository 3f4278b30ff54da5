package dev.snapferry.ui.share;

import dev.snapferry.ui.common.FxDialogService;
import dev.snapferry.ui.common.Messages;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** The share dialog as a JavaFX window, built in code like the application's other dialogs. */
public final class FxShareDialogs extends FxDialogService implements ShareDialogs {

    public FxShareDialogs(Supplier<@Nullable Window> owner, Messages messages) {
        super(owner, messages);
    }

    @Override
    public boolean editSharing(ShareViewModel share) {
        Dialog<Boolean> dialog = new Dialog<>();
        ButtonType save = prepare(dialog, share.title(), messages.get("share.save"));
        ShareView view = new ShareView(share, messages);
        dialog.getDialogPane().setContent(view.root());
        dialog.getDialogPane().setId("shareDialog");
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("shareSave");
        saveButton.disableProperty().bind(share.canSaveProperty().not());
        dialog.setOnShown(e -> view.focus());
        dialog.setResultConverter(button -> button == save);
        return dialog.showAndWait().orElse(false);
    }
}
