package dev.snapferry.app;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsErrors;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.ui.catalog.SnapshotSource;
import dev.snapferry.ui.common.TaskHandle;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The browser's rows from AWS (or the simulator): the open accounts, listed by {@link SnapshotLister}. */
public final class LiveSnapshotSource implements SnapshotSource {

    private final OpenSessions sessions;
    private final SnapshotLister lister;

    public LiveSnapshotSource(OpenSessions sessions, SnapshotLister lister) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.lister = Objects.requireNonNull(lister, "lister");
    }

    /** A fixed set of accounts. */
    public LiveSnapshotSource(List<AccountSession> sessions, SnapshotLister lister) {
        this(OpenSessions.of(sessions), lister);
    }

    @Override
    public List<AccountRef> accounts() {
        return sessions.all().stream().map(AccountSession::account).toList();
    }

    @Override
    public TaskHandle list(List<AccountRef> accounts, List<RegionRef> regions, boolean includePublic,
                           Consumer<RegionResult> each, Runnable done) {
        List<AccountSession> chosen = sessions.all().stream().filter(s -> accounts.contains(s.account())).toList();
        CompletableFuture<?> listing = lister.list(chosen, regions,
                new SnapshotLister.Options(true, includePublic, true, true), each);
        listing.whenComplete((ignored, error) -> done.run());
        return handle(listing);
    }

    @Override
    public TaskHandle listPart(AccountRef account, RegionRef region, RegionResult.Part part, List<Snapshot> current,
                               boolean includePublic, Consumer<RegionResult> each) {
        AccountSession session = sessions.all().stream().filter(s -> s.account().equals(account)).findFirst()
                .orElse(null);
        if (session == null) {
            // The account was closed meanwhile: nothing to list.
            return handle(CompletableFuture.completedFuture(null));
        }
        CompletableFuture<RegionResult.Loaded> listing = lister.listPart(session, region, part, current,
                new SnapshotLister.Options(true, includePublic, true, true));
        listing.whenComplete((result, error) -> {
            if (result != null) {
                each.accept(result);
            } else if (error != null && !(error instanceof java.util.concurrent.CancellationException)) {
                each.accept(new RegionResult.Failed(account, region, AwsErrors.map(error), Duration.ZERO));
            }
        });
        return handle(listing);
    }

    private static TaskHandle handle(CompletableFuture<?> listing) {
        return new TaskHandle() {
            @Override
            public void cancel() {
                listing.cancel(true);
            }

            @Override
            public boolean isCancelled() {
                return listing.isCancelled();
            }
        };
    }
}
