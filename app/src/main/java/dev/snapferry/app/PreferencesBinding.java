package dev.snapferry.app;

import dev.snapferry.core.audit.QuickFilter;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.ui.browser.BrowserView;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.ui.common.ThemeChoice;
import dev.snapferry.ui.main.MainViewModel;
import java.util.ArrayList;
import java.util.List;

/** Applies remembered preferences to the screens at start, and reads them back at exit. */
final class PreferencesBinding {

    private PreferencesBinding() {
    }

    static void apply(Preferences p, MainViewModel main, BrowserViewModel browser, BrowserView view) {
        main.themeProperty().set(parse(ThemeChoice.class, p.theme(), ThemeChoice.SYSTEM));
        List<RegionRef> regions = p.regions().stream().filter(RegionRef::isValidCode).map(RegionRef::new).toList();
        if (!regions.isEmpty()) {
            browser.catalog().regions().setAll(regions);
        }
        for (EngineFamily family : EngineFamily.values()) {
            browser.filter().engineProperty(family).set(!p.hiddenEngines().contains(family.name()));
        }
        for (SnapshotType type : SnapshotType.values()) {
            browser.filter().typeProperty(type).set(!p.hiddenTypes().contains(type.name()));
        }
        for (QuickFilter filter : QuickFilter.values()) {
            browser.filter().quickFilterProperty(filter).set(p.quickFilters().contains(filter.name()));
        }
        browser.catalog().includePublicProperty().set(p.includePublic());
        policy(p).ifPresent(browser.filter().tagPolicyProperty()::set);
        view.applyColumnLayout(p.columns());
    }

    /** Calls {@code changed} whenever anything {@link #capture} reads changes, apart from the columns. */
    static void observe(MainViewModel main, BrowserViewModel browser, Runnable changed) {
        javafx.beans.InvalidationListener listener = o -> changed.run();
        main.themeProperty().addListener(listener);
        browser.catalog().regions().addListener(listener);
        browser.catalog().accounts().open().addListener(listener);
        browser.filter().tagPolicyProperty().addListener(listener);
        browser.catalog().includePublicProperty().addListener(listener);
        for (EngineFamily family : EngineFamily.values()) {
            browser.filter().engineProperty(family).addListener(listener);
        }
        for (SnapshotType type : SnapshotType.values()) {
            browser.filter().typeProperty(type).addListener(listener);
        }
        for (QuickFilter filter : QuickFilter.values()) {
            browser.filter().quickFilterProperty(filter).addListener(listener);
        }
    }

    static Preferences capture(MainViewModel main, BrowserViewModel browser, BrowserView view) {
        List<String> hiddenEngines = new ArrayList<>();
        for (EngineFamily family : EngineFamily.values()) {
            if (!browser.filter().engineProperty(family).get()) {
                hiddenEngines.add(family.name());
            }
        }
        List<String> hiddenTypes = new ArrayList<>();
        for (SnapshotType type : SnapshotType.values()) {
            if (!browser.filter().typeProperty(type).get()) {
                hiddenTypes.add(type.name());
            }
        }
        List<String> quick = new ArrayList<>();
        for (QuickFilter filter : QuickFilter.values()) {
            if (browser.filter().quickFilterProperty(filter).get()) {
                quick.add(filter.name());
            }
        }
        return new Preferences(browser.catalog().regions().stream().map(RegionRef::code).toList(), hiddenEngines, hiddenTypes,
                quick, browser.catalog().includePublicProperty().get(), browser.filter().tagPolicyProperty().get().keys(),
                main.themeProperty().get().name(), view.columnLayout(), List.copyOf(browser.catalog().accounts().open()),
                browser.filter().tagPolicyProperty().get().rules().stream()
                        .map(r -> new Preferences.PolicyRule(r.key(), r.allowedValues())).toList());
    }

    /**
     * The remembered tag policy; empty for the default. A rule a hand-edited file got wrong (a bad pattern, a key
     * twice) drops the whole policy back to the default rather than half of it.
     */
    static java.util.Optional<dev.snapferry.core.audit.TagPolicy> policy(Preferences p) {
        if (p.tagPolicy() == null) {
            return p.requiredTags().isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(dev.snapferry.core.audit.TagPolicy.requiring(p.requiredTags()));
        }
        try {
            return java.util.Optional.of(new dev.snapferry.core.audit.TagPolicy(p.tagPolicy().stream()
                    .filter(r -> !r.key().isEmpty())
                    .map(r -> new dev.snapferry.core.audit.TagPolicy.Rule(r.key(), r.allowedValues())).toList()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        return fallback;
    }
}
