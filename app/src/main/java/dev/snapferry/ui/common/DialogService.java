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
     * Asks the user to confirm a destructive action by typing {@code expected} (the identifier of what is
     * destroyed); true only when they typed it exactly and confirmed.
     */
    boolean confirmTyped(String title, String message, String expected, String confirmLabel);

    /**
     * Asks for a text, offering {@code initial}; {@code problem} returns why a text is not acceptable (shown under
     * the field as the user types, and blocking the confirm button) or empty when it is.
     */
    Optional<String> askText(String title, String message, String initial,
                             java.util.function.Function<String, Optional<String>> problem);

    /**
     * Asks where to save a file.
     *
     * @param extensions file name patterns offered, such as {@code *.csv}
     */
    Optional<Path> chooseSaveFile(String title, String initialFileName, List<String> extensions);

    /**
     * Asks for an existing file to read.
     *
     * @param extensions file name patterns offered, such as {@code *.json}
     */
    Optional<Path> chooseOpenFile(String title, List<String> extensions);
}
