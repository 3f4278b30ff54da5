package dev.snapferry.ui.browser;

import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where the browser's rows come from: the accounts the user opened and a listing of them across regions that
 * reports each (account, region) as it completes, from a background thread.
 */
public interface SnapshotSource {

    List<AccountRef> accounts();

    CompletableFuture<?> list(List<AccountRef> accounts, List<RegionRef> regions, boolean includePublic,
                              Consumer<RegionResult> each);
}
