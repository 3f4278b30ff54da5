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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The browser's rows from AWS (or the simulator): the open accounts, listed by {@link SnapshotLister}. */
public final class LiveSnapshotSource implements SnapshotSource {

    private final OpenSessions sessions;
    private final SnapshotLister lister;
    /** The listing begun at start-up, until the first {@link #list} takes it over (or drops it). */
    private @Nullable HeadStart headStart;

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

    /**
     * Begins listing every open account in {@code regions} now, before anyone asks: start-up calls it as soon as
     * the accounts are open, so that the listing runs while the toolkit starts and the window is built. The first
     * {@link #list} of the same accounts, regions and public choice takes the listing over, with the regions that
     * have already answered; any other first call drops it and lists afresh.
     */
    public synchronized void startEarly(List<RegionRef> regions, boolean includePublic) {
        List<AccountSession> all = sessions.all();
        HeadStart started = new HeadStart(all.stream().map(AccountSession::account).toList(), List.copyOf(regions),
                includePublic);
        CompletableFuture<?> listing = lister.list(all, regions, options(includePublic), started::hear);
        listing.whenComplete((ignored, error) -> started.finish());
        started.listing = listing;
        headStart = started;
    }

    @Override
    public TaskHandle list(List<AccountRef> accounts, List<RegionRef> regions, boolean includePublic,
                           Consumer<RegionResult> each, Runnable done) {
        HeadStart started;
        synchronized (this) {
            started = headStart;
            headStart = null;
        }
        if (started != null && started.listing != null) {
            if (started.accounts.equals(accounts) && started.regions.equals(regions)
                    && started.includePublic == includePublic) {
                started.attach(each, done);
                return handle(started.listing);
            }
            started.listing.cancel(true);
        }
        List<AccountSession> chosen = sessions.all().stream().filter(s -> accounts.contains(s.account())).toList();
        CompletableFuture<?> listing = lister.list(chosen, regions, options(includePublic), each);
        listing.whenComplete((ignored, error) -> done.run());
        return handle(listing);
    }

    private static SnapshotLister.Options options(boolean includePublic) {
        return new SnapshotLister.Options(true, includePublic, true, true);
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
                options(includePublic));
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

    /** A listing nobody has asked for yet: what it heard waits until someone does. */
    private static final class HeadStart {
        private final List<AccountRef> accounts;
        private final List<RegionRef> regions;
        private final boolean includePublic;
        private @Nullable CompletableFuture<?> listing;
        private final List<RegionResult> heard = new ArrayList<>();
        private @Nullable Consumer<RegionResult> each;
        private @Nullable Runnable done;
        private boolean finished;

        HeadStart(List<AccountRef> accounts, List<RegionRef> regions, boolean includePublic) {
            this.accounts = accounts;
            this.regions = regions;
            this.includePublic = includePublic;
        }

        synchronized void hear(RegionResult result) {
            if (each != null) {
                each.accept(result);
            } else {
                heard.add(result);
            }
        }

        synchronized void finish() {
            finished = true;
            if (done != null) {
                done.run();
            }
        }

        /** Hands over what was heard, then everything still to come. */
        synchronized void attach(Consumer<RegionResult> listener, Runnable whenDone) {
            heard.forEach(listener);
            heard.clear();
            each = listener;
            done = whenDone;
            if (finished) {
                whenDone.run();
            }
        }
    }
}
