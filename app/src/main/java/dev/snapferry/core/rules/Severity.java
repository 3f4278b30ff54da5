package dev.snapferry.core.rules;

/** An error blocks the action; a warning is shown but lets the user go on. */
public enum Severity {
    ERROR,
    WARNING
}
