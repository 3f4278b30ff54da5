package dev.snapferry.sim.data;

import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SimSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * What the demo adds for the Coverage tab: a cluster covered by recent copies in another region and account, one
 * whose only copy elsewhere is days old (at risk), the others uncovered; an orphaned Multi-AZ cluster whose monthly
 * snapshots were never cleaned up, which brings the DR account's eu-west-1 within ten of its manual snapshot quota;
 * and cluster settings that make snapshots worse (tags not copied, a short retention).
 */
final class DemoCoverage {

    private static final String P = DemoAccounts.PRODUCTION;
    private static final String D = DemoAccounts.DISASTER_RECOVERY;
    /** The orphaned cluster's monthly snapshots: with DR's two others in eu-west-1, 91 of the quota's 100. */
    static final int LEGACY_MONTHLY = 89;
    static final String LEGACY = "legacy-crm-mysql";

    private DemoCoverage() {
    }

    /**
     * Well-run (tagged) clusters copy their tags to snapshots and keep a week; the others keep AWS's defaults
     * for tags (off), and two keep fewer days than a week.
     */
    static void backupSettings(SimCluster cluster, boolean wellRun) {
        int days = switch (cluster.identifier()) {
            case "reporting-pg" -> 1;
            case "catalog-jp" -> 3;
            default -> 7;
        };
        cluster.withBackupSettings(wellRun, days);
    }

    static void populate(SimContext ctx, Instant now, Map<String, SimSnapshot> firstManual) {
        SimSnapshot orders = firstManual.get(P + "/us-east-1/orders-aurora");
        SimSnapshot billing = firstManual.get(P + "/us-east-1/billing-pg");
        if (orders == null || billing == null) {
            throw new IllegalStateException("the demo's first manual snapshots are missing");
        }
        SimCluster ordersCluster = ctx.world().region(P, "us-east-1").update(now,
                r -> java.util.Objects.requireNonNull(r.clusters().get("orders-aurora")));
        SimCluster billingCluster = ctx.world().region(P, "us-east-1").update(now,
                r -> java.util.Objects.requireNonNull(r.clusters().get("billing-pg")));
        // Copies are encrypted with a key of where they land, as AWS requires of a copy to another region or account.
        ctx.world().region(P, "us-west-2").run(now, r -> {
            var key = DemoDataset.customerKey(r, P, now);
            Seeder.copied(r, ordersCluster, orders, "orders-aurora-dr-west", now.minus(Duration.ofHours(6)), key,
                    Map.of("Purpose", "dr-copy"));
            Seeder.copied(r, billingCluster, billing, "billing-pg-dr-west", now.minus(Duration.ofDays(5)), key,
                    Map.of("Purpose", "dr-copy"));
        });
        ctx.world().region(D, "us-east-1").run(now, r -> Seeder.copied(r, ordersCluster, orders,
                "orders-aurora-from-prod", now.minus(Duration.ofHours(10)), DemoDataset.customerKey(r, D, now),
                Map.of("Purpose", "dr-copy")));
        legacy(ctx, now);
    }

    /** An RDS Multi-AZ cluster deleted long ago whose monthly snapshots stayed: the first of each year kept. */
    private static void legacy(SimContext ctx, Instant now) {
        ctx.world().region(D, "eu-west-1").run(now, r -> {
            Instant created = now.minus(Duration.ofDays(31L * LEGACY_MONTHLY + 60));
            SimCluster cluster = Seeder.unencryptedCluster(r, LEGACY, "mysql", "8.0.35", 150, created);
            Instant month = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(40));
            for (int i = 0; i < LEGACY_MONTHLY; i++) {
                Instant when = month.minus(Duration.ofDays(30L * i));
                Map<String, String> tags = i % 12 == 11 ? Map.of("keep", "yearly", "Owner", "crm")
                        : Map.of("Owner", "crm");
                Seeder.snapshot(r, cluster, LEGACY + "-monthly-" + when.toString().substring(0, 10), "manual", when,
                        tags);
            }
            r.clusters().remove(LEGACY);
        });
    }
}
