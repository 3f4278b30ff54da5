package dev.snapferry.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The audit's numbers on generated fleets: every chart splits the same snapshots without losing or counting one
 * twice, and each count equals what the snapshots themselves say, computed here the plain way.
 */
public class AuditPropertiesTest {

    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1");
    private static final List<String> ACCOUNTS = List.of("111122223333", "444455556666");
    private static final TagPolicy POLICY = new TagPolicy(List.of(new TagPolicy.Rule("Owner", ""),
            new TagPolicy.Rule("Environment", "production|staging")));

    @Property(tries = 200)
    void everyChartAccountsForEverySnapshotOnce(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int size) {
        Random random = new Random(seed);
        List<Snapshot> fleet = fleet(random, size);
        Map<String, Exposure> exposure = exposure(random, fleet);
        Audit audit = Audit.of(fleet, POLICY, exposure);

        Set<String> ids = new HashSet<>(fleet.stream().map(Audit::id).toList());
        assertThat(audit.total()).isEqualTo(fleet.size());
        for (List<? extends Audit.Slice<?>> chart : List.of(audit.encryptionByEngine(), audit.encryptionByRegion(),
                audit.complianceByEngine(), audit.complianceByRegion(), audit.complianceByAccount(),
                audit.sharing())) {
            List<String> covered = chart.stream().flatMap(s -> s.ids().stream()).toList();
            assertThat(covered).hasSize(fleet.size()).doesNotHaveDuplicates();
            assertThat(new HashSet<>(covered)).isEqualTo(ids);
        }
        long unencrypted = fleet.stream().filter(s -> !s.storageEncrypted()).count();
        assertThat(Audit.count(audit.encryptionByRegion(), Audit.Encryption.UNENCRYPTED)).isEqualTo(unencrypted);
        assertThat(audit.keys().stream().mapToInt(Audit.KeyUse::count).sum())
                .isEqualTo(fleet.size() - unencrypted);
        assertThat(audit.keys()).extracting(Audit.KeyUse::label).as("one chart category per key")
                .doesNotHaveDuplicates();
        for (Audit.KeyUse key : audit.keys()) {
            assertThat(key.ids()).allSatisfy(arn -> assertThat(byId(fleet, arn).kmsKeyId()).isEqualTo(key.keyId()));
        }
        long violating = fleet.stream().filter(s -> !plainlyCompliant(s)).count();
        assertThat(Audit.count(audit.complianceByAccount(), Audit.Compliance.NOT_COMPLIANT)).isEqualTo(violating);
        long publicOnes = fleet.stream().filter(s -> Audit.shareable(s) && exposure.containsKey(s.arn())
                && exposure.get(s.arn()).restoreAccounts().contains("all")).count();
        assertThat(Audit.count(audit.sharing(), Audit.Sharing.PUBLIC)).isEqualTo(publicOnes);
        assertThat(audit.findings()).extracting(f -> f.snapshot().arn()).containsExactlyInAnyOrderElementsOf(
                fleet.stream().filter(s -> !s.storageEncrypted() || !plainlyCompliant(s)
                        || Audit.shareable(s) && exposure.containsKey(s.arn())
                        && exposure.get(s.arn()).isPublic()).map(Snapshot::arn).toList());
        for (Audit.Slice<Audit.Encryption> slice : audit.encryptionByEngine()) {
            assertThat(slice.ids()).allSatisfy(arn -> {
                Snapshot s = byId(fleet, arn);
                assertThat(s.engine().family().name()).isEqualTo(slice.group());
                assertThat(s.storageEncrypted()).isEqualTo(slice.category() == Audit.Encryption.ENCRYPTED);
            });
        }
    }

    @Property(tries = 100)
    void unreadKeysAndTagsAreNotCheckedNeverCompliantOrNot(@ForAll long seed,
                                                           @ForAll @IntRange(min = 0, max = 200) int size) {
        Random random = new Random(seed);
        // Some encrypted snapshots lost their details, as DocumentDB Elastic's do when its detail calls fail.
        List<Snapshot> fleet = fleet(random, size).stream().map(s -> s.storageEncrypted() && random.nextInt(4) == 0
                ? s.withUnknown(Snapshot.Detail.KMS_KEY, Snapshot.Detail.TAGS) : s).toList();
        Audit audit = Audit.of(fleet, POLICY, Map.of());

        List<String> unread = fleet.stream().filter(s -> s.isUnknown(Snapshot.Detail.TAGS)).map(Audit::id).toList();
        assertThat(audit.keysNotChecked()).containsExactlyInAnyOrderElementsOf(unread);
        assertThat(audit.keys().stream().flatMap(k -> k.ids().stream())).noneMatch(unread::contains)
                .hasSize((int) fleet.stream().filter(Snapshot::storageEncrypted).count() - unread.size());
        for (var chart : List.of(audit.complianceByEngine(), audit.complianceByRegion(), audit.complianceByAccount())) {
            assertThat(chart.stream().filter(c -> c.category() == Audit.Compliance.NOT_CHECKED)
                    .flatMap(c -> c.ids().stream())).containsExactlyInAnyOrderElementsOf(unread);
        }
        assertThat(Audit.count(audit.complianceByEngine(), Audit.Compliance.NOT_COMPLIANT)).isEqualTo((int) fleet
                .stream().filter(s -> !s.isUnknown(Snapshot.Detail.TAGS) && !plainlyCompliant(s)).count());
        assertThat(audit.findings()).extracting(f -> Audit.id(f.snapshot())).noneMatch(unread::contains);
    }

    /** The policy applied by hand: Owner present, Environment present and exactly production or staging. */
    private static boolean plainlyCompliant(Snapshot s) {
        Map<String, String> tags = new HashMap<>();
        s.tags().forEach(t -> tags.put(t.key(), t.value()));
        String environment = tags.get("Environment");
        return tags.containsKey("Owner") && ("production".equals(environment) || "staging".equals(environment));
    }

    private static Snapshot byId(List<Snapshot> fleet, String id) {
        return fleet.stream().filter(s -> Audit.id(s).equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, Exposure> exposure(Random random, List<Snapshot> fleet) {
        Map<String, Exposure> read = new HashMap<>();
        for (Snapshot s : fleet) {
            // Some attributes are read for snapshots that cannot be shared too: the audit must ignore those.
            if (random.nextInt(4) != 0) {
                List<String> accounts = new ArrayList<>();
                if (random.nextInt(3) == 0) {
                    accounts.add("999988887777");
                }
                if (random.nextInt(5) == 0) {
                    accounts.add("all");
                }
                read.put(s.arn(), new Exposure(Set.copyOf(accounts)));
            }
        }
        return read;
    }

    /** A generated fleet: every engine, type, key kind and tag state, in four regions of two accounts. */
    public static List<Snapshot> fleet(Random random, int size) {
        List<Snapshot> fleet = new ArrayList<>(size);
        Engine[] engines = Engine.values();
        SnapshotType[] types = SnapshotType.values();
        for (int i = 0; i < size; i++) {
            Engine engine = engines[random.nextInt(engines.length)];
            SnapshotType type = types[random.nextInt(types.length)];
            String account = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            String owner = type.isForeign() ? "999988887777" : account;
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            boolean encrypted = random.nextInt(4) != 0;
            boolean managed = encrypted && random.nextInt(3) == 0;
            String key = !encrypted ? null : "arn:aws:kms:" + region + ":" + owner + ":key/k" + random.nextInt(5);
            List<Tag> tags = Stream.of(random.nextBoolean() ? new Tag("Owner", "team-" + random.nextInt(3)) : null,
                    random.nextInt(4) == 0 ? null : new Tag("Environment",
                            List.of("production", "staging", "Production", "production-eu", "").get(random.nextInt(5))),
                    random.nextBoolean() ? new Tag("CostCenter", "cc-" + random.nextInt(9)) : null)
                    .filter(java.util.Objects::nonNull).toList();
            String id = "s" + i;
            fleet.add(new Snapshot(id, "arn:aws:rds:" + region + ":" + owner + ":cluster-snapshot:" + id, account,
                    new RegionRef(region), engine, "1", "c" + random.nextInt(7), type, SnapshotStatus.available(),
                    Instant.EPOCH, encrypted, key, tags, null, 10, null, managed ? "alias/aws/rds" : null, managed));
        }
        return fleet;
    }
}
