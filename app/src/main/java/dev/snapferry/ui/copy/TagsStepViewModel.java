package dev.snapferry.ui.copy;

import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.KmsRules;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.core.rules.TagRules;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.tags.TagEditorViewModel;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The wizard's tags step: whether the source's tags are copied, the tags given here (edited under the engine's tag
 * rules), and a preview of the tags each copy will get, which says so when AWS uses the given tags instead of the
 * source's.
 */
public final class TagsStepViewModel {

    private final List<CopyTarget> targets;
    private final Messages messages;
    private final BooleanProperty copyTags = new SimpleBooleanProperty(this, "copyTags", true);
    private final TagEditorViewModel tags;
    private final ReadOnlyStringWrapper tagsProblem = new ReadOnlyStringWrapper(this, "tagsProblem", "");
    private final ReadOnlyStringWrapper tagWarning = new ReadOnlyStringWrapper(this, "tagWarning", "");
    private final ReadOnlyStringWrapper tagPreview = new ReadOnlyStringWrapper(this, "tagPreview", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    TagsStepViewModel(List<CopyTarget> targets, CapabilityMatrix matrix, Messages messages) {
        this.targets = List.copyOf(targets);
        this.messages = Objects.requireNonNull(messages, "messages");
        // A batch is of one engine's snapshots, as the browser offers it: the first one's tag rules are everyone's.
        this.tags = new TagEditorViewModel(matrix.forEngine(targets.getFirst().source().engine()).tags(), messages,
                List.of());
    }

    /** True when the source's tags are copied too. */
    public BooleanProperty copyTagsProperty() {
        return copyTags;
    }

    /** The tags given here. */
    public TagEditorViewModel tags() {
        return tags;
    }

    public ReadOnlyStringProperty tagsProblemProperty() {
        return tagsProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tagWarningProperty() {
        return tagWarning.getReadOnlyProperty();
    }

    /** The tags the copy (or each copy) will get. */
    public ReadOnlyStringProperty tagPreviewProperty() {
        return tagPreview.getReadOnlyProperty();
    }

    /** True when Next may leave this step: every tag valid and the set within AWS's limits. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    // ---- for the wizard ----

    List<Observable> inputs() {
        return List.of(copyTags, tags.rows(), tags.validProperty());
    }

    boolean copiesSourceTags() {
        return copyTags.get();
    }

    List<Tag> given() {
        return tags.tags();
    }

    /** Shows the wizard's check of the tags: its errors and its warnings that concern no key. */
    void show(List<Problem> errors, List<Problem> warnings) {
        tagsProblem.set(errors.stream().filter(p -> p.field().equals("tags")).findFirst()
                .map(p -> CopyChecks.text(messages, p)).orElse(""));
        tagWarning.set(warnings.stream().filter(p -> !p.field().equals(KmsRules.FIELD))
                .map(p -> CopyChecks.text(messages, p)).distinct().collect(Collectors.joining("\n")));
        tagPreview.set(preview());
        valid.set(tags.validProperty().get() && errors.isEmpty());
    }

    private String preview() {
        if (targets.size() > 1 && copyTags.get() && tags.tags().isEmpty()) {
            return messages.get("copy.tags.preview.eachSource");
        }
        List<Tag> result = TagRules.resultingTags(copyTags.get(), targets.getFirst().source().tags(), tags.tags());
        String list = result.isEmpty() ? messages.get("copy.tags.preview.none")
                : result.stream().map(t -> t.key() + "=" + t.value()).collect(Collectors.joining(", "));
        return copyTags.get() && !tags.tags().isEmpty() ? messages.get("copy.tags.preview.replace", list) : list;
    }
}
