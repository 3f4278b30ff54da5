package dev.snapferry.sim.data;

import dev.snapferry.sim.Dataset;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.kms.KmsKeys;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SimKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large dataset for benchmarks: {@code regions} regions of the production account with {@code perRegion}
 * snapshots each, spread over every engine (about one in ten DocumentDB Elastic), mostly encrypted, mostly tagged.
 */
public record GeneratedDataset(int regions, int perRegion, long seed) implements Dataset {

    public static final List<String> REGION_POOL = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "eu-south-1",
            "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "sa-east-1", "me-central-1", "af-south-1");

    private static final String[][] ENGINES = {
        {"aurora-mysql", "8.0.mysql_aurora.3.05.2"}, {"aurora-postgresql", "15.4"}, {"docdb", "5.0.0"},
        {"neptune", "1.3.1.0"}, {"mysql", "8.0.35"}};

    public GeneratedDataset {
        if (regions < 1 || regions > REGION_POOL.size() || perRegion < 0) {
            throw new IllegalArgumentException("regions must be 1.." + REGION_POOL.size() + ": " + regions);
        }
    }

    public List<String> regionCodes() {
        return REGION_POOL.subList(0, regions);
    }

    @Override
    public void populate(SimContext ctx) {
        Instant now = ctx.clock().now();
        Random random = new Random(seed);
        for (String region : regionCodes()) {
            ctx.world().region(DemoAccounts.PRODUCTION, region).run(now, r -> {
                SimKey key = KmsKeys.create(r, "bench", "Benchmark key", false, now);
                r.aliases().put("alias/bench", key.keyId());
                List<SimCluster> clusters = new ArrayList<>();
                for (int i = 0; i < ENGINES.length * 2; i++) {
                    String[] engine = ENGINES[i % ENGINES.length];
                    String id = "c" + i + "-" + engine[0];
                    int gib = 20 + random.nextInt(500);
                    boolean encrypted = random.nextInt(5) != 0;
                    Instant created = now.minus(Duration.ofDays(300));
                    // An encrypted snapshot always names its key: about one cluster in five is not encrypted at all.
                    clusters.add(encrypted ? Seeder.cluster(r, id, engine[0], engine[1], gib, key, created)
                            : Seeder.unencryptedCluster(r, id, engine[0], engine[1], gib, created));
                }
                SimCluster elastic = Seeder.cluster(r, "c-elastic", "docdb-elastic", "5.0.0", 40, key,
                        now.minus(Duration.ofDays(300)));
                for (int n = 0; n < perRegion; n++) {
                    SimCluster cluster = n % 10 == 9 ? elastic : clusters.get(random.nextInt(clusters.size()));
                    Instant when = now.minus(Duration.ofMinutes(10 + n * 37L));
                    Map<String, String> tags = random.nextInt(4) == 0 ? Map.of()
                            : Map.of("Environment", "bench", "Owner", "team-" + random.nextInt(8));
                    boolean automated = random.nextInt(10) < 7;
                    if (automated) {
                        // AWS names automated snapshots rds:<cluster>-yyyy-MM-dd-HH-mm (Elastic: no rds: prefix).
                        Seeder.automated(r, cluster, when, tags);
                    } else {
                        Seeder.snapshot(r, cluster, "s" + n + "-" + cluster.identifier(), "manual", when, tags);
                    }
                }
            });
        }
    }
}
