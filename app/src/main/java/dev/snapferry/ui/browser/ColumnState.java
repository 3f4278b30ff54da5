package dev.snapferry.ui.browser;

/** One table column as the user left it: its place (the list's order), whether it shows, and its width. */
public record ColumnState(String id, boolean visible, double width) {
}
