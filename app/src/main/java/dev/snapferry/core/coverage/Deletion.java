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
 */
public record Deletion(Snapshot snapshot, Instant at, @Nullable String awsCode, @Nullable String awsMessage) {

    public Deletion {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(at, "at");
    }

    public boolean deleted() {
        return awsCode == null;
    }
}
