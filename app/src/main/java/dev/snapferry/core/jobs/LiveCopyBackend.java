package dev.snapferry.core.jobs;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.IdentifierRules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@link CopyBackend} on AWS (or the simulator), through the open accounts. */
public final class LiveCopyBackend implements CopyBackend {

    private final OpenSessions sessions;
    private final SnapshotWriter writer;
    private final SnapshotLister lister = new SnapshotLister(new KmsDirectory(), 1);

    public LiveCopyBackend(OpenSessions sessions, SnapshotWriter writer) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public Snapshot copy(CopyRequest request) {
        return writer.copy(session(request.destinationAccount()), request);
    }

    @Override
    public Map<String, Snapshot> snapshots(AccountRef account, RegionRef region, boolean elastic) {
        RegionResult result;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            result = lister.listRegion(session(account), region, new SnapshotLister.Options(false, false, elastic,
                    false), executor);
        }
        if (result instanceof RegionResult.Failed failed) {
            throw new AwsCallException(failed.failure(), null);
        }
        Map<String, Snapshot> byName = new LinkedHashMap<>();
        ((RegionResult.Loaded) result).snapshots().stream().filter(s -> !s.isForeign())
                .forEach(s -> byName.put(IdentifierRules.normalize(s.identifier()), s));
        return byName;
    }

    @Override
    public Map<String, Snapshot> targets(AccountRef account, RegionRef region,
                                         java.util.Collection<String> identifiers, boolean elastic) {
        AccountSession session = session(account);
        Map<String, Snapshot> byName = new LinkedHashMap<>();
        writer.describeNamed(session, region, identifiers)
                .forEach(found -> byName.put(IdentifierRules.normalize(found.identifier()), found));
        if (elastic) {
            writer.elasticManual(session, region)
                    .forEach(found -> byName.put(IdentifierRules.normalize(found.identifier()), found));
        }
        return byName;
    }

    @Override
    public void delete(AccountRef account, Snapshot target) {
        writer.delete(session(account), target);
    }

    @Override
    public java.util.Set<String> sharedWith(AccountRef owner, RegionRef region, String snapshot) {
        AccountSession session = session(owner);
        return writer.restoreAccounts(session, named(session, region, snapshot));
    }

    @Override
    public void share(AccountRef owner, RegionRef region, String snapshot, java.util.Collection<String> add,
                      java.util.Collection<String> remove) {
        AccountSession session = session(owner);
        writer.share(session, named(session, region, snapshot), add, remove);
    }

    private Snapshot named(AccountSession session, RegionRef region, String identifier) {
        return writer.describe(session, region, identifier).orElseThrow(() -> new AwsCallException(
                new dev.snapferry.core.aws.AwsFailure.NotFound("DBClusterSnapshotNotFoundFault",
                        "DBClusterSnapshot " + identifier + " not found."), null));
    }

    @Override
    public boolean canReach(AccountRef account) {
        return sessions.forAccount(account.accountId()).isPresent();
    }

    private AccountSession session(AccountRef account) {
        return sessions.forAccount(account.accountId())
                .orElseThrow(() -> new AwsCallException(new dev.snapferry.core.aws.AwsFailure.CredentialsInvalid("",
                        "The account " + account.accountId() + " is not open"), null));
    }
}
