package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Engine;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code DescribeDBClusters} (or Elastic's {@code GetCluster}) says about a cluster that bears on its
 * snapshots. A null field is one the service does not report for that engine (the DocumentDB model of
 * 2014-10-31 as bundled with older SDKs has no {@code CopyTagsToSnapshot}; Elastic's list call has no retention).
 *
 * @param copyTagsToSnapshot  {@code CopyTagsToSnapshot}: when false, automated snapshots carry no tags
 * @param backupRetentionDays {@code BackupRetentionPeriod}, days automated snapshots are kept
 */
public record ClusterSettings(ClusterKey key, String arn, @Nullable String engineVersion,
                              @Nullable Boolean copyTagsToSnapshot, @Nullable Integer backupRetentionDays) {

    /** AWS Backup and the Well-Architected reliability pillar both start at a week; fewer days is flagged. */
    public static final int MIN_RETENTION_DAYS = 7;

    public ClusterSettings {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(arn, "arn");
    }

    /**
     * The AWS CLI command that turns {@code CopyTagsToSnapshot} on; each engine's own CLI, since all three accept
     * {@code --copy-tags-to-snapshot} on {@code modify-db-cluster}. Empty for Elastic, which has no such setting.
     */
    public String copyTagsCommand() {
        Engine engine = key.engine();
        String cli = switch (engine) {
            case DOCUMENTDB -> "docdb";
            case NEPTUNE -> "neptune";
            case DOCUMENTDB_ELASTIC -> "";
            default -> "rds";
        };
        return cli.isEmpty() ? "" : "aws " + cli + " modify-db-cluster --db-cluster-identifier " + key.identifier()
                + " --copy-tags-to-snapshot --apply-immediately --region " + key.region().code();
    }
}
