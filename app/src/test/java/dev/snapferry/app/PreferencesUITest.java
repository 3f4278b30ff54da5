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
    void useTemporaryHome() {
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
    }

    @AfterEach
    void clear() throws TimeoutException {
        FxToolkit.cleanupStages();
        System.clearProperty(AppDirectories.HOME_PROPERTY);
    }

    @Test
    void themeFiltersAndColumnsAreRememberedAcrossARestart() throws Exception {
        SnapferryApp first = start();
        robot.clickOn("View").clickOn("Theme").clickOn("Dark");
        robot.clickOn("#engineNeptune");
        robot.interact(() -> ((TableView<?>) robot.lookup("#table").queryAs(TableView.class)).getColumns().getFirst().setVisible(false));
        FxToolkit.cleanupApplication(first);

        Path file = home.resolve("config/preferences.json");
        JsonNode saved = new ObjectMapper().readTree(Files.readString(file));
        assertThat(saved.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(saved.at("/data/theme").asText()).isEqualTo("DARK");
        assertThat(saved.at("/data/hiddenEngines").toString()).contains("NEPTUNE");

        SnapferryApp second = start();
        assertThat(robot.lookup("#engineNeptune").queryAs(ToggleButton.class).isSelected()).isFalse();
        assertThat(((TableView<?>) robot.lookup("#table").queryAs(TableView.class)).getColumns().getFirst().isVisible()).isFalse();
        assertThat(stage().getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        assertThat(robot.lookup("#regionsMenu").queryAs(MenuButton.class).getText()).isEqualTo("6 regions");
        FxToolkit.cleanupApplication(second);
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
        return app;
    }

    private Stage stage() {
        return robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Snapferry")).map(w -> (Stage) w).findFirst().orElseThrow();
    }
}
