package dev.snapferry.ui.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.TagSpec;
import dev.snapferry.ui.common.Messages;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The tag editor checks every key and value as typed, row by row, and reports exactly what changed. */
class TagEditorViewModelTest {

    private static final TagSpec RDS = CapabilityMatrix.loadDefault().forEngine(Engine.AURORA_MYSQL).tags();
    private final Messages messages = Messages.load(Locale.ROOT);

    @Test
    void aNewEmptyRowIsNotAnErrorUntilItHasAValue() {
        TagEditorViewModel editor = new TagEditorViewModel(RDS, messages, List.of());
        TagEditorViewModel.Row row = editor.add();
        assertThat(editor.validProperty().get()).isTrue();
        assertThat(row.keyProblemProperty().get()).isEmpty();
        row.valueProperty().set("orphan");
        assertThat(editor.validProperty().get()).isFalse();
        assertThat(row.keyProblemProperty().get()).isEqualTo("Enter a tag key, or remove this row.");
        row.keyProperty().set("Owner");
        assertThat(editor.validProperty().get()).isTrue();
        assertThat(row.keyProblemProperty().get()).isEmpty();
    }

    @Test
    void eachProblemLandsOnItsOwnRowAndField() {
        TagEditorViewModel editor = new TagEditorViewModel(RDS, messages,
                List.of(new Tag("Owner", "dba"), new Tag("Env", "prod")));
        TagEditorViewModel.Row blank = editor.add();
        TagEditorViewModel.Row duplicate = editor.add();
        duplicate.keyProperty().set("Owner");
        editor.rows().get(1).valueProperty().set("aws:prod");
        assertThat(blank.keyProblemProperty().get()).isEmpty();
        assertThat(duplicate.keyProblemProperty().get()).contains("Owner");
        assertThat(editor.rows().get(1).valueProblemProperty().get()).contains("aws:");
        assertThat(editor.rows().get(0).keyProblemProperty().get()).isEmpty();
        assertThat(editor.validProperty().get()).isFalse();
        editor.remove(duplicate);
        editor.rows().get(1).valueProperty().set("production");
        assertThat(editor.validProperty().get()).isTrue();
    }

    @Test
    void fiftyTagsAreTheLimit() {
        List<Tag> fifty = IntStream.range(0, 50).mapToObj(i -> new Tag("k" + i, "v")).toList();
        TagEditorViewModel editor = new TagEditorViewModel(RDS, messages, fifty);
        assertThat(editor.validProperty().get()).isTrue();
        editor.add().keyProperty().set("one-too-many");
        assertThat(editor.validProperty().get()).isFalse();
        assertThat(editor.setProblemProperty().get()).contains("50");
    }

    @Test
    void changesAreTheNewOrReValuedTagsAndTheRemovedKeys() {
        TagEditorViewModel editor = new TagEditorViewModel(RDS, messages,
                List.of(new Tag("Owner", "dba"), new Tag("Env", "prod"), new Tag("Keep", "1")));
        assertThat(editor.changes().isEmpty()).isTrue();
        editor.remove(editor.rows().get(1));
        editor.rows().get(0).valueProperty().set("platform");
        TagEditorViewModel.Row added = editor.add();
        added.keyProperty().set("Ticket");
        editor.add();
        assertThat(editor.changes().put()).containsExactly(new Tag("Owner", "platform"), new Tag("Ticket", ""));
        assertThat(editor.changes().removed()).containsExactly("Env");
        assertThat(editor.tags()).extracting(Tag::key).containsExactly("Owner", "Keep", "Ticket");
    }
}
