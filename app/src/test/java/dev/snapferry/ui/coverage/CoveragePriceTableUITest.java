package dev.snapferry.ui.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapferry.core.coverage.PriceTable;
import dev.snapferry.core.coverage.UserPriceTable;
import dev.snapferry.ui.common.ExecutorTaskRunner;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.WorkerExecutor;
import dev.snapferry.ui.testing.Screenshots;
import dev.snapferry.ui.testing.Shown;
import dev.snapferry.ui.testing.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Coverage tab's price-table control driven as a user would, on the demo: a table that is not JSON is refused
 * at the control, a valid one takes over the costs, and the bundled one comes back.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(180)
class CoveragePriceTableUITest {

    @TempDir
    static Path folder;

    private ExecutorService workers;
    private CoverageFixture fixture;
    private Path kept;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Messages messages = Messages.load(Locale.ROOT);
        workers = WorkerExecutor.create("coverage-prices-ui-test", 2);
        ExecutorTaskRunner tasks = new ExecutorTaskRunner(workers, Platform::runLater);
        fixture = new CoverageFixture(folder, Platform::runLater, tasks);
        kept = folder.resolve("config").resolve("prices.json");
        PriceTableViewModel prices = new PriceTableViewModel(fixture.coverage.pricesProperty(),
                new UserPriceTable(kept), tasks, fixture.dialogs, messages);
        Scene scene = new Scene(new CoverageView(fixture.coverage, fixture.policy, fixture.retention, prices,
                messages).root(), 1400, 900);
        scene.getStylesheets().setAll(
                getClass().getResource("/dev/snapferry/ui/common/base.css").toExternalForm(),
                getClass().getResource("/dev/snapferry/ui/common/light.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        fixture.browser.catalog().refresh();
    }

    @AfterEach
    void stop() {
        WorkerExecutor.shutdown(workers, 1_000);
        fixture.close();
    }

    @Test
    void aTableIsRefusedThenAnotherUsedThenTheBundledOneComesBack(FxRobot robot) throws Exception {
        TabPane parts = (TabPane) Shown.node(robot, "#coverageParts", 10);
        WaitForAsyncUtils.asyncFx(() -> parts.getSelectionModel().select(1)).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fixture.coverage.ages().isEmpty());
        Label inUse = (Label) Shown.node(robot, "#priceTableInUse", 10);
        assertThat(inUse.getText()).startsWith("Price table: bundled with Snapferry");
        assertThat(((Button) robot.lookup("#useBundledPrices").query()).isDisabled()).isTrue();

        Path broken = Files.writeString(folder.resolve("broken.json"), "{\"asOf\": \"2027-01-15\", \"sou");
        fixture.dialogs.answerOpen(broken);
        robot.clickOn("#choosePriceTable");
        Label problem = (Label) Shown.node(robot, "#priceTableProblem", 10);
        assertThat(problem.getText()).startsWith(broken + " was not used").contains("not JSON at line 1");
        assertThat(inUse.getText()).startsWith("Price table: bundled with Snapferry");
        Screenshots.save(stage.getScene(), "coverage-prices-refused");
        Themes.dark(stage.getScene(), () -> Screenshots.save(stage.getScene(), "coverage-prices-refused-dark"));

        String before = costNote(robot);
        fixture.dialogs.answerOpen(table("ours.json"));
        robot.clickOn("#choosePriceTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inUse.getText().contains(kept.toString()));
        assertThat(problem.isVisible()).as("the refusal is gone").isFalse();
        assertThat(costNote(robot)).isNotEqualTo(before).contains("2027-01-15");
        assertThat(kept).exists();
        Screenshots.save(stage.getScene(), "coverage-prices-own");
        Themes.dark(stage.getScene(), () -> Screenshots.save(stage.getScene(), "coverage-prices-own-dark"));

        robot.clickOn("#useBundledPrices");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inUse.getText().contains("bundled"));
        assertThat(kept).doesNotExist();
        assertThat(costNote(robot)).isEqualTo(before);
    }

    private static String costNote(FxRobot robot) {
        return ((Label) robot.lookup("#costNote").query()).getText();
    }

    private static Path table(String name) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root;
        try (var in = PriceTable.class.getResourceAsStream("prices.json")) {
            root = (ObjectNode) json.readTree(in);
        }
        root.put("asOf", "2027-01-15");
        Path file = folder.resolve(name);
        json.writeValue(file.toFile(), root);
        return file;
    }
}
