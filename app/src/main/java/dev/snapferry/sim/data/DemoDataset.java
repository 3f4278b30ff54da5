package dev.snapferry.sim.data;

import dev.snapferry.sim.Dataset;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.aws.Partitions;
import dev.snapferry.sim.kms.KeyPolicies;
import dev.snapferry.sim.kms.KmsKeys;
import dev.snapferry.sim.state.RegionState;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SimKey;
import dev.snapferry.sim.state.SimSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The deterministic demo: a production and a disaster-recovery account over six regions, every engine, encrypted
 * with customer managed keys, with the AWS managed key and not at all, well tagged and missing tags, automated and
 * manual snapshots, snapshots shared with production and one public, and copies in flight (one queued by AWS).
 * Customer managed keys carry AWS's default key policy; DR's keys and production's us-east-1 key also admit the
 * other account (see {@link #admittedAccounts}). Times are relative to the simulator's clock, so the demo always
 * looks current.
 */
public final class DemoDataset implements Dataset {

    public static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1",
            "ap-southeast-2", "ap-northeast-1");

    /** The region whose production key admits the DR account in its key policy. */
    public static final String PROD_KEY_SHARED_WITH_DR = "us-east-1";

    /** Tag keys the demo's well-run clusters carry; the browser's default tag policy asks for them. */
    public static final List<String> POLICY_TAGS = List.of("Environment", "Owner", "CostCenter");

    private enum Keying { CUSTOMER, AWS_MANAGED, NONE }

    private record ClusterPlan(String account, String region, String id, String engine, String version, int gib,
                               Keying keying, boolean tagged, int manual) {
    }

    private static final String P = DemoAccounts.PRODUCTION;
    private static final String D = DemoAccounts.DISASTER_RECOVERY;

    private static final List<ClusterPlan> CLUSTERS = List.of(
            new ClusterPlan(P, "us-east-1", "orders-aurora", "aurora-mysql", "8.0.mysql_aurora.3.05.2", 420,
                    Keying.CUSTOMER, true, 4),
            new ClusterPlan(P, "us-east-1", "billing-pg", "aurora-postgresql", "15.4", 180, Keying.AWS_MANAGED, true, 3),
            new ClusterPlan(P, "us-east-1", "catalog-docdb", "docdb", "5.0.0", 95, Keying.CUSTOMER, true, 2),
            new ClusterPlan(P, "us-east-1", "graph-neptune", "neptune", "1.3.1.0", 60, Keying.NONE, false, 2),
            new ClusterPlan(P, "us-east-1", "ledger-mysql", "mysql", "8.0.35", 200, Keying.CUSTOMER, true, 1),
            new ClusterPlan(P, "us-east-1", "events-elastic", "docdb-elastic", "5.0.0", 50, Keying.CUSTOMER, true, 2),
            new ClusterPlan(P, "us-west-2", "orders-aurora-west", "aurora-mysql", "8.0.mysql_aurora.3.05.2", 420,
                    Keying.CUSTOMER, true, 1),
            new ClusterPlan(P, "us-west-2", "reporting-pg", "aurora-postgresql", "14.9", 310, Keying.NONE, false, 2),
            new ClusterPlan(P, "eu-west-1", "shop-eu-aurora", "aurora-mysql", "8.0.mysql_aurora.3.04.1", 260,
                    Keying.CUSTOMER, true, 3),
            new ClusterPlan(P, "eu-west-1", "catalog-eu-docdb", "docdb", "4.0.0", 75, Keying.AWS_MANAGED, false, 2),
            new ClusterPlan(P, "eu-west-1", "sessions-elastic", "docdb-elastic", "5.0.0", 30, Keying.AWS_MANAGED, false,
                    1),
            new ClusterPlan(P, "eu-central-1", "analytics-pg", "aurora-postgresql", "16.1", 540, Keying.CUSTOMER, true,
                    2),
            new ClusterPlan(P, "eu-central-1", "fraud-graph", "neptune", "1.3.1.0", 120, Keying.CUSTOMER, true, 2),
            new ClusterPlan(P, "ap-southeast-2", "orders-au", "aurora-mysql", "8.0.mysql_aurora.3.05.2", 150,
                    Keying.AWS_MANAGED, true, 2),
            new ClusterPlan(P, "ap-northeast-1", "catalog-jp", "docdb", "5.0.0", 40, Keying.NONE, false, 1),
            new ClusterPlan(P, "ap-northeast-1", "recsys-graph", "neptune", "1.2.1.0", 85, Keying.CUSTOMER, true, 1),
            new ClusterPlan(D, "us-east-1", "dr-orders-aurora", "aurora-mysql", "8.0.mysql_aurora.3.05.2", 420,
                    Keying.CUSTOMER, true, 3),
            new ClusterPlan(D, "us-west-2", "dr-billing-pg", "aurora-postgresql", "15.4", 180, Keying.CUSTOMER, true, 2),
            new ClusterPlan(D, "eu-west-1", "dr-catalog-docdb", "docdb", "5.0.0", 95, Keying.NONE, false, 2),
            new ClusterPlan(D, "eu-central-1", "dr-fraud-graph", "neptune", "1.3.1.0", 120, Keying.CUSTOMER, true, 1));

    private static final List<String> MANUAL_PURPOSES = List.of("pre-upgrade", "monthly", "before-migration",
            "release", "audit", "quarter-end");
    private static final List<String> OWNERS = List.of("data-platform", "payments", "search", "risk", "analytics");

    @Override
    public void populate(SimContext ctx) {
        Instant now = ctx.clock().now().truncatedTo(ChronoUnit.MINUTES);
        Random random = new Random(20_261_122L);
        Map<String, SimSnapshot> firstManual = new LinkedHashMap<>();
        for (ClusterPlan plan : CLUSTERS) {
            RegionState r = ctx.world().region(plan.account(), plan.region());
            r.run(now, state -> {
                SimKey key = switch (plan.keying()) {
                    case CUSTOMER -> customerKey(state, plan.account(), now);
                    case AWS_MANAGED -> KmsKeys.rdsManagedKey(state, now);
                    case NONE -> null;
                };
                Instant created = now.minus(Duration.ofDays(200 + random.nextInt(400)));
                SimCluster cluster = plan.keying() == Keying.NONE && !plan.engine().equals("docdb-elastic")
                        ? Seeder.unencryptedCluster(state, plan.id(), plan.engine(), plan.version(), plan.gib(), created)
                        : Seeder.cluster(state, plan.id(), plan.engine(), plan.version(), plan.gib(), key, created);
                DemoCoverage.backupSettings(cluster, plan.tagged());
                Map<String, String> tags = tags(plan, random);
                if (plan.tagged()) {
                    // The well-run clusters carry the policy tags themselves, not only their snapshots.
                    cluster.tags().putAll(tags);
                }
                Instant today = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofMinutes(5 * 60 + 10));
                for (int day = 0; day < 7; day++) {
                    Instant when = today.minus(Duration.ofDays(day + (today.isAfter(now) ? 1 : 0)));
                    Seeder.automated(state, cluster, when, plan.tagged() ? tags : Map.of());
                }
                for (int i = 0; i < plan.manual(); i++) {
                    Instant when = now.minus(Duration.ofDays(9 + 17L * i + random.nextInt(9)))
                            .minus(Duration.ofMinutes(random.nextInt(600)));
                    String name = plan.id() + "-" + MANUAL_PURPOSES.get((i + plan.id().length()) % MANUAL_PURPOSES
                            .size()) + "-" + when.toString().substring(0, 10);
                    boolean missingTags = !plan.tagged() || i == plan.manual() - 1 && plan.manual() > 2;
                    SimSnapshot s = Seeder.snapshot(state, cluster, name, "manual", when,
                            missingTags ? partial(tags) : tags);
                    firstManual.putIfAbsent(plan.account() + "/" + plan.region() + "/" + plan.id(), s);
                }
            });
        }
        share(ctx, now, firstManual);
        copiesInFlight(ctx, now, firstManual);
        DemoCoverage.populate(ctx, now, firstManual);
    }

    /** DR shares snapshots with production; one unencrypted snapshot is public. */
    private static void share(SimContext ctx, Instant now, Map<String, SimSnapshot> firstManual) {
        firstManual.forEach((key, snapshot) -> {
            String[] parts = key.split("/");
            if (!parts[0].equals(D)) {
                return;
            }
            ctx.world().region(parts[0], parts[1]).run(now, r -> {
                snapshot.restoreAccounts().add(P);
                if (!snapshot.spec().encrypted()) {
                    snapshot.restoreAccounts().add("all");
                }
            });
        });
    }

    /**
     * Production copies its us-east-1 Aurora snapshot to us-west-2 three times: two transfer, the third waits
     * for a slot (AWS shows it {@code copying} at 0 %); and a same-region copy runs in eu-west-1.
     */
    private static void copiesInFlight(SimContext ctx, Instant now, Map<String, SimSnapshot> firstManual) {
        SimSnapshot orders = seeded(firstManual, P + "/us-east-1/orders-aurora");
        RegionState west = ctx.world().region(P, "us-west-2");
        west.run(now, r -> {
            SimKey key = customerKey(r, P, now);
            SimCluster target = seeded(r.clusters(), "orders-aurora-west");
            Map<String, String> tags = Map.of("Environment", "production", "Owner", "payments",
                    "CostCenter", "cc-1042", "Purpose", "dr-copy");
            Seeder.copyInProgress(r, target, orders, "orders-aurora-dr-copy-1", now.minus(Duration.ofMinutes(25)),
                    true, key, tags);
            Seeder.copyInProgress(r, target, orders, "orders-aurora-dr-copy-2", now.minus(Duration.ofMinutes(9)),
                    true, key, tags);
            Seeder.copyInProgress(r, target, orders, "orders-aurora-dr-copy-3", now.minus(Duration.ofMinutes(2)),
                    true, key, tags);
        });
        SimSnapshot shop = seeded(firstManual, P + "/eu-west-1/shop-eu-aurora");
        ctx.world().region(P, "eu-west-1").run(now, r -> {
            Seeder.copyInProgress(r, seeded(r.clusters(), "shop-eu-aurora"), shop, "shop-eu-aurora-keep-2026",
                    now.minus(Duration.ofMinutes(3)), false, null, shop.tags());
        });
    }

    static SimKey customerKey(RegionState r, String account, Instant now) {
        String alias = account.equals(P) ? "alias/snapferry-prod-data" : "alias/dr-backup";
        String keyId = r.aliases().get(alias);
        if (keyId != null) {
            return seeded(r.keys(), keyId);
        }
        SimKey key = KmsKeys.create(r, alias, account.equals(P) ? "Production database snapshots"
                : "Disaster recovery copies", false, now.minus(Duration.ofDays(400)));
        r.aliases().put(alias, key.keyId());
        List<String> admitted = admittedAccounts(account, r.region());
        if (!admitted.isEmpty()) {
            key.setPolicy(KeyPolicies.defaultPolicyAdmitting(Partitions.of(r.region()), account,
                    admitted));
        }
        if (account.equals(P)) {
            // A retired key the picker must show as unusable.
            SimKey old = KmsKeys.create(r, "alias/snapferry-prod-data-2023", "Retired 2023 key", false,
                    now.minus(Duration.ofDays(900)));
            old.disable();
            r.aliases().put("alias/snapferry-prod-data-2023", old.keyId());
        }
        return key;
    }

    /**
     * The other accounts a customer managed key's policy lets use it, besides the default key policy every key
     * has. Production's us-east-1 key admits DR, so what production shares from there DR can copy; production's
     * keys elsewhere keep the default policy, so a DR copy of a snapshot shared from there is refused
     * (KMSKeyNotAccessibleFault) until the key policy is changed: the app's plan shows both. DR's keys admit
     * production, which is what lets production copy the snapshots DR shares with it.
     */
    private static List<String> admittedAccounts(String account, String region) {
        if (account.equals(D)) {
            return List.of(P);
        }
        return region.equals(PROD_KEY_SHARED_WITH_DR) ? List.of(D) : List.of();
    }

    /** An entry this data set made above: a missing one means the plans and the lookups disagree. */
    private static <V> V seeded(Map<String, V> entries, String key) {
        V value = entries.get(key);
        if (value == null) {
            throw new IllegalStateException("the demo data set has no " + key);
        }
        return value;
    }

    private static Map<String, String> tags(ClusterPlan plan, Random random) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Environment", plan.account().equals(P) ? "production" : "disaster-recovery");
        tags.put("Owner", OWNERS.get(random.nextInt(OWNERS.size())));
        tags.put("CostCenter", "cc-" + (1000 + random.nextInt(90)));
        tags.put("Application", plan.id().split("-")[0]);
        return tags;
    }

    private static Map<String, String> partial(Map<String, String> tags) {
        Map<String, String> partial = new LinkedHashMap<>(tags);
        partial.remove("CostCenter");
        partial.remove("Owner");
        return partial;
    }
}
