package dev.snapferry.ui.copy;

import dev.snapferry.ui.common.Messages;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** Shows the copy wizard in its own window, owned by the main window and styled like it. */
public final class CopyWizardWindow {

    private CopyWizardWindow() {
    }

    /**
     * Opens the wizard; {@code onClosed} runs when it closes, after Finish or Cancel (the ViewModel's
     * {@code submitted()} says which copies started). Closing stops the wizard's lookups.
     */
    public static Stage show(@Nullable Window owner, CopyWizardViewModel viewModel, Messages messages,
                             Runnable onClosed) {
        Stage stage = new Stage();
        dev.snapferry.ui.common.AppIcons.apply(stage);
        CopyWizardView view = new CopyWizardView(viewModel, messages, stage::close);
        Scene scene = new Scene(view.root());
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        stage.setScene(scene);
        stage.setTitle(viewModel.isBatch() ? messages.get("copy.title.batch", viewModel.targets().size())
                : messages.get("copy.title.single", viewModel.targets().getFirst().source().identifier()));
        stage.setOnHidden(e -> {
            // Hidden by any means (Cancel, Finish, the close button, the owner closing): the names and keys still
            // being looked up would answer a wizard no one sees.
            viewModel.close();
            onClosed.run();
        });
        stage.setOnCloseRequest(e -> {
            if (viewModel.submittingProperty().get()) {
                // Copies are being sent: closing now would hide which ones AWS accepted.
                e.consume();
            }
        });
        stage.show();
        return stage;
    }
}
