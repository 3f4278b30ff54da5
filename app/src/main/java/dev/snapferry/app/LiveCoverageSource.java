package dev.snapferry.app;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.ClusterSurvey;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.coverage.Deletion;
import dev.snapferry.core.coverage.DeletionLog;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.ui.coverage.CoverageSource;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link CoverageSource} on AWS (or the simulator) through the open accounts. A deletion AWS throttles is tried
 * again after a pause that doubles, on top of the SDK's own adaptive retries, before it is reported refused.
 */
public final class LiveCoverageSource implements CoverageSource {

    static final int THROTTLED_TRIES = 3;

    private final OpenSessions sessions;
    private final SnapshotWriter writer;
    private final ClusterSurvey survey = new ClusterSurvey();
    private final DeletionLog log;
    private final Duration pause;

    public LiveCoverageSource(OpenSessions sessions, SnapshotWriter writer, DeletionLog log, Duration pause) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.log = Objects.requireNonNull(log, "log");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    @Override
    public ClusterSurvey.Result survey(AccountRef account, RegionRef region) {
        return survey.survey(session(account.accountId()), region);
    }

    @Override
    public void delete(Snapshot snapshot) {
        AccountSession session = session(snapshot.accountId());
        for (int attempt = 1; ; attempt++) {
            try {
                writer.delete(session, snapshot);
                return;
            } catch (AwsCallException e) {
                if (!e.failure().transientFailure() || attempt >= THROTTLED_TRIES) {
                    throw e;
                }
                try {
                    Thread.sleep(pause.toMillis() << (attempt - 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void log(Deletion deletion) throws IOException {
        log.append(deletion);
    }

    @Override
    public String logLocation() {
        return log.file().toString();
    }

    private AccountSession session(String accountId) {
        return sessions.forAccount(accountId)
                .orElseThrow(() -> new IllegalStateException("no open account " + accountId));
    }
}
