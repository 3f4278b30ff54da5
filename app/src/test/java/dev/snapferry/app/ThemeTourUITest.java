package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.ui.testing.DemoApp;
import dev.snapferry.ui.testing.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen in both themes at 1366 x 768, as a person looks them over: the four tabs, a selected row's details,
 * the copy wizard's pages (Back disabled on the first) and the tag policy dialog. Each window that opens carries
 * the chosen theme's stylesheet; the pictures are left in target/screenshots/tour-THEME-SCREEN.png.
 */
class ThemeTourUITest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private DemoApp running;

    @AfterEach
    void stop() throws Exception {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void everyScreenWearsTheChosenThemeInBothThemes() throws Exception {
        running = DemoApp.start(home);
        Stage stage = running.stage();
        running.place(0, 0, 1366, 768);
        TableView<?> table = robot.from(stage.getScene().getRoot()).lookup("#table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() > 20);
        for (String theme : List.of("Light", "Dark")) {
            String name = theme.toLowerCase(java.util.Locale.ROOT);
            String sheet = name + ".css";
            robot.clickOn("View").clickOn("Theme").clickOn(theme);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith(sheet));

            clickTab(robot, "Snapshots");
            robot.interact(() -> table.getSelectionModel().clearSelection());
            WaitForAsyncUtils.waitForFxEvents();
            shot(stage.getScene(), name, "snapshots");
            robot.interact(() -> table.getSelectionModel().select(5));
            WaitForAsyncUtils.waitForFxEvents();
            shot(stage.getScene(), name, "snapshots-selected");
            for (String tab : List.of("Audit", "Copy jobs", "Engine rules")) {
                clickTab(robot, tab);
                WaitForAsyncUtils.waitForFxEvents();
                shot(stage.getScene(), name, tab.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            }

            clickTab(robot, "Snapshots");
            robot.interact(() -> {
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(5);
                table.requestFocus();
            });
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
            Stage wizard = waitForWindowOtherThan(stage);
            assertThat(wizard.getScene().getStylesheets()).as("the wizard's theme").anyMatch(s -> s.endsWith(sheet));
            Button back = robot.from(wizard.getScene().getRoot()).lookup(".button").match(n -> n instanceof Button b
                    && b.getText() != null && b.getText().contains("Back")).queryButton();
            assertThat(back.isDisabled()).isTrue();
            shot(wizard.getScene(), name, "wizard-1");
            for (int page = 2; page <= 4; page++) {
                Button next = robot.from(wizard.getScene().getRoot()).lookup(".button").match(n -> n instanceof Button b
                        && b.getText() != null && b.getText().startsWith("Next")).queryButton();
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !next.isDisabled());
                robot.clickOn(next);
                WaitForAsyncUtils.waitForFxEvents();
                shot(wizard.getScene(), name, "wizard-" + page);
            }
            robot.interact(wizard::close);
            WaitForAsyncUtils.waitForFxEvents();

            robot.clickOn("#auditMenu").clickOn("#tagPolicyItem");
            Stage policy = waitForWindowOtherThan(stage);
            assertThat(policy.getScene().getStylesheets()).as("the dialog's theme").anyMatch(s -> s.endsWith(sheet));
            shot(policy.getScene(), name, "tag-policy");
            robot.interact(policy::close);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static void shot(Scene scene, String theme, String screen) {
        Screenshots.save(scene, "tour-" + theme + "-" + screen);
    }

    private Stage waitForWindowOtherThan(Stage main) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.listTargetWindows().stream()
                .anyMatch(w -> w != main && w instanceof Stage && w.isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.listTargetWindows().stream().filter(w -> w != main && w instanceof Stage && w.isShowing())
                .map(w -> (Stage) w).reduce((a, b) -> b).orElseThrow();
    }


    /**
     * Clicks the main window's tab whose title starts with {@code title}: by its header, since other nodes (the
     * Coverage tab's column headers) carry the same words.
     */
    private static void clickTab(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".tab-pane > .tab-header-area .tab").match(n -> ((javafx.scene.control.Labeled)
                n.lookup(".tab-label")).getText().startsWith(title)).queryAs(javafx.scene.Node.class));
    }
}
