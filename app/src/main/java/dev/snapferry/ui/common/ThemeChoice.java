package dev.snapferry.ui.common;

/** The user's theme choice; {@link #SYSTEM} follows the operating system's light or dark preference. */
public enum ThemeChoice {
    SYSTEM,
    LIGHT,
    DARK
}
