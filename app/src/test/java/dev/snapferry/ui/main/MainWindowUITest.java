package dev.snapferry.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.ui.testing.DemoApp;
import dev.snapferry.ui.testing.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the whole application headless and uses its main window as a person would. */
class MainWindowUITest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private DemoApp running;
    private Stage stage;

    @BeforeEach
    void startApplication() throws TimeoutException {
        running = DemoApp.start(home);
        stage = running.stage();
    }

    @AfterEach
    void stopApplication() throws TimeoutException {
        running.close();
    }

    @Test
    void mainWindowOpensWithTheProductName() {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Snapferry \u2014 Demo account");
        Label name = robot.lookup("#productName").queryAs(Label.class);
        assertThat(name.getText()).isEqualTo("Snapferry");
        assertThat(name.isVisible()).isTrue();
    }

    @Test
    void demoBannerSaysTheAccountIsSimulatedAndWhereItRuns() {
        Label banner = robot.lookup("#demoBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("Demo account \u2014 simulated AWS.")
                .containsPattern("http://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void engineRulesTableListsEveryEngineFromTheMatrix() {
        TableView<?> table = robot.lookup("#engineTable").queryTableView();
        assertThat(table.getItems()).hasSize(Engine.values().length);
        assertThat(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.Labeled.class))
                .extracting(javafx.scene.control.Labeled::getText)
                .contains("DocumentDB Elastic", "Amazon Neptune", "Aurora PostgreSQL");
        robot.clickOn("Engine rules");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> sources = robot.lookup("#sourcesList").queryListView();
        assertThat(sources.getItems()).isNotEmpty();
        Screenshots.save(stage.getScene(), "engine-rules");
    }

    @Test
    void choosingTheDarkThemeFromTheMenuRestylesTheWindow() {
        Scene scene = stage.getScene();
        assertThat(scene.getStylesheets()).anyMatch(s -> s.endsWith("base.css"));

        robot.clickOn("View").clickOn("Theme").clickOn("Dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getStylesheets()).anyMatch(s -> s.endsWith("dark.css"))
                .noneMatch(s -> s.endsWith("light.css"));
        Screenshots.save(scene, "main-window-dark");

        robot.clickOn("View").clickOn("Theme").clickOn("Light");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getStylesheets()).anyMatch(s -> s.endsWith("light.css"))
                .noneMatch(s -> s.endsWith("dark.css"));
        Screenshots.save(scene, "main-window-light");
    }

    @Test
    void aboutDialogNamesTheProductAndCloses() {
        robot.clickOn("Help").clickOn("About Snapferry");
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = robot.listTargetWindows().stream()
                .filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow();
        assertThat(((Stage) dialog).getTitle()).isEqualTo("About Snapferry");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void ctrlQClosesTheMainWindow() {
        // One gesture: a Control held across the closing window would stick for the tests that follow.
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void theCopyWizardOpensFromTheSelectedRowsAndCancelsWithoutCopying() throws Exception {
        javafx.scene.control.TableView<?> table = robot.lookup("#table").queryTableView();
        javafx.scene.Node busy = robot.lookup("#busy").query();
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() > 10
                && !busy.isVisible());
        WaitForAsyncUtils.asyncFx(() -> {
            table.requestFocus();
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectRange(4, 7);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.SHIFT,
                javafx.scene.input.KeyCode.C);
        javafx.scene.Node cancel = dev.snapferry.ui.testing.Shown.node(robot, "#wizardCancel", 10);
        Stage wizard = (Stage) cancel.getScene().getWindow();
        assertThat(wizard.getTitle()).isEqualTo("Copy 3 snapshots");
        assertThat(wizard.getOwner()).isSameAs(stage);
        robot.clickOn(cancel);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.isShowing()).isFalse();
    }
}
