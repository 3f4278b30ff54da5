package dev.snapferry.sim.aws;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's own per-engine table of how AWS copies cluster snapshots, written from AWS's documents (each
 * entry names its source) and not from the app's capability matrix, so that a wrong rule in the app shows up as a
 * refusal here. The presigned URL ({@link PresignedUrlDemand}) and the shared copy to another region
 * ({@link SharedCopyAcrossRegions}) have tables of their own.
 *
 * @param engines             the {@code Engine} values of DescribeDBClusterSnapshots (rds, docdb, neptune models,
 *                            DBClusterSnapshot$Engine) or Elastic's own
 * @param tagModel            whose Tag shape the tags follow; null for DocumentDB Elastic, which has its own
 *                            TagKey/TagValue shapes ({@code sim.elastic.ElasticTagChecks})
 * @param crossRegionCopy     whether a copy may come from another region at all
 * @param chinaExcluded       no copy to or from China (Beijing) or China (Ningxia), copies within each allowed
 * @param maxCopiesInFlight   copies in progress to one destination region per account
 */
public record EngineRules(List<String> engines, ClusterTags.@Nullable Model tagModel, boolean crossRegionCopy,
                          boolean chinaExcluded, int maxCopiesInFlight) {

    /** The two China regions (botocore endpoints.json, partition aws-cn). */
    public static final List<String> CHINA_REGIONS = List.of("cn-north-1", "cn-northwest-1");

    /**
     * Aurora MySQL and PostgreSQL. Cross-region: rds model, CopyDBClusterSnapshot ("You can copy an encrypted DB
     * cluster snapshot from another Amazon Web Services Region"). China: Amazon Aurora User Guide, "DB cluster
     * snapshot copying", Limitations: "You can't copy a snapshot to or from the following AWS Regions: China
     * (Beijing), China (Ningxia)". Five in flight: same page, Limitations, "You can have up to five snapshot copy
     * requests in progress to a single destination Region per account" (every copy into the region, same-region
     * ones included). GovCloud: same list, "you can't copy a snapshot between these AWS GovCloud (US) Regions and
     * commercial AWS Regions" ({@link Partitions}).
     */
    public static final EngineRules AURORA = new EngineRules(List.of("aurora", "aurora-mysql", "aurora-postgresql"),
            ClusterTags.Model.RDS, true, true, 5);

    /**
     * RDS Multi-AZ DB clusters (engines mysql and postgres). The rds model's CopyDBClusterSnapshot documentation
     * covers them ("For more information on Multi-AZ DB clusters, see Multi-AZ DB cluster deployments") and sends
     * the reader to the Aurora User Guide for copying, whose limits are applied. <i>Contested</i>: the RDS User
     * Guide, "Limitations of Multi-AZ DB clusters", lists "Copying a snapshot of a Multi-AZ DB cluster" among the
     * features they do not support; the API model, the newer text, documents the copy.
     */
    public static final EngineRules MULTI_AZ = new EngineRules(List.of("mysql", "postgres"), ClusterTags.Model.RDS,
            true, true, 5);

    /**
     * DocumentDB. docdb model, CopyDBClusterSnapshotMessage$PreSignedUrl ("when copying a cluster snapshot from
     * another Amazon Web Services Region"); Amazon DocumentDB Developer Guide, "Copying Amazon DocumentDB cluster
     * snapshots", Limitations: up to five copies in progress per destination region, and no region excluded besides
     * the partition.
     */
    public static final EngineRules DOCUMENTDB = new EngineRules(List.of("docdb"), ClusterTags.Model.DOCDB, true,
            false, 5);

    /**
     * Neptune. Neptune User Guide, "Copying a DB Cluster Snapshot", Limitations: copies between China (Beijing) and
     * China (Ningxia) are allowed (so only the partition limits them), and at most five copies in progress to one
     * destination region.
     */
    public static final EngineRules NEPTUNE = new EngineRules(List.of("neptune"), ClusterTags.Model.NEPTUNE, true,
            false, 5);

    /**
     * DocumentDB Elastic. docdb-elastic model (2022-11-28), CopyClusterSnapshotInput: the source is an ARN in the
     * URI and there is no source-region member, so a copy stays in its region. The model declares
     * ServiceQuotaExceededException for CopyClusterSnapshot but no document gives the number of copies in
     * progress; the simulator uses the RDS family's five (an assumption, not a documented figure).
     */
    public static final EngineRules DOCUMENTDB_ELASTIC = new EngineRules(List.of("docdb-elastic"), null, false,
            false, 5);

    public static final List<EngineRules> ALL = List.of(AURORA, MULTI_AZ, DOCUMENTDB, NEPTUNE, DOCUMENTDB_ELASTIC);

    public EngineRules {
        engines = List.copyOf(engines);
    }

    /** The rules of a snapshot's {@code Engine}, or empty for an engine the simulator does not know. */
    public static Optional<EngineRules> of(String engine) {
        return ALL.stream().filter(r -> r.engines.contains(engine)).findFirst();
    }

    /** The first engine name, as the simulator writes it on new snapshots. */
    public String engine() {
        return engines.getFirst();
    }
}
