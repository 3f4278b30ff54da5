package dev.snapferry.ui.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.testing.DemoApp;
import dev.snapferry.ui.testing.Screenshots;
import dev.snapferry.ui.testing.Shown;
import dev.snapferry.ui.testing.Themes;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The copy DBAs run most, driven through the whole application on the demo as a person would: a production
 * snapshot under a key whose policy admits no other account, copied into the disaster-recovery account. The
 * wizard's Plan step shows the steps and the statement the key policy lacks; the policy is changed on its own
 * confirmation; the plan runs as one job until the copy is available in the other account's rows.
 */
@Timeout(240)
class CrossAccountCopyUITest {

    private static final String DR = DemoAccounts.DISASTER_RECOVERY;
    private static final String TARGET = "fraud-graph-in-dr";

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private DemoApp running;

    @BeforeEach
    void startApplication() throws TimeoutException {
        running = DemoApp.start(home);
    }

    @AfterEach
    void stopApplication() throws TimeoutException {
        running.close();
    }

    @Test
    void aProductionSnapshotReachesTheDisasterRecoveryAccountThroughThePlan() throws Exception {
        TableView<SnapshotRow> table = robot.lookup("#table").queryTableView();
        Node busy = robot.lookup("#busy").query();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() > 10 && !busy.isVisible());
        // Neptune in eu-central-1: production's key there keeps KMS's default policy, which admits no other account.
        Snapshot source = select(table, s -> s.engine() == Engine.NEPTUNE && s.type() == SnapshotType.MANUAL
                && s.accountId().equals(DemoAccounts.PRODUCTION) && s.region().code().equals("eu-central-1")
                && s.storageEncrypted() && s.status().state() == SnapshotState.AVAILABLE);
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.C);

        Node accountBox = Shown.node(robot, "#copyAccount", 10);
        Stage wizard = (Stage) accountBox.getScene().getWindow();
        robot.clickOn(accountBox);
        robot.clickOn(cell(DR + "  ("));
        Label note = robot.lookup("#copyAccountNote").queryAs(Label.class);
        assertThat(note.getText()).contains("Plan step");
        robot.doubleClickOn("#copyIdentifier").eraseText(80).write(TARGET);
        robot.clickOn(Shown.enabled(robot, "#wizardNext", 15));

        robot.clickOn(Shown.enabled(robot, "#copyKmsKey", 15));
        robot.clickOn(cell("dr-backup"));
        assertThat(robot.lookup("#copyKmsReason").queryAs(Label.class).getText())
                .contains("lands in another account").doesNotContain("shared from another account");
        robot.clickOn(Shown.enabled(robot, "#wizardNext", 10));
        robot.clickOn(Shown.enabled(robot, "#wizardNext", 10));

        // The plan: every step with its account, region and AWS CLI command; the key policy lacks the statement.
        Node apply = Shown.enabled(robot, "#planApplyKeyPolicy", 20);
        List<String> steps = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#planSteps").queryAs(
                javafx.scene.layout.VBox.class).getChildren().stream().map(n -> ((Label) ((javafx.scene.layout.VBox)
                n).getChildren().getFirst()).getText()).toList()).get();
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0)).startsWith("1. Share " + source.identifier() + " with account " + DR);
        assertThat(steps.get(2)).startsWith("3. Copy arn:aws:rds:eu-central-1:" + DemoAccounts.PRODUCTION);
        assertThat(robot.lookup("#planKeyStatement").queryAs(TextArea.class).getText())
                .contains("arn:aws:iam::" + DR + ":root");
        assertThat(robot.lookup("#wizardNext").queryButton().isDisabled()).as("blocked until the key admits DR")
                .isTrue();
        Screenshots.save(wizard.getScene(), "copy-plan");
        Themes.dark(wizard.getScene(), () -> Screenshots.save(wizard.getScene(), "copy-plan-dark"));

        robot.clickOn(apply);
        Node before = Shown.node(robot, "#planPolicyBefore", 10);
        String after = robot.lookup("#planPolicyAfter").queryAs(TextArea.class).getText();
        assertThat(after).contains("AllowSnapshotCopyBy" + DR);
        assertThat(((TextArea) before).getText()).doesNotContain("AllowSnapshotCopyBy" + DR);
        Screenshots.save(before.getScene(), "copy-plan-key-policy");
        robot.clickOn(Shown.node(robot, "Change the policy", 5));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(
                "The policy of " + source.kmsKeyId() + " lets account " + DR + " use the key.").tryQuery()
                .isPresent());
        robot.clickOn(Shown.enabled(robot, "#wizardNext", 10));
        Button finish = (Button) Shown.enabled(robot, "#wizardFinish", 10);
        assertThat(robot.lookup("#copyReview").queryListView().getItems()).hasSize(1);
        robot.clickOn(finish);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !wizard.isShowing());

        // The job runs the share, the copy in DR and the clean-up; DR's row of the copy reaches 100 %.
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> table.getItems()
                .stream().map(SnapshotRow::snapshot).anyMatch(s -> s.identifier().equals(TARGET)
                        && s.accountId().equals(DR) && s.status().state() == SnapshotState.AVAILABLE
                        && s.status().percent() == 100)).get());
        select(table, s -> s.identifier().equals(TARGET) && s.accountId().equals(DR));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(table.getScene(), "copy-plan-done");
    }

    /** Selects the first row whose snapshot matches, and gives the table the focus. */
    private Snapshot select(TableView<SnapshotRow> table, Predicate<Snapshot> which) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            int index = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (which.test(table.getItems().get(i).snapshot())) {
                    index = i;
                    break;
                }
            }
            assertThat(index).as("a row to copy").isNotNegative();
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(index);
            return table.getItems().get(index).snapshot();
        }).get();
    }

    /** The popup cell of a combo box whose text starts with {@code prefix}. */
    private Node cell(String prefix) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup((Node n) -> n instanceof ListCell<?> c
                && c.isVisible() && c.getText() != null && c.getText().startsWith(prefix)).tryQuery().isPresent());
        return robot.lookup((Node n) -> n instanceof ListCell<?> c && c.isVisible() && c.getText() != null
                && c.getText().startsWith(prefix)).query();
    }

    /** Runs {@code what} with the scene in the dark theme, then puts its stylesheets back. */
}
