package dev.snapferry.ui.catalog;

import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.ui.common.TaskHandle;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the catalog's rows come from: the accounts the user opened and a listing of them across regions that
 * reports each (account, region) as it completes, from a background thread.
 */
public interface SnapshotSource {

    List<AccountRef> accounts();

    /**
     * Lists {@code accounts} in {@code regions}; {@code each} hears every (account, region) and {@code done} the end
     * of the whole listing, both on a background thread. Cancelling the handle stops what has not started.
     */
    TaskHandle list(List<AccountRef> accounts, List<RegionRef> regions, boolean includePublic,
                    Consumer<RegionResult> each, Runnable done);

    /**
     * Lists one part of one account and region again (after it failed), merged into {@code current}, the rows the
     * region has now; {@code each} hears the region's result, whose gaps are those of that part. A source that
     * cannot list a part alone lists the whole region.
     */
    default TaskHandle listPart(AccountRef account, RegionRef region, RegionResult.Part part, List<Snapshot> current,
                                boolean includePublic, Consumer<RegionResult> each) {
        return list(List.of(account), List.of(region), includePublic, each, () -> { });
    }
}
