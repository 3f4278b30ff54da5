package dev.snapferry.ui.audit;

import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.ui.catalog.SnapshotActions;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.Scheduler;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.UiThread;
import dev.snapferry.ui.tags.TagDialogService;
import java.time.Clock;
import java.util.Collection;
import java.util.function.BiConsumer;

/** Builds the audit as the application composes it: over the browser's rows and tag policy, listing again there. */
public final class TestAudits {

    private TestAudits() {
    }

    /** @param drillDown what opening a chart's slice does */
    public static AuditViewModel audit(BrowserViewModel browser, SnapshotActions actions, UiThread ui,
                                       TaskRunner tasks, Scheduler scheduler, TagDialogService dialogs,
                                       Messages messages, BiConsumer<String, Collection<String>> drillDown) {
        return new AuditViewModel(browser.catalog().rows(), browser.filter().tagPolicyProperty(), actions,
                e -> dev.snapferry.core.rules.CapabilityMatrix.loadDefault().forEngine(e).tags(), ui, tasks,
                scheduler, dialogs, messages, Clock.systemUTC(), drillDown,
                s -> browser.catalog().listAgain(s.accountId(), s.region()));
    }
}
