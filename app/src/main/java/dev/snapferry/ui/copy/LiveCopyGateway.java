package dev.snapferry.ui.copy;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.IdentifierRules;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@link CopyGateway} on AWS (or the simulator), through the open accounts. */
public final class LiveCopyGateway implements CopyGateway {

    private final OpenSessions sessions;
    private final Supplier<List<RegionRef>> regions;
    private final SnapshotWriter writer;
    private final KmsDirectory kms;

    public LiveCopyGateway(OpenSessions sessions, Supplier<List<RegionRef>> regions, SnapshotWriter writer,
                           KmsDirectory kms) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.kms = Objects.requireNonNull(kms, "kms");
    }

    @Override
    public List<AccountRef> accounts() {
        return sessions.all().stream().map(AccountSession::account).toList();
    }

    @Override
    public List<RegionRef> regions() {
        return List.copyOf(regions.get());
    }

    @Override
    public Set<String> takenIdentifiers(AccountRef account, RegionRef region, boolean elastic) {
        SnapshotLister lister = new SnapshotLister(kms, 1);
        RegionResult result;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            result = lister.listRegion(session(account), region, new SnapshotLister.Options(false, false, elastic,
                    false), executor);
        }
        if (result instanceof RegionResult.Failed failed) {
            throw new dev.snapferry.core.aws.AwsCallException(failed.failure(), null);
        }
        return ((RegionResult.Loaded) result).snapshots().stream()
                .filter(s -> !s.isForeign() && (s.engine().api() == ApiFamily.DOCDB_ELASTIC) == elastic)
                .map(s -> IdentifierRules.normalize(s.identifier())).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<KmsKey> keys(AccountRef account, RegionRef region) {
        return kms.keys(session(account), region);
    }

    @Override
    public void start(CopyRequest request) {
        copy(request);
    }

    /** Starts one copy directly, without a job; returns the new snapshot. */
    public Snapshot copy(CopyRequest request) {
        return writer.copy(session(request.destinationAccount()), request);
    }

    private AccountSession session(AccountRef account) {
        return sessions.forAccount(account.accountId())
                .orElseThrow(() -> new IllegalStateException("no open account " + account.accountId()));
    }
}
