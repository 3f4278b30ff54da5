package dev.snapferry.app;

import dev.snapferry.ui.browser.ColumnState;
import java.util.List;

/**
 * What Snapferry remembers between runs, as JSON in the config folder. Choices are kept as text so that a value
 * a later version no longer knows is ignored rather than making the whole file unreadable; empty lists mean the
 * defaults.
 *
 * @param regions       the regions listed, empty for the account's default set
 * @param hiddenEngines engine families switched off in the browser
 * @param hiddenTypes   snapshot types switched off
 * @param quickFilters  audit quick filters switched on
 * @param requiredTags  the tag policy's required keys
 * @param theme         SYSTEM, LIGHT or DARK
 * @param columns       the table's columns in their order
 * @param accounts      the profiles (and the demo) open at exit, opened again at start
 * @param tagPolicy     the tag policy's rules; null (a file from before policies had patterns) means the
 *                      required keys of {@code requiredTags}, with any value
 * @param window        the main window's place at exit; null (a first start, or a file from before) opens it at
 *                      a size that fits the screen
 */
public record Preferences(List<String> regions, List<String> hiddenEngines, List<String> hiddenTypes,
                          List<String> quickFilters, boolean includePublic, List<String> requiredTags, String theme,
                          List<ColumnState> columns, List<String> accounts,
                          @org.jspecify.annotations.Nullable List<PolicyRule> tagPolicy,
                          @org.jspecify.annotations.Nullable Window window) {

    /**
     * The main window's bounds when it was last not maximised (so that un-maximising after a restart goes back to
     * them), and whether it was maximised.
     */
    public record Window(double x, double y, double width, double height, boolean maximized) {
    }

    /** Preferences with no remembered window place (callers that do not deal with the window). */
    public Preferences(List<String> regions, List<String> hiddenEngines, List<String> hiddenTypes,
                       List<String> quickFilters, boolean includePublic, List<String> requiredTags, String theme,
                       List<ColumnState> columns, List<String> accounts,
                       @org.jspecify.annotations.Nullable List<PolicyRule> tagPolicy) {
        this(regions, hiddenEngines, hiddenTypes, quickFilters, includePublic, requiredTags, theme, columns, accounts,
                tagPolicy, null);
    }

    /** These preferences with the window's place. */
    Preferences withWindow(@org.jspecify.annotations.Nullable Window place) {
        return new Preferences(regions, hiddenEngines, hiddenTypes, quickFilters, includePublic, requiredTags, theme,
                columns, accounts, tagPolicy, place);
    }

    /** A required tag key and the pattern its values must match (empty: any value). */
    public record PolicyRule(String key, String allowedValues) {
        public PolicyRule {
            key = key == null ? "" : key;
            allowedValues = allowedValues == null ? "" : allowedValues;
        }
    }

    public Preferences {
        regions = regions == null ? List.of() : List.copyOf(regions);
        hiddenEngines = hiddenEngines == null ? List.of() : List.copyOf(hiddenEngines);
        hiddenTypes = hiddenTypes == null ? List.of() : List.copyOf(hiddenTypes);
        quickFilters = quickFilters == null ? List.of() : List.copyOf(quickFilters);
        requiredTags = requiredTags == null ? List.of() : List.copyOf(requiredTags);
        theme = theme == null ? "SYSTEM" : theme;
        columns = columns == null ? List.of() : List.copyOf(columns);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        tagPolicy = tagPolicy == null ? null : List.copyOf(tagPolicy);
    }

    public static Preferences defaults() {
        return new Preferences(List.of(), List.of(), List.of(), List.of(), false, List.of(), "SYSTEM", List.of(), List.of(),
                null);
    }
}
