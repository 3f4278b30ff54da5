package dev.snapferry.ui.testing;

import dev.snapferry.app.AppDirectories;
import dev.snapferry.app.SnapferryApp;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole application started headless on the demo accounts ({@code --demo}: the same start whether or not the
 * machine has AWS credentials), its files in a folder of the test's own.
 */
public final class DemoApp implements AutoCloseable {

    private final Stage stage;
    private final SnapferryApp app;

    private DemoApp(Stage stage, SnapferryApp app) {
        this.stage = stage;
        this.app = app;
    }

    public static DemoApp start(Path home) throws TimeoutException {
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        SnapferryApp app = (SnapferryApp) FxToolkit.setupApplication(SnapferryApp.class, "--demo");
        WaitForAsyncUtils.waitForFxEvents();
        return new DemoApp(stage, app);
    }

    /** The main window. */
    public Stage stage() {
        return stage;
    }

    /** Moves and resizes the main window as its user would (a 1366 x 768 laptop's screen, say). */
    public void place(double x, double y, double width, double height) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            stage.setX(x);
            stage.setY(y);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty(AppDirectories.HOME_PROPERTY);
    }
}
