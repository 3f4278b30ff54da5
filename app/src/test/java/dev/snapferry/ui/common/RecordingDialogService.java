package dev.snapferry.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A scripted {@link DialogService} for ViewModel tests: records what was shown and answers as told. */
public final class RecordingDialogService implements DialogService {

    public record Shown(String kind, String title, String message) {
    }

    private final List<Shown> shown = new ArrayList<>();
    private boolean confirmAnswer;
    private Optional<Path> saveAnswer = Optional.empty();

    public List<Shown> shown() {
        return shown;
    }

    public void answerConfirm(boolean answer) {
        confirmAnswer = answer;
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
    public Optional<Path> chooseSaveFile(String title, String initialFileName, List<String> extensions) {
        shown.add(new Shown("save", title, initialFileName));
        return saveAnswer;
    }
}
