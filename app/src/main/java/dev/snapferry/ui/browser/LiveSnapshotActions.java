package dev.snapferry.ui.browser;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsFailure;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.ClusterRef;
import dev.snapferry.core.model.Snapshot;
import java.util.List;

/** {@link SnapshotActions} on AWS (or the simulator), through the account that listed the snapshot. */
public final class LiveSnapshotActions implements SnapshotActions {

    private final List<AccountSession> sessions;
    private final SnapshotWriter writer;

    public LiveSnapshotActions(List<AccountSession> sessions, SnapshotWriter writer) {
        this.sessions = List.copyOf(sessions);
        this.writer = writer;
    }

    @Override
    public void delete(Snapshot snapshot) {
        writer.delete(session(snapshot), snapshot);
    }

    @Override
    public Snapshot createFromClusterOf(Snapshot of, String identifier) {
        AccountSession session = session(of);
        ClusterRef cluster = writer.clusters(session, of.region()).stream()
                .filter(c -> c.identifier().equals(of.clusterIdentifier()) && c.engine() == of.engine())
                .findFirst().orElseThrow(() -> new AwsCallException(new AwsFailure.NotFound("",
                        "The cluster " + of.clusterIdentifier() + " no longer exists in " + of.region()), null));
        return writer.create(session, cluster, identifier, List.of());
    }

    private AccountSession session(Snapshot snapshot) {
        return sessions.stream().filter(s -> s.accountId().equals(snapshot.accountId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no open account " + snapshot.accountId()));
    }
}
