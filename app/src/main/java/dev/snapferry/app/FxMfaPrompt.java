package dev.snapferry.app;

import dev.snapferry.core.aws.MfaPrompt;
import dev.snapferry.ui.common.Messages;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.control.TextInputDialog;

/**
 * Asks for an MFA code in a dialog on the FX thread while the asking thread (a background one: the SDK refreshes
 * credentials off the FX thread) waits for the answer.
 */
final class FxMfaPrompt implements MfaPrompt {

    /**
     * Completed once the toolkit runs: start-up opens the accounts while the toolkit is still starting, and a
     * prompt asked for before then waits for it.
     */
    private static final java.util.concurrent.CompletableFuture<Void> TOOLKIT =
            new java.util.concurrent.CompletableFuture<>();

    private final Messages messages;

    /** Tells the prompts that the toolkit runs (the application's {@code init}). */
    static void toolkitStarted() {
        TOOLKIT.complete(null);
    }

    FxMfaPrompt(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Optional<String> codeFor(String profile, String mfaSerial) {
        if (Platform.isFxApplicationThread()) {
            // Never block the FX thread on itself: the caller must ask from a background thread.
            return Optional.empty();
        }
        FutureTask<Optional<String>> ask = new FutureTask<>(() -> {
            TextInputDialog dialog = new TextInputDialog();
            dialog.setTitle(messages.get("mfa.title"));
            dialog.setHeaderText(messages.get("mfa.header", profile));
            dialog.setContentText(messages.get("mfa.prompt", mfaSerial));
            return dialog.showAndWait().map(String::strip).filter(code -> !code.isEmpty());
        });
        try {
            TOOLKIT.get();
            Platform.runLater(ask);
            return ask.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }
}
