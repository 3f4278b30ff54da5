package dev.snapferry.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Dialogs, file choosers and notifications, behind an interface so that ViewModels ask for them without knowing
 * the View and can be tested with a scripted double.
 */
public interface DialogService {

    void showInformation(String title, String message);

    void showError(String title, String message);

    /** Asks a yes/no question; {@code confirmLabel} names the action ("Delete snapshot"), not just "OK". */
    boolean confirm(String title, String message, String confirmLabel);

    /**
     * Asks where to save a file.
     *
     * @param extensions file name patterns offered, such as {@code *.csv}
     */
    Optional<Path> chooseSaveFile(String title, String initialFileName, List<String> extensions);
}
