package dev.snapferry.core.aws;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.time.Duration;
import java.util.List;

/** What listing one account and region came to: its snapshots, or why it failed. */
public sealed interface RegionResult {

    AccountRef account();

    RegionRef region();

    /**
     * The region's snapshots. {@code warnings} name parts that failed without failing the region: Elastic not
     * offered there, KMS aliases denied (rows then show key ids instead of aliases).
     */
    record Loaded(AccountRef account, RegionRef region, List<Snapshot> snapshots, List<Warning> warnings,
                  Duration elapsed, int skippedUnknownEngines) implements RegionResult {
        public Loaded {
            snapshots = List.copyOf(snapshots);
            warnings = List.copyOf(warnings);
        }
    }

    record Failed(AccountRef account, RegionRef region, AwsFailure failure, Duration elapsed) implements RegionResult {
    }

    /** A part of a region's listing that failed: {@code service} is {@code docdb-elastic} or {@code kms}. */
    record Warning(String service, AwsFailure failure) {
    }
}
