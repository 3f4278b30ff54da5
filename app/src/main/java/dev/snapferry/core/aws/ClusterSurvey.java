package dev.snapferry.core.aws;

import dev.snapferry.core.coverage.ClusterKey;
import dev.snapferry.core.coverage.ClusterSettings;
import dev.snapferry.core.coverage.Fleet;
import dev.snapferry.core.coverage.Quota;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.docdbelastic.model.ClusterInList;
import software.amazon.awssdk.services.rds.model.AccountQuota;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBEngineVersion;

/**
 * What coverage needs of one account and region besides its snapshots, each part asked on its own so that one
 * refusal (an IAM policy without {@code rds:DescribeAccountAttributes}, say) costs only that part:
 * <ul>
 *   <li>the clusters: {@code DescribeDBClusters} on the RDS endpoint, which answers for Aurora, DocumentDB and
 *       Neptune alike with {@code CopyTagsToSnapshot} and {@code BackupRetentionPeriod}, and Elastic's
 *       {@code ListClusters} (which carries neither);</li>
 *   <li>the manual cluster snapshot quota: {@code DescribeAccountAttributes}, an RDS call only (the DocumentDB and
 *       Neptune models of SDK 2.40.2 have none; their clusters' snapshots share the RDS quota);</li>
 *   <li>the status of the engine versions the clusters run: {@code DescribeDBEngineVersions} with
 *       {@code IncludeAll}, since deprecated versions are otherwise left out.</li>
 * </ul>
 */
public final class ClusterSurvey {

    /**
     * One account and region.
     *
     * @param clusters   null when the clusters could not be listed (then no cluster there can be called gone)
     * @param deprecated versions reported {@code deprecated}; empty when the call was refused
     * @param problems   what was refused, as AWS said it
     */
    public record Result(ClusterKey.Location location, @Nullable List<ClusterSettings> clusters, Quota quota,
                         Set<Fleet.EngineVersion> deprecated, List<AwsFailure> problems) {
        public Result {
            clusters = clusters == null ? null : List.copyOf(clusters);
            deprecated = Set.copyOf(deprecated);
            problems = List.copyOf(problems);
        }
    }

    private static final String MANUAL_CLUSTER_SNAPSHOTS = "ManualClusterSnapshots";

    /** A described cluster and its raw {@code Engine} ({@code postgres} and {@code mysql} share one Engine). */
    private record Described(ClusterSettings settings, @Nullable String rawEngine) {
    }

    /** The fleet of {@code snapshots} with what the surveys found: clusters, where they were listed, versions. */
    public static Fleet fleet(List<dev.snapferry.core.model.Snapshot> snapshots, List<Result> surveys) {
        List<ClusterSettings> clusters = new ArrayList<>();
        Set<ClusterKey.Location> listed = new HashSet<>();
        Set<Fleet.EngineVersion> deprecated = new HashSet<>();
        for (Result r : surveys) {
            if (r.clusters() != null) {
                clusters.addAll(r.clusters());
                listed.add(r.location());
            }
            deprecated.addAll(r.deprecated());
        }
        return new Fleet(snapshots, clusters, listed, deprecated);
    }

    /** Surveys one account and region; never throws for a refusal, which lands in {@link Result#problems()}. */
    public Result survey(AccountSession session, RegionRef region) {
        Objects.requireNonNull(session, "session");
        List<AwsFailure> problems = new ArrayList<>();
        List<Described> clusters = null;
        try {
            clusters = clusters(session, region);
        } catch (AwsCallException e) {
            problems.add(e.failure());
        }
        Quota quota = new Quota(new ClusterKey.Location(session.accountId(), region), null, null);
        try {
            quota = quota(session, region);
        } catch (AwsCallException e) {
            problems.add(e.failure());
        }
        Set<Fleet.EngineVersion> deprecated = new HashSet<>();
        if (clusters != null) {
            try {
                deprecated.addAll(deprecated(session, region, clusters));
            } catch (AwsCallException e) {
                problems.add(e.failure());
            }
        }
        return new Result(new ClusterKey.Location(session.accountId(), region),
                clusters == null ? null : clusters.stream().map(Described::settings).toList(), quota, deprecated,
                problems);
    }

    private static List<Described> clusters(AccountSession session, RegionRef region) {
        return AwsCallException.call(() -> {
            List<Described> result = new ArrayList<>();
            for (DBCluster c : session.clients().rds(region).describeDBClustersPaginator(b -> b.maxRecords(100))
                    .dbClusters()) {
                Engine.fromRaw(c.engine()).ifPresent(engine -> result.add(new Described(new ClusterSettings(
                        new ClusterKey(session.accountId(), region, engine, c.dbClusterIdentifier()),
                        c.dbClusterArn(), c.engineVersion(), c.copyTagsToSnapshot(), c.backupRetentionPeriod()),
                        c.engine())));
            }
            for (ClusterInList c : session.clients().elastic(region).listClustersPaginator(b -> b.maxResults(100))
                    .clusters()) {
                result.add(new Described(new ClusterSettings(new ClusterKey(session.accountId(), region,
                        Engine.DOCUMENTDB_ELASTIC, c.clusterName()), c.clusterArn(), null, null, null), null));
            }
            return result;
        });
    }

    /**
     * The account's manual cluster snapshot quota in {@code region}; unknown (nulls) when AWS does not report it.
     *
     * @throws AwsCallException when AWS refuses the call
     */
    public static Quota quota(AccountSession session, RegionRef region) {
        List<AccountQuota> quotas = AwsCallException.call(() -> session.clients().rds(region)
                .describeAccountAttributes(b -> { }).accountQuotas());
        ClusterKey.Location location = new ClusterKey.Location(session.accountId(), region);
        return quotas.stream().filter(q -> MANUAL_CLUSTER_SNAPSHOTS.equals(q.accountQuotaName())).findFirst()
                .map(q -> new Quota(location, q.used(), q.max())).orElse(new Quota(location, null, null));
    }

    /** One call per engine and version the region's clusters run: a handful, where listing every version is pages. */
    private static Set<Fleet.EngineVersion> deprecated(AccountSession session, RegionRef region,
                                                       List<Described> clusters) {
        Set<List<String>> asked = new LinkedHashSet<>();
        Set<Fleet.EngineVersion> result = new HashSet<>();
        for (Described d : clusters) {
            String version = d.settings().engineVersion();
            String raw = d.rawEngine();
            if (version == null || raw == null || !asked.add(List.of(raw, version))) {
                continue;
            }
            List<DBEngineVersion> versions = AwsCallException.call(() -> session.clients().rds(region)
                    .describeDBEngineVersions(b -> b.engine(raw).engineVersion(version).includeAll(true))
                    .dbEngineVersions());
            for (DBEngineVersion v : versions) {
                if ("deprecated".equalsIgnoreCase(v.status())) {
                    Engine.fromRaw(v.engine()).ifPresent(e -> result.add(new Fleet.EngineVersion(e,
                            v.engineVersion())));
                }
            }
        }
        return result;
    }
}
