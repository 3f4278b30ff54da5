package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A steady label keeps its children while only its text changes, and has the same children as a plain label
 * after every change (text, empty text, graphic, graphic hidden, content display).
 */
class SteadyCellsTest {

    private Stage stage;

    @BeforeEach
    void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void changesOfTextAloneLeaveTheChildrenInPlaceAndEveryStateMatchesAPlainLabel() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Label steady = new SteadyCells.SteadyLabel("first");
            Label plain = new Label("first");
            stage.setScene(new Scene(new VBox(steady, plain), 300, 100));
            stage.show();
            steady.applyCss();
            plain.applyCss();
            List<String> changes = new ArrayList<>();
            steady.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) c -> changes.add("changed"));

            for (String text : List.of("second", "third", "a longer text than before")) {
                steady.setText(text);
                plain.setText(text);
                sameChildren(steady, plain);
            }
            assertThat(changes).as("children changed by text alone").isEmpty();

            Rectangle steadyIcon = new Rectangle(8, 8);
            Rectangle plainIcon = new Rectangle(8, 8);
            List<Runnable> steps = List.of(
                    () -> { steady.setText(""); plain.setText(""); },
                    () -> { steady.setText("back"); plain.setText("back"); },
                    () -> { steady.setGraphic(steadyIcon); plain.setGraphic(plainIcon); },
                    () -> { steady.setText("with an icon"); plain.setText("with an icon"); },
                    () -> { steady.setGraphic(new Rectangle(6, 6)); plain.setGraphic(new Rectangle(6, 6)); },
                    () -> { steady.setGraphic(steadyIcon); plain.setGraphic(plainIcon); },
                    () -> { steadyIcon.setVisible(false); plainIcon.setVisible(false); },
                    () -> { steadyIcon.setVisible(true); plainIcon.setVisible(true); },
                    () -> { steady.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                        plain.setContentDisplay(ContentDisplay.GRAPHIC_ONLY); },
                    () -> { steady.setContentDisplay(ContentDisplay.LEFT);
                        plain.setContentDisplay(ContentDisplay.LEFT); },
                    () -> { steady.setGraphic(null); plain.setGraphic(null); },
                    () -> { steady.setText(null); plain.setText(null); },
                    () -> { steady.setText("last"); plain.setText("last"); });
            for (Runnable step : steps) {
                step.run();
                steady.applyCss();
                plain.applyCss();
                sameChildren(steady, plain);
            }
            assertThat(changes).as("children put back when their shape changed").isNotEmpty();
            return null;
        }).get();
    }

    /** The same kinds of children in the same order, the graphic being the label's own. */
    private static void sameChildren(Label steady, Label plain) {
        List<String> ours = steady.getChildrenUnmodifiable().stream()
                .map(n -> n == steady.getGraphic() ? "graphic" : n.getClass().getSimpleName()).toList();
        List<String> theirs = plain.getChildrenUnmodifiable().stream()
                .map(n -> n == plain.getGraphic() ? "graphic" : n.getClass().getSimpleName()).toList();
        assertThat(ours).as("children for text '%s'", steady.getText()).isEqualTo(theirs);
    }
}
