package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.ui.testing.DemoApp;
import dev.snapferry.ui.testing.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window on a 1366 x 768 laptop: the audit's columns (encryption with its KMS key alias, tags) are on
 * screen without scrolling, in both themes; and the window's place and size come back after a restart.
 */
class MainWindowFitUITest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();

    @Test
    void atA1366PixelWideWindowTheEncryptionAndTagsColumnsAreVisibleWithoutScrolling() throws Exception {
        try (DemoApp app = DemoApp.start(home)) {
            app.place(0, 0, 1366, 768);
            checkTheAuditColumnsShow(app.stage());
        }
    }

    private void checkTheAuditColumnsShow(Stage stage) throws Exception {
        TableView<?> table = robot.from(stage.getScene().getRoot()).lookup("#table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() > 20);
        WaitForAsyncUtils.waitForFxEvents();

        double visibleRight = visibleRight(table);
        for (String column : new String[] {"encryptionColumn", "tagsColumn"}) {
            Node header = table.lookupAll(".column-header").stream().filter(h -> h instanceof TableColumnHeader c
                    && c.getTableColumn() != null && column.equals(c.getTableColumn().getId())).findFirst().orElseThrow();
            Bounds bounds = table.sceneToLocal(header.localToScene(header.getBoundsInLocal()));
            assertThat(header.isVisible()).as(column).isTrue();
            assertThat(bounds.getMinX()).as(column + " starts inside the table").isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMaxX()).as(column + " ends inside the table's visible width, " + visibleRight + " px").isLessThanOrEqualTo(
                    visibleRight);
        }
        Screenshots.save(stage.getScene(), "main-window-1366x768-light");
        robot.clickOn("View").clickOn("Theme").clickOn("Dark");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "main-window-1366x768-dark");
    }

    /** The table's right edge, less its vertical scroll bar where one shows. */
    private double visibleRight(TableView<?> table) {
        double right = table.getWidth() - table.snappedRightInset();
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible()) {
                right -= bar.getWidth();
            }
        }
        return right;
    }

    @Test
    void theWindowsPlaceAndSizeComeBackAfterARestart() throws Exception {
        DemoApp first = DemoApp.start(home);
        first.place(120, 90, 1210, 700);
        first.close();
        JsonNode saved = new ObjectMapper().readTree(Files.readString(home.resolve("config/preferences.json")));
        assertThat(saved.at("/data/window/width").asDouble()).isEqualTo(1210);
        assertThat(saved.at("/data/window/maximized").asBoolean()).isFalse();

        try (DemoApp second = DemoApp.start(home)) {
            Stage stage = second.stage();
            assertThat(new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()})
                    .containsExactly(120, 90, 1210, 700);
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> stage.setMaximized(true));
            WaitForAsyncUtils.waitForFxEvents();
        }
        saved = new ObjectMapper().readTree(Files.readString(home.resolve("config/preferences.json")));
        assertThat(saved.at("/data/window/maximized").asBoolean()).isTrue();
        // Un-maximising after the next start goes back to the bounds it had before.
        assertThat(saved.at("/data/window/width").asDouble()).isEqualTo(1210);
        try (DemoApp third = DemoApp.start(home)) {
            assertThat(third.stage().isMaximized()).isTrue();
        }
    }
}
