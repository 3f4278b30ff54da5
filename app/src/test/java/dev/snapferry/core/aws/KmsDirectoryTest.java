package dev.snapferry.core.aws;

import static dev.snapferry.core.aws.SimFixture.US_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.KmsKeyState;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.faults.FaultSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KmsDirectoryTest {

    private SimFixture sim;
    private AccountSession production;
    private final KmsDirectory directory = new KmsDirectory();

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        production = sim.production;
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aliasesResolveAKeyArnOrKeyIdToItsAliasAndFlagAwsManagedKeys() {
        String customerArn = sim.keyArn(US_EAST_1, "alias/snapferry-prod-data");
        String managedArn = sim.keyArn(US_EAST_1, "alias/aws/rds");
        String customerId = customerArn.substring(customerArn.indexOf(":key/") + 5);

        KmsDirectory.Aliases aliases = directory.aliases(production, US_EAST_1);

        Snapshot byArn = aliases.resolve(encryptedWith(customerArn));
        assertThat(byArn.kmsKeyAlias()).isEqualTo("alias/snapferry-prod-data");
        assertThat(byArn.awsManagedKey()).isFalse();
        Snapshot byId = aliases.resolve(encryptedWith(customerId));
        assertThat(byId.kmsKeyAlias()).isEqualTo("alias/snapferry-prod-data");
        Snapshot managed = aliases.resolve(encryptedWith(managedArn));
        assertThat(managed.kmsKeyAlias()).isEqualTo("alias/aws/rds");
        assertThat(managed.awsManagedKey()).isTrue();
    }

    @Test
    void unknownKeysAndUnencryptedSnapshotsAreLeftAlone() {
        KmsDirectory.Aliases aliases = directory.aliases(production, US_EAST_1);
        Snapshot unknown = encryptedWith("arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-0000000000ff");
        Snapshot plain = encryptedWith(null);

        assertThat(aliases.resolve(unknown)).isEqualTo(unknown);
        assertThat(aliases.resolve(plain)).isEqualTo(plain);
    }

    @Test
    void listedSnapshotsCarryTheAliasOfTheirKey() {
        List<Snapshot> listed = sim.list(US_EAST_1);

        assertThat(listed).filteredOn(s -> "orders-aurora".equals(s.clusterIdentifier())).isNotEmpty()
                .allMatch(s -> "alias/snapferry-prod-data".equals(s.kmsKeyAlias()) && !s.awsManagedKey());
        assertThat(listed).filteredOn(s -> "billing-pg".equals(s.clusterIdentifier())).isNotEmpty()
                .allMatch(s -> "alias/aws/rds".equals(s.kmsKeyAlias()) && s.awsManagedKey());
        assertThat(listed).filteredOn(s -> "graph-neptune".equals(s.clusterIdentifier())).isNotEmpty()
                .allMatch(s -> s.kmsKeyAlias() == null && s.kmsKeyId() == null);
    }

    @Test
    void aliasesAreCachedUntilInvalidated() {
        KmsDirectory.Aliases first = directory.aliases(production, US_EAST_1);
        sim.faults(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(),
                Map.of(DemoAccounts.PRODUCTION, List.of("kms"))));

        // KMS now refuses the account: only the cache can answer.
        assertThat(directory.aliases(production, US_EAST_1)).isSameAs(first);

        directory.invalidate(production.accountId(), US_EAST_1);
        SnapshotWriterTest.assertFailure(() -> directory.aliases(production, US_EAST_1),
                AwsFailure.AccessDenied.class, "AccessDeniedException");
    }

    @Test
    void theCacheIsPerAccountAndRegion() {
        KmsDirectory.Aliases east = directory.aliases(production, US_EAST_1);
        try (AccountSession dr = sim.sessions.disasterRecovery(1)) {
            KmsDirectory.Aliases drEast = directory.aliases(dr, US_EAST_1);
            assertThat(drEast.aliasByKeyId().values()).contains("alias/dr-backup")
                    .doesNotContain("alias/snapferry-prod-data");
        }
        KmsDirectory.Aliases west = directory.aliases(production, SimFixture.US_WEST_2);
        assertThat(west.aliasByKeyId().keySet()).doesNotContainAnyElementsOf(east.aliasByKeyId().keySet());
        assertThat(directory.aliases(production, US_EAST_1)).isSameAs(east);
    }

    @Test
    void keysListTheRegionsKeysWithStateManagerAndAliasesCustomerKeysFirst() {
        List<KmsKey> keys = directory.keys(production, US_EAST_1);

        assertThat(keys).extracting(KmsKey::aliases).containsExactly(List.of("alias/snapferry-prod-data"),
                List.of("alias/snapferry-prod-data-2023"), List.of("alias/aws/rds"));
        assertThat(keys).extracting(KmsKey::state).containsExactly(KmsKeyState.ENABLED, KmsKeyState.DISABLED,
                KmsKeyState.ENABLED);
        assertThat(keys).extracting(KmsKey::awsManaged).containsExactly(false, false, true);
        assertThat(keys).allMatch(k -> k.region().equals(US_EAST_1))
                .allMatch(k -> k.arn().equals("arn:aws:kms:us-east-1:111122223333:key/" + k.keyId()));
        assertThat(keys.getFirst().arn()).isEqualTo(sim.keyArn(US_EAST_1, "alias/snapferry-prod-data"));
    }

    @Test
    void keysShowEveryAliasOfAKeyAndKeysWithoutAlias() {
        var kms = production.clients().kms(US_EAST_1);
        String prodData = sim.keyArn(US_EAST_1, "alias/snapferry-prod-data");
        kms.createAlias(b -> b.aliasName("alias/orders-backups").targetKeyId(prodData));
        String bare = kms.createKey(b -> b.description("no alias")).keyMetadata().keyId();
        kms.scheduleKeyDeletion(b -> b.keyId(bare).pendingWindowInDays(7));

        List<KmsKey> keys = directory.keys(production, US_EAST_1);

        assertThat(keys).filteredOn(k -> k.arn().equals(prodData)).singleElement()
                .satisfies(k -> assertThat(k.aliases()).containsExactlyInAnyOrder("alias/snapferry-prod-data",
                        "alias/orders-backups"));
        assertThat(keys).filteredOn(k -> k.keyId().equals(bare)).singleElement()
                .satisfies(k -> assertThat(k.aliases()).isEmpty())
                .satisfies(k -> assertThat(k.state()).isEqualTo(KmsKeyState.PENDING_DELETION))
                .satisfies(k -> assertThat(k.displayName()).isEqualTo(bare));
        assertThat(keys.getLast().awsManaged()).isTrue();
        List<String> customerNames = keys.stream().filter(k -> !k.awsManaged()).map(KmsKey::displayName).toList();
        assertThat(customerNames).isSorted();
    }

    private static Snapshot encryptedWith(String kmsKeyId) {
        return new Snapshot("probe", "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:probe",
                DemoAccounts.PRODUCTION, US_EAST_1, Engine.AURORA_MYSQL, null, "probe", SnapshotType.MANUAL,
                SnapshotStatus.available(), null, kmsKeyId != null, kmsKeyId, List.of(), null, null, null, null,
                false);
    }
}
