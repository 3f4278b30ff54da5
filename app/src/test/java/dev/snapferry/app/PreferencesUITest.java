package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Preferences survive a restart of the whole application; an unreadable file is set aside and the user told. */
class PreferencesUITest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void useTemporaryHome() throws TimeoutException {
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
        // The toolkit may not be up yet when this class runs first or alone.
        FxToolkit.registerPrimaryStage();
        // Windows earlier test classes left showing, or keys they left pressed, would change the robot's clicks.
        FxToolkit.cleanupStages();
        robot.release(new javafx.scene.input.KeyCode[0]);
        robot.release(new javafx.scene.input.MouseButton[0]);
    }

    @AfterEach
    void clear() throws TimeoutException {
        FxToolkit.cleanupStages();
        System.clearProperty(AppDirectories.HOME_PROPERTY);
    }

    @Test
    void themeFiltersAndColumnsAreRememberedAcrossARestart() throws Exception {
        SnapferryApp first = start();
        robot.clickOn(here("#engineNeptune"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((ToggleButton) here("#engineNeptune")).isSelected()).isFalse();
        robot.clickOn("View").clickOn("Theme").clickOn("Dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage().getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        robot.interact(() -> ((TableView<?>) here("#table")).getColumns().getFirst().setVisible(false));
        FxToolkit.cleanupApplication(first);

        Path file = home.resolve("config/preferences.json");
        JsonNode saved = new ObjectMapper().readTree(Files.readString(file));
        assertThat(saved.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(saved.at("/data/theme").asText()).isEqualTo("DARK");
        assertThat(saved.at("/data/hiddenEngines").toString()).contains("NEPTUNE");

        SnapferryApp second = start();
        assertThat(((ToggleButton) here("#engineNeptune")).isSelected()).isFalse();
        assertThat(((TableView<?>) here("#table")).getColumns().getFirst().isVisible()).isFalse();
        assertThat(stage().getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        assertThat(((MenuButton) here("#regionsMenu")).getText()).isEqualTo("6 regions");
        FxToolkit.cleanupApplication(second);
    }

    @Test
    void aChangeIsSavedWithoutWaitingForExit() throws Exception {
        SnapferryApp app = start();
        robot.clickOn(here("#engineElastic"));
        Path file = home.resolve("config/preferences.json");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> Files.exists(file)
                && Files.readString(file).contains("DOCUMENTDB_ELASTIC"));
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void anUnreadablePreferencesFileIsSetAsideAndTheUserIsTold() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/preferences.json"), "{\"schemaVersion\": 1, \"data\": {\"theme\": ");
        SnapferryApp app = start();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> robot.listTargetWindows().stream()
                .anyMatch(w -> w != stage() && w.isShowing()));
        Window notice = robot.listTargetWindows().stream().filter(w -> w != stage() && w.isShowing()).findFirst()
                .orElseThrow();
        assertThat(((Stage) notice).getTitle()).isEqualTo("Preferences reset");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        try (var files = Files.list(home.resolve("config"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith(
                    "preferences.json.unreadable-"));
        }
        FxToolkit.cleanupApplication(app);
    }

    private SnapferryApp start() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        SnapferryApp app = (SnapferryApp) FxToolkit.setupApplication(SnapferryApp.class, "--demo");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage().toFront());
        return app;
    }

    /** A node of the window under test, never one of a window an earlier test left behind. */
    private javafx.scene.Node here(String query) {
        return robot.from(stage().getScene().getRoot()).lookup(query).query();
    }

    private Stage stage() {
        return robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith("Snapferry")).map(w -> (Stage) w).findFirst()
                .orElseThrow();
    }
}
