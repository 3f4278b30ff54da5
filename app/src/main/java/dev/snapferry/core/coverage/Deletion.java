package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Snapshot;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What became of one deletion of a retention run.
 *
 * @param awsCode    null when AWS deleted it; otherwise AWS's error code ({@code InvalidDBClusterSnapshotStateFault},
 *                   {@code Throttling} after the SDK's retries, ...)
 * @param awsMessage AWS's reason, verbatim, when it refused
 * @param sent       false when the run was stopped before this deletion was sent to AWS (nothing was asked)
 */
public record Deletion(Snapshot snapshot, Instant at, @Nullable String awsCode, @Nullable String awsMessage,
                       boolean sent) {

    public Deletion {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(at, "at");
    }

    /** A deletion sent to AWS: deleted when {@code awsCode} is null, else refused. */
    public Deletion(Snapshot snapshot, Instant at, @Nullable String awsCode, @Nullable String awsMessage) {
        this(snapshot, at, awsCode, awsMessage, true);
    }

    /** A deletion the user stopped before it was sent: the snapshot is still there. */
    public static Deletion notSent(Snapshot snapshot, Instant at) {
        return new Deletion(snapshot, at, null, null, false);
    }

    public boolean deleted() {
        return sent && awsCode == null;
    }

    /** "deleted", "refused" or "not sent", as the exports and the log say it. */
    public String result() {
        return !sent ? "not sent" : awsCode == null ? "deleted" : "refused";
    }
}
