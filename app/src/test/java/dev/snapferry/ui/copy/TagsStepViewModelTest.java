package dev.snapferry.ui.copy;

import static dev.snapferry.ui.copy.StepFixtures.MATRIX;
import static dev.snapferry.ui.copy.StepFixtures.MESSAGES;
import static dev.snapferry.ui.copy.StepFixtures.snapshot;
import static dev.snapferry.ui.copy.StepFixtures.targets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tags step on its own: the preview says which tags each copy gets. */
class TagsStepViewModelTest {

    @Test
    void thePreviewShowsTheSourcesTagsOrSaysTheGivenOnesReplaceThem() {
        TagsStepViewModel step = new TagsStepViewModel(targets(snapshot("orders-2026", Engine.NEPTUNE, false,
                List.of(new Tag("env", "prod")))), MATRIX, MESSAGES);
        step.show(List.of(), List.of());
        assertThat(step.tagPreviewProperty().get()).isEqualTo("env=prod");
        var row = step.tags().add();
        row.keyProperty().set("Ticket");
        row.valueProperty().set("DBA-77");
        step.show(List.of(), List.of());
        assertThat(step.tagPreviewProperty().get()).startsWith("Ticket=DBA-77 \u2014 AWS uses the tags given here");
        assertThat(step.validProperty().get()).isTrue();
        step.copyTagsProperty().set(false);
        step.show(List.of(), List.of());
        assertThat(step.tagPreviewProperty().get()).isEqualTo("Ticket=DBA-77");
    }

    @Test
    void aBatchCopyingItsSourcesTagsSaysEachCopyGetsItsOwn() {
        TagsStepViewModel step = new TagsStepViewModel(targets(
                snapshot("orders-a", Engine.NEPTUNE, false, List.of(new Tag("env", "prod"))),
                snapshot("orders-b", Engine.NEPTUNE, false, List.of(new Tag("env", "test")))), MATRIX, MESSAGES);
        step.show(List.of(), List.of());
        assertThat(step.tagPreviewProperty().get()).isEqualTo("Each copy gets its own source\u2019s tags.");
    }
}
