package dev.snapferry.ui.browser;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The browser's rows from AWS (or the simulator): the open accounts, listed by {@link SnapshotLister}. */
public final class LiveSnapshotSource implements SnapshotSource {

    private final List<AccountSession> sessions;
    private final SnapshotLister lister;

    public LiveSnapshotSource(List<AccountSession> sessions, SnapshotLister lister) {
        this.sessions = List.copyOf(sessions);
        this.lister = Objects.requireNonNull(lister, "lister");
    }

    @Override
    public List<AccountRef> accounts() {
        return sessions.stream().map(AccountSession::account).toList();
    }

    @Override
    public CompletableFuture<?> list(List<AccountRef> accounts, List<RegionRef> regions, boolean includePublic,
                                     Consumer<RegionResult> each) {
        List<AccountSession> chosen = sessions.stream().filter(s -> accounts.contains(s.account())).toList();
        return lister.list(chosen, regions, new SnapshotLister.Options(true, includePublic, true, true), each);
    }
}
