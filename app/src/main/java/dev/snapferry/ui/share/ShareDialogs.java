package dev.snapferry.ui.share;

/**
 * Opens the share dialog. A ViewModel asks through this, so that its tests answer for the user without a window.
 */
@FunctionalInterface
public interface ShareDialogs {

    /**
     * Shows who {@code share}'s snapshot is shared with and lets the user change it; true when the user saved
     * (the save button is enabled only while {@link ShareViewModel#canSaveProperty()} holds).
     */
    boolean editSharing(ShareViewModel share);
}
