package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.snapferry.ui.testing.Shown;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The typed-input dialogs as the user meets them: nothing destructive until the identifier is typed. */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceUITest {

    private dev.snapferry.ui.tags.FxTagDialogService dialogs;

    @Start
    void start(Stage stage) {
        dialogs = new dev.snapferry.ui.tags.FxTagDialogService(() -> stage, Messages.load(Locale.ROOT));
        javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300);
        ThemeManager themes = new ThemeManager();
        themes.register(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void deleteStaysDisabledUntilTheIdentifierIsTypedExactly(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.confirmTyped("Delete snapshot", "Delete it?",
                "orders-2026", "Delete snapshot")));
        Node input = Shown.node(robot, "#dialogInput", 5);
        Button delete = robot.lookup(".button").match(LabeledMatchers.hasText("Delete snapshot")).queryButton();
        assertThat(delete.isDisabled()).isTrue();
        robot.clickOn(input).write("orders-202");
        assertThat(delete.isDisabled()).isTrue();
        assertThat(robot.lookup("#dialogProblem").queryAs(Label.class).getText())
                .isEqualTo("Type the identifier exactly as shown.");
        robot.write("6");
        assertThat(delete.isDisabled()).isFalse();
        robot.clickOn(delete);
        assertThat(answer.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void cancellingTheGuardedDialogConfirmsNothing(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.confirmTyped("Delete snapshot", "Delete it?",
                "orders-2026", "Delete snapshot")));
        Node input = Shown.node(robot, "#dialogInput", 5);
        robot.clickOn(input).write("orders-2026");
        robot.type(KeyCode.ESCAPE);
        assertThat(answer.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aTextQuestionShowsTheProblemAtTheFieldAndBlocksConfirming(FxRobot robot) throws Exception {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.askText("Create cluster snapshot", "Named:", "good-name",
                text -> text.contains("--") ? Optional.of("Replace the two hyphens in a row with one.")
                        : Optional.empty())));
        Node input = Shown.node(robot, "#dialogInput", 5);
        Node ok = robot.lookup(".button").match(LabeledMatchers.hasText("OK")).query();
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(input).type(KeyCode.END).write("--x");
        assertThat(ok.isDisabled()).isTrue();
        assertThat(robot.lookup("#dialogProblem").queryAs(Label.class).getText())
                .isEqualTo("Replace the two hyphens in a row with one.");
        robot.type(KeyCode.BACK_SPACE, 3);
        robot.clickOn(ok);
        assertThat(answer.get(5, TimeUnit.SECONDS)).contains("good-name");
    }

    @Test
    void theTagEditorShowsEachProblemUnderItsFieldAndSavesOnlyValidTags(FxRobot robot) throws Exception {
        Messages messages = Messages.load(Locale.ROOT);
        dev.snapferry.ui.tags.TagEditorViewModel editor = new dev.snapferry.ui.tags.TagEditorViewModel(
                dev.snapferry.core.rules.CapabilityMatrix.loadDefault()
                        .forEngine(dev.snapferry.core.model.Engine.NEPTUNE).tags(), messages,
                java.util.List.of(new dev.snapferry.core.model.Tag("Owner", "dba-team"),
                        new dev.snapferry.core.model.Tag("Environment", "production")));
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.editTags("Tags of orders-neptune", "Edit them.", editor,
                "Save tags")));
        Node add = Shown.node(robot, "#addTag", 5);
        Button save = robot.lookup(".button").match(LabeledMatchers.hasText("Save tags")).queryButton();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(add);
        WaitForAsyncUtils.waitForFxEvents();
        // The new row's key has the focus: type straight into it.
        robot.write("aws:team");
        assertThat(save.isDisabled()).isTrue();
        assertThat(robot.lookup(".field-problem").match(org.testfx.util.NodeQueryUtils.isVisible())
                .queryAs(Label.class).getText()).contains("aws:");
        dev.snapferry.ui.testing.Screenshots.save(add.getScene(), "tag-editor-invalid");
        robot.type(KeyCode.HOME).type(KeyCode.DELETE, 4).write("-").type(KeyCode.HOME).write("platform");
        assertThat(editor.rows().get(2).keyProperty().get()).isEqualTo("platform-team");
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);
        assertThat(answer.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(editor.changes().put()).containsExactly(new dev.snapferry.core.model.Tag("platform-team", ""));
    }
}
