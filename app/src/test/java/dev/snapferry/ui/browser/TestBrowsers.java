package dev.snapferry.ui.browser;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.rules.TagSpec;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.catalog.SnapshotActions;
import dev.snapferry.ui.catalog.SnapshotCatalog;
import dev.snapferry.ui.catalog.SnapshotCommands;
import dev.snapferry.ui.catalog.SnapshotSource;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.UiThread;
import dev.snapferry.ui.share.ShareDialogs;
import dev.snapferry.ui.tags.TagDialogService;
import java.util.function.Function;

/** Builds a browser as the application composes it: one catalog, its commands, and the browser over them. */
public final class TestBrowsers {

    private TestBrowsers() {
    }

    /** A browser whose user closes every share dialog without saving. */
    public static BrowserViewModel browser(SnapshotSource source, SnapshotActions actions, AccountCatalog accounts,
                                           Function<Engine, TagSpec> tagSpecs, UiThread ui, TaskRunner tasks,
                                           TagDialogService dialogs, Messages messages) {
        return browser(source, actions, accounts, tagSpecs, ui, tasks, dialogs, share -> false, messages);
    }

    public static BrowserViewModel browser(SnapshotSource source, SnapshotActions actions, AccountCatalog accounts,
                                           Function<Engine, TagSpec> tagSpecs, UiThread ui, TaskRunner tasks,
                                           TagDialogService dialogs, ShareDialogs shareDialogs, Messages messages) {
        SnapshotCatalog catalog = new SnapshotCatalog(source, accounts, ui, tasks, dialogs, messages);
        return new BrowserViewModel(catalog, new SnapshotCommands(actions, catalog, tasks, messages), tagSpecs,
                dialogs, shareDialogs, tasks, messages);
    }
}
