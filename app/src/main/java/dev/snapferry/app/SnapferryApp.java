package dev.snapferry.app;

import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CapabilityMatrixException;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.FxDialogService;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.ThemeManager;
import dev.snapferry.ui.main.MainView;
import dev.snapferry.ui.main.MainViewModel;
import dev.snapferry.core.aws.CredentialSources;
import dev.snapferry.sim.Simulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application and the composition root: {@link #init()} builds every service once, off the FX thread,
 * and {@link #start(Stage)} hands them to the screens by constructor. Nothing is looked up statically.
 */
public final class SnapferryApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SnapferryApp.class);

    private @Nullable Messages messages;
    private @Nullable CapabilityMatrix matrix;
    private @Nullable String startupFailure;
    private @Nullable Simulator demoSimulator;

    @Override
    public void init() {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        AppDirectories dirs = AppDirectories.forCurrentUser();
        try {
            dirs.create();
        } catch (IOException e) {
            LOG.warn("Could not create the Snapferry folders under {}", dirs.config(), e);
        }
        LOG.info("Snapferry {} starting (demo={}, profile={}), Java {}, JavaFX {}", Version.current(),
                options.demo(), options.profile(), System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version"));
        messages = Messages.load(Locale.getDefault());
        boolean demo = options.demo() || options.profile() == null
                && !CredentialSources.anyConfigured(System.getenv(), Path.of(System.getProperty("user.home")));
        if (demo) {
            try {
                demoSimulator = Simulator.start(Simulator.Options.demo());
                LOG.info("Demo account: embedded AWS simulator at {}", demoSimulator.endpoint());
            } catch (IOException e) {
                LOG.error("The embedded AWS simulator could not start", e);
                startupFailure = messages.get("startup.failed.simulator", String.valueOf(e.getMessage()));
                return;
            }
        }
        try {
            matrix = CapabilityMatrix.loadDefault();
        } catch (CapabilityMatrixException e) {
            LOG.error("Start-up stopped: {}", e.getMessage(), e);
            startupFailure = messages.get("startup.failed.matrix", e.getMessage());
            return;
        }
    }

    @Override
    public void start(Stage stage) {
        Messages text = java.util.Objects.requireNonNull(messages, "init() did not run");
        DialogService dialogs = new FxDialogService(() -> stage.isShowing() ? stage : null, text);
        if (startupFailure != null || matrix == null) {
            dialogs.showError(text.get("startup.failed.title"), String.valueOf(startupFailure));
            Platform.exit();
            return;
        }
        ThemeManager themes = new ThemeManager();
        MainViewModel mainViewModel = new MainViewModel(matrix, text, dialogs, Version.current());
        themes.choiceProperty().bind(mainViewModel.themeProperty());
        if (demoSimulator != null) {
            mainViewModel.showDemo(demoSimulator.endpoint().toString());
        }
        // Quitting closes the window like its close button does; the last window closing ends the app.
        MainView mainView = new MainView(mainViewModel, text, stage::close);

        Scene scene = new Scene(mainView.root());
        themes.register(scene);
        stage.titleProperty().bind(mainViewModel.titleProperty());
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
        LOG.info("Main window shown");
    }

    @Override
    public void stop() {
        if (demoSimulator != null) {
            demoSimulator.close();
        }
        LOG.info("Snapferry stopped");
    }
}
