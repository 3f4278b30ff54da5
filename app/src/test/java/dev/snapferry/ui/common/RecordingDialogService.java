package dev.snapferry.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A scripted {@link DialogService} for ViewModel tests: records what was shown and answers as told. */
public final class RecordingDialogService implements dev.snapferry.ui.tags.TagDialogService {

    public record Shown(String kind, String title, String message) {
    }

    private final List<Shown> shown = new ArrayList<>();
    private boolean confirmAnswer;
    private Optional<Path> saveAnswer = Optional.empty();
    private Optional<Path> openAnswer = Optional.empty();
    private String typedAnswer = "";
    private Optional<String> textAnswer = Optional.empty();
    private final List<String> refusals = new ArrayList<>();
    private java.util.function.@org.jspecify.annotations.Nullable Consumer<
            dev.snapferry.ui.tags.TagEditorViewModel> tagEdit;

    public List<Shown> shown() {
        return shown;
    }

    public void answerConfirm(boolean answer) {
        confirmAnswer = answer;
    }

    /** What the user types into a guarded confirmation. */
    public void answerTyped(String typed) {
        typedAnswer = typed;
    }

    /** What the user types into a text question; refused answers are recorded and give empty. */
    public void answerText(String text) {
        textAnswer = Optional.ofNullable(text);
    }

    /** The problems the text questions showed for the scripted answers. */
    public List<String> refusals() {
        return refusals;
    }

    /** What the user does in a tag editor before pressing save (or, with null, cancel). */
    public void answerTags(java.util.function.@org.jspecify.annotations.Nullable Consumer<
            dev.snapferry.ui.tags.TagEditorViewModel> edit) {
        tagEdit = edit;
    }

    /** The file the user picks in an open-file chooser; null: they cancel. */
    public void answerOpen(@org.jspecify.annotations.Nullable Path path) {
        openAnswer = Optional.ofNullable(path);
    }

    public void answerSave(Path path) {
        saveAnswer = Optional.ofNullable(path);
    }

    @Override
    public void showInformation(String title, String message) {
        shown.add(new Shown("information", title, message));
    }

    @Override
    public void showError(String title, String message) {
        shown.add(new Shown("error", title, message));
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        shown.add(new Shown("confirm", title, message));
        return confirmAnswer;
    }

    @Override
    public boolean confirmTyped(String title, String message, String expected, String confirmLabel) {
        shown.add(new Shown("confirmTyped", title, message));
        return typedAnswer.equals(expected);
    }

    @Override
    public Optional<String> askText(String title, String message, String initial,
                                    java.util.function.Function<String, Optional<String>> problem) {
        shown.add(new Shown("askText", title, initial));
        if (textAnswer.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> why = problem.apply(textAnswer.get());
        why.ifPresent(refusals::add);
        return why.isPresent() ? Optional.empty() : textAnswer;
    }

    @Override
    public Optional<String> askNameAndTags(String title, String message, String initial,
                                           java.util.function.Function<String, Optional<String>> problem,
                                           dev.snapferry.ui.tags.TagEditorViewModel tags, String confirmLabel) {
        shown.add(new Shown("askNameAndTags", title, initial));
        if (textAnswer.isEmpty()) {
            return Optional.empty();
        }
        if (tagEdit != null) {
            tagEdit.accept(tags);
        }
        Optional<String> why = problem.apply(textAnswer.get());
        why.ifPresent(refusals::add);
        // The confirm button is disabled while the name or a tag is refused.
        return why.isPresent() || !tags.validProperty().get() ? Optional.empty() : textAnswer;
    }

    @Override
    public boolean editTags(String title, String message, dev.snapferry.ui.tags.TagEditorViewModel editor,
                            String confirmLabel) {
        shown.add(new Shown("editTags", title, message));
        if (tagEdit == null) {
            return false;
        }
        tagEdit.accept(editor);
        // The save button is disabled while a tag is invalid.
        return editor.validProperty().get();
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, List<String> extensions) {
        shown.add(new Shown("chooseOpenFile", title, String.join(" ", extensions)));
        return openAnswer;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialFileName, List<String> extensions) {
        shown.add(new Shown("save", title, initialFileName));
        return saveAnswer;
    }
}
