package dev.snapferry.sim.data;

import dev.snapferry.sim.Dataset;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Identities;
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
 * A large dataset for benchmarks: {@code accounts} accounts (the production account first, then generated ones,
 * each with an IAM user's key from {@link #accessKey(int)}), each with {@code regions} regions of {@code perRegion}
 * snapshots, spread over every engine (about one in ten DocumentDB Elastic), mostly encrypted, mostly tagged.
 */
public record GeneratedDataset(int accounts, int regions, int perRegion, long seed) implements Dataset {

    /** The most accounts a dataset generates: account numbers and keys are two-digit numbered. */
    public static final int MAX_ACCOUNTS = 99;

    public static final List<String> REGION_POOL = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "eu-south-1",
            "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "sa-east-1", "me-central-1", "af-south-1");

    private static final String[][] ENGINES = {
        {"aurora-mysql", "8.0.mysql_aurora.3.05.2"}, {"aurora-postgresql", "15.4"}, {"docdb", "5.0.0"},
        {"neptune", "1.3.1.0"}, {"mysql", "8.0.35"}};

    /** One account, the production account. */
    public GeneratedDataset(int regions, int perRegion, long seed) {
        this(1, regions, perRegion, seed);
    }

    public GeneratedDataset {
        if (accounts < 1 || accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("accounts must be 1.." + MAX_ACCOUNTS + ": " + accounts);
        }
        if (regions < 1 || regions > REGION_POOL.size() || perRegion < 0) {
            throw new IllegalArgumentException("regions must be 1.." + REGION_POOL.size() + ": " + regions);
        }
    }

    public List<String> regionCodes() {
        return REGION_POOL.subList(0, regions);
    }

    /** Account {@code n} (0-based): the production account first, then 500000000001, 500000000002... */
    public static String accountId(int n) {
        return n == 0 ? DemoAccounts.PRODUCTION : String.format(java.util.Locale.ROOT, "5000000000%02d", n);
    }

    /** The access key of account {@code n}'s IAM user. */
    public static String accessKey(int n) {
        return n == 0 ? DemoAccounts.PRODUCTION_ACCESS_KEY
                : String.format(java.util.Locale.ROOT, "AKIASNAPFERRYBENCH%02d", n);
    }

    /** The secret key of account {@code n}'s IAM user (a public test value, as the demo's). */
    public static String secretKey(int n) {
        return n == 0 ? DemoAccounts.PRODUCTION_SECRET_KEY
                : String.format(java.util.Locale.ROOT, "snapferry-bench-secret-%02d", n);
    }

    @Override
    public void populate(SimContext ctx) {
        Random random = new Random(seed);
        for (int n = 0; n < accounts; n++) {
            if (n > 0) {
                ctx.identities().addUser(new Identities.User(accessKey(n), secretKey(n), accountId(n),
                        "bench-" + n));
            }
            populate(ctx, accountId(n), random);
        }
    }

    private void populate(SimContext ctx, String account, Random random) {
        Instant now = ctx.clock().now();
        for (String region : regionCodes()) {
            ctx.world().region(account, region).run(now, r -> {
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
