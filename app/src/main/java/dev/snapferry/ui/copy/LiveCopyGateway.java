package dev.snapferry.ui.copy;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.jobs.LiveCopyBackend;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
        // The account's own snapshots of the region, keyed by lower-cased name: the jobs' lookup serves here too.
        return new LiveCopyBackend(sessions, writer).snapshots(account, region, elastic).entrySet().stream()
                .filter(e -> (e.getValue().engine().api() == ApiFamily.DOCDB_ELASTIC) == elastic)
                .map(java.util.Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<KmsKey> keys(AccountRef account, RegionRef region) {
        return kms.keys(session(account), region);
    }

    @Override
    public void start(CopyRequest request) {
        copy(request);
    }

    @Override
    public Set<String> sharedWith(AccountRef owner, Snapshot snapshot) {
        return writer.restoreAccounts(session(owner), snapshot);
    }

    @Override
    public String keyPolicy(AccountRef owner, RegionRef region, String keyId) {
        return dev.snapferry.core.aws.AwsCallException.call(() -> session(owner).clients().kms(region)
                .getKeyPolicy(b -> b.keyId(keyId).policyName("default")).policy());
    }

    @Override
    public void putKeyPolicy(AccountRef owner, RegionRef region, String keyId, String policy) {
        dev.snapferry.core.aws.AwsCallException.call(() -> session(owner).clients().kms(region)
                .putKeyPolicy(b -> b.keyId(keyId).policyName("default").policy(policy)));
    }

    /**
     * Refused: a plan waits for each copy to finish before the next stage, which only a copy job does (and its
     * history resumes it after a restart). The app's wizard goes through {@link JobsCopyGateway}.
     */
    @Override
    public void startPlan(CopyRequest request, dev.snapferry.core.model.JobPlan plan) {
        throw new UnsupportedOperationException("A copy into another account runs as a copy job: use "
                + "JobsCopyGateway, whose job history resumes it after a restart");
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
