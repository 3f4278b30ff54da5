package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One cluster's recoverability: its newest snapshot where it lives, its newest copy in another region and in
 * another account (only {@code available} ones count: a copy still running restores nothing), what the DR policy
 * makes of them, and the cluster settings that make its snapshots worse.
 *
 * @param settings null when the cluster was not described (gone, or its region could not be listed)
 */
public record ClusterCoverage(ClusterKey key, Existence existence, @Nullable ClusterSettings settings,
                              @Nullable Snapshot newestOwn, @Nullable Snapshot newestRegionCopy,
                              @Nullable Snapshot newestAccountCopy, Status status, List<Reason> reasons,
                              List<Finding> findings, int snapshotCount) {

    /** Whether the cluster still exists. */
    public enum Existence {
        EXISTS,
        /** Its region was listed and the cluster is not there: only its snapshots remain. */
        ORPHANED,
        /** Its region's clusters could not be listed (or its account is not open). */
        UNKNOWN
    }

    public enum Status {
        COVERED,
        /** Every copy the policy asks for exists, but one is older than it allows. */
        AT_RISK,
        /** A copy the policy asks for does not exist at all. */
        UNCOVERED,
        /** No rule of the DR policy applies to this engine. */
        NO_POLICY
    }

    /** Why a cluster is not covered. */
    public sealed interface Reason {
        /** No available copy in another region (or account, when {@code account}). */
        record Missing(boolean account, int limitHours) implements Reason {
        }

        /** The newest copy in another region (or account) is older than the policy allows. */
        record TooOld(boolean account, Duration age, int limitHours) implements Reason {
        }
    }

    /** A cluster setting that makes its snapshots worse. */
    public sealed interface Finding {
        /** {@code CopyTagsToSnapshot} is off: automated snapshots carry none of the cluster's tags. */
        record CopyTagsOff(String command) implements Finding {
        }

        /** Automated snapshots are kept fewer days than {@link ClusterSettings#MIN_RETENTION_DAYS}. */
        record ShortRetention(int days) implements Finding {
        }

        /** The engine version is deprecated ({@code DescribeDBEngineVersions}). */
        record DeprecatedVersion(String version) implements Finding {
        }
    }

    public ClusterCoverage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(existence, "existence");
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        findings = List.copyOf(findings);
    }

    /** How old a snapshot is at {@code now}; null for none, or one without a creation time. */
    public static @Nullable Duration age(@Nullable Snapshot snapshot, Instant now) {
        if (snapshot == null || snapshot.createTime() == null) {
            return null;
        }
        Duration age = Duration.between(snapshot.createTime(), now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
