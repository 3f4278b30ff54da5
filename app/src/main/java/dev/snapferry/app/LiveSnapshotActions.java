package dev.snapferry.app;

import dev.snapferry.ui.catalog.SnapshotActions;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsFailure;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.ClusterRef;
import dev.snapferry.core.model.Snapshot;
import java.util.List;

/** {@link SnapshotActions} on AWS (or the simulator), through the account that listed the snapshot. */
public final class LiveSnapshotActions implements SnapshotActions {

    private final OpenSessions sessions;
    private final SnapshotWriter writer;

    public LiveSnapshotActions(OpenSessions sessions, SnapshotWriter writer) {
        this.sessions = sessions;
        this.writer = writer;
    }

    /** On a fixed set of accounts. */
    public LiveSnapshotActions(List<AccountSession> sessions, SnapshotWriter writer) {
        this(OpenSessions.of(sessions), writer);
    }

    @Override
    public void delete(Snapshot snapshot) {
        writer.delete(session(snapshot), snapshot);
    }

    @Override
    public Snapshot createFromClusterOf(Snapshot of, String identifier, List<dev.snapferry.core.model.Tag> tags) {
        AccountSession session = session(of);
        ClusterRef cluster = writer.clusters(session, of.region()).stream()
                .filter(c -> c.identifier().equals(of.clusterIdentifier()) && c.engine() == of.engine())
                .findFirst().orElseThrow(() -> new AwsCallException(new AwsFailure.NotFound("",
                        "The cluster " + of.clusterIdentifier() + " no longer exists in " + of.region()), null));
        return writer.create(session, cluster, identifier, tags);
    }

    @Override
    public void editTags(Snapshot snapshot, List<dev.snapferry.core.model.Tag> put, List<String> removed) {
        AccountSession session = session(snapshot);
        if (!put.isEmpty()) {
            writer.addTags(session, snapshot, put);
        }
        if (!removed.isEmpty()) {
            writer.removeTags(session, snapshot, removed);
        }
    }

    @Override
    public java.util.Set<String> restoreAccounts(Snapshot snapshot) {
        return writer.restoreAccounts(session(snapshot), snapshot);
    }

    @Override
    public String keyPolicy(Snapshot snapshot) {
        String keyId = java.util.Objects.requireNonNull(snapshot.kmsKeyId(), "not encrypted");
        return dev.snapferry.core.aws.AwsCallException.call(() -> session(snapshot).clients().kms(snapshot.region())
                .getKeyPolicy(b -> b.keyId(keyId).policyName("default")).policy());
    }

    @Override
    public java.util.Set<String> makePrivate(Snapshot snapshot) {
        return writer.makePrivate(session(snapshot), snapshot);
    }

    @Override
    public java.util.Set<String> share(Snapshot snapshot, java.util.Collection<String> add,
                                       java.util.Collection<String> remove) {
        return writer.share(session(snapshot), snapshot, add, remove);
    }

    private AccountSession session(Snapshot snapshot) {
        return sessions.forAccount(snapshot.accountId())
                .orElseThrow(() -> new IllegalStateException("no open account " + snapshot.accountId()));
    }
}
