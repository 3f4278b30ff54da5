package dev.snapferry.core.aws;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** What listing one account and region came to: its snapshots, or why it failed. */
public sealed interface RegionResult {

    AccountRef account();

    RegionRef region();

    /**
     * The region's snapshots. {@code gaps} name the parts that failed while the RDS-family listing answered: the
     * region is then partial, not loaded, and its rows say "unknown" where a detail could not be read.
     */
    record Loaded(AccountRef account, RegionRef region, List<Snapshot> snapshots, List<Gap> gaps,
                  Duration elapsed, int skippedUnknownEngines) implements RegionResult {
        public Loaded {
            snapshots = List.copyOf(snapshots);
            gaps = List.copyOf(gaps);
        }

        /** True when some part of the region's listing failed: its rows are not all there, or not complete. */
        public boolean isPartial() {
            return !gaps.isEmpty();
        }
    }

    record Failed(AccountRef account, RegionRef region, AwsFailure failure, Duration elapsed) implements RegionResult {
    }

    /** The parts of a region's listing that can fail on their own, each read by calls of one service. */
    enum Part {
        /** DocumentDB Elastic's ListClusters and ListClusterSnapshots: its rows are missing. */
        ELASTIC_LIST("docdb-elastic"),
        /** DocumentDB Elastic's GetClusterSnapshot and ListTagsForResource: some rows lack their key and tags. */
        ELASTIC_DETAILS("docdb-elastic"),
        /** KMS ListAliases: rows show key ids without aliases. */
        KMS_ALIASES("kms");

        private final String service;

        Part(String service) {
            this.service = service;
        }

        /** The service's SigV4 signing name, as the log and {@code --list} name it. */
        public String service() {
            return service;
        }

        /** The parts listing this part again reads afresh: Elastic's rows come with their details. */
        public Set<Part> redoes() {
            return this == ELASTIC_LIST ? Set.of(ELASTIC_LIST, ELASTIC_DETAILS) : Set.of(this);
        }
    }

    /**
     * A part of a region's listing that failed without failing the region.
     *
     * @param attempts   how many times the SDK tried the call that failed last (0 when unknown)
     * @param httpStatus the HTTP status of AWS's last answer (0 when AWS never answered)
     * @param snapshots  for {@link Part#ELASTIC_DETAILS}, how many snapshots lack their details; else 0
     */
    record Gap(Part part, AwsFailure failure, int attempts, int httpStatus, int snapshots) {
        public Gap {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(failure, "failure");
        }

        /** The gap {@code error} (whatever a call of the part threw) leaves. */
        public static Gap of(Part part, Throwable error, int snapshots) {
            Integer attempts = null;
            int status = 0;
            java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
                if (t instanceof SdkException sdk && attempts == null) {
                    attempts = sdk.numAttempts();
                }
                if (t instanceof AwsServiceException service && status == 0) {
                    status = service.statusCode();
                }
            }
            return new Gap(part, AwsErrors.map(error), attempts == null ? 0 : attempts, status, snapshots);
        }
    }
}
