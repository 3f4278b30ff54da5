package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generated fleets for the coverage and retention tests: clusters in two accounts and four regions, their own
 * snapshots (automated and manual, some in progress, some tagged), copies in other regions and accounts (some whose
 * source is gone, some copies of copies), snapshots shared by other accounts, and clusters that no longer exist.
 */
public final class CoverageFleets {

    public static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    public static final List<String> ACCOUNTS = List.of("111122223333", "444455556666");
    public static final List<RegionRef> REGIONS = List.of(new RegionRef("us-east-1"), new RegionRef("us-west-2"),
            new RegionRef("eu-west-1"), new RegionRef("ap-northeast-1"));
    private static final List<Engine> ENGINES = List.of(Engine.values());

    private CoverageFleets() {
    }

    public static Fleet fleet(long seed, int clusters, int snapshotsPerCluster) {
        Random random = new Random(seed);
        List<Snapshot> snapshots = new ArrayList<>();
        List<ClusterSettings> settings = new ArrayList<>();
        Set<ClusterKey.Location> listed = new HashSet<>();
        for (String account : ACCOUNTS) {
            for (RegionRef region : REGIONS) {
                if (random.nextInt(5) > 0) {
                    listed.add(new ClusterKey.Location(account, region));
                }
            }
        }
        for (int c = 0; c < clusters; c++) {
            String account = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            RegionRef region = REGIONS.get(random.nextInt(REGIONS.size()));
            Engine engine = ENGINES.get(random.nextInt(ENGINES.size()));
            // Names repeat now and then across places: matching by name must still keep clusters apart.
            String name = "db-" + random.nextInt(Math.max(1, clusters));
            ClusterKey key = new ClusterKey(account, region, engine, name);
            boolean exists = random.nextInt(6) > 0;
            if (exists && listed.contains(key.location())) {
                settings.add(new ClusterSettings(key, "arn:aws:rds:" + region + ":" + account + ":cluster:" + name,
                        "1.0", random.nextBoolean(), 1 + random.nextInt(14)));
            }
            List<Snapshot> own = new ArrayList<>();
            int n = random.nextInt(snapshotsPerCluster + 1);
            for (int i = 0; i < n; i++) {
                Snapshot s = snapshot(random, account, region, engine, name, null, c + "-" + i);
                own.add(s);
                snapshots.add(s);
            }
            for (Snapshot source : own) {
                if (random.nextInt(3) == 0) {
                    String toAccount = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
                    RegionRef toRegion = REGIONS.get(random.nextInt(REGIONS.size()));
                    String sourceArn = random.nextInt(4) == 0 ? "arn:aws:rds:" + source.region() + ":"
                            + source.accountId() + ":cluster-snapshot:gone-" + source.identifier() : source.arn();
                    Snapshot copy = snapshot(random, toAccount, toRegion, engine, name, sourceArn,
                            "copy-" + source.identifier());
                    snapshots.add(copy);
                    if (random.nextInt(4) == 0) {
                        snapshots.add(snapshot(random, ACCOUNTS.get(random.nextInt(ACCOUNTS.size())),
                                REGIONS.get(random.nextInt(REGIONS.size())), engine, name, copy.arn(),
                                "copy2-" + source.identifier()));
                    }
                }
            }
            if (random.nextInt(8) == 0) {
                // Shared with one of the open accounts by an account that is not open.
                Snapshot base = snapshot(random, account, region, engine, name, null, "shared-" + c);
                snapshots.add(new Snapshot(base.identifier(), "arn:aws:rds:" + region + ":999988887777"
                        + ":cluster-snapshot:" + base.identifier(), account, region, engine, "1.0", name,
                        SnapshotType.SHARED, SnapshotStatus.available(), base.createTime(), true, null, List.of(),
                        null, 100, null, null, false));
            }
        }
        return new Fleet(snapshots, dedupe(settings), listed, Set.of(new Fleet.EngineVersion(Engine.NEPTUNE,
                "1.0")));
    }

    private static List<ClusterSettings> dedupe(List<ClusterSettings> settings) {
        Set<ClusterKey> seen = new HashSet<>();
        return settings.stream().filter(s -> seen.add(s.key())).toList();
    }

    private static Snapshot snapshot(Random random, String account, RegionRef region, Engine engine, String cluster,
                                     String source, String suffix) {
        String id = "s-" + suffix + "-" + random.nextInt(1_000_000);
        SnapshotType type = source == null && random.nextInt(3) == 0 ? SnapshotType.AUTOMATED : SnapshotType.MANUAL;
        SnapshotStatus status = random.nextInt(10) == 0 ? SnapshotStatus.fromRds("copying", 40)
                : SnapshotStatus.available();
        Instant created = random.nextInt(30) == 0 ? null
                : NOW.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 500)));
        List<Tag> tags = random.nextInt(6) == 0 ? List.of(new Tag("keep", "yes")) : List.of();
        return new Snapshot(id, "arn:aws:rds:" + region + ":" + account + ":cluster-snapshot:" + id, account, region,
                engine, "1.0", cluster, type, status, created, true, null, tags, source,
                random.nextInt(4) == 0 ? null : 10 + random.nextInt(500), null, null, false);
    }
}
