package dev.snapferry.sim.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;

/** The KMS key picker's calls and the key set-up calls, over the real KMS client. */
class KmsKeysTest {

    private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");
    private static final String PROD_ALIAS = "alias/snapferry-prod-data";

    private Simulator simulator;
    private KmsClient kms;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(START), FaultSettings.none(),
                new DemoDataset()));
        kms = SimClients.production(simulator, "us-east-1").kms();
    }

    @AfterEach
    void stop() {
        kms.close();
        simulator.close();
    }

    private KeyMetadata describe(String keyId) {
        return kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
    }

    @Test
    void listKeysPagesWithLimitAndMarker() {
        for (int i = 0; i < 5; i++) {
            String description = "paging key " + i;
            kms.createKey(b -> b.description(description));
        }
        ListKeysResponse everything = kms.listKeys(b -> b.limit(100));
        assertThat(everything.truncated()).isFalse();
        assertThat(everything.nextMarker()).isNull();
        assertThat(everything.keys()).hasSizeGreaterThanOrEqualTo(8);

        List<String> paged = new ArrayList<>();
        String marker = null;
        int pages = 0;
        while (true) {
            String m = marker;
            ListKeysResponse page = kms.listKeys(b -> b.limit(2).marker(m));
            assertThat(page.keys()).hasSizeBetween(1, 2);
            page.keys().forEach(k -> paged.add(k.keyId()));
            pages++;
            if (!page.truncated()) {
                assertThat(page.nextMarker()).isNull();
                break;
            }
            assertThat(page.nextMarker()).isNotBlank();
            marker = page.nextMarker();
            assertThat(pages).isLessThan(20);
        }
        assertThat(paged).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(everything.keys().stream().map(KeyListEntry::keyId).toList());
        assertThat(pages).isEqualTo((everything.keys().size() + 1) / 2);
        assertThat(everything.keys()).allSatisfy(k -> assertThat(k.keyArn())
                .isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + k.keyId()));

        assertThat(kms.listKeysPaginator(b -> b.limit(1)).keys().stream().map(KeyListEntry::keyId).toList())
                .as("the SDK paginator").containsExactlyInAnyOrderElementsOf(paged);
    }

    @Test
    void listAliasesPagesWithLimitAndMarker() {
        ListAliasesResponse all = kms.listAliases(b -> b.limit(100));
        assertThat(all.truncated()).isFalse();
        assertThat(all.aliases()).extracting(AliasListEntry::aliasName)
                .contains(PROD_ALIAS, "alias/snapferry-prod-data-2023", "alias/aws/rds");
        assertThat(all.aliases()).allSatisfy(a -> {
            assertThat(a.aliasArn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:" + a.aliasName());
            assertThat(a.targetKeyId()).isNotBlank();
        });

        List<String> paged = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < 20; page++) {
            String m = marker;
            ListAliasesResponse response = kms.listAliases(b -> b.limit(1).marker(m));
            assertThat(response.aliases()).hasSize(1);
            paged.add(response.aliases().getFirst().aliasName());
            if (!response.truncated()) {
                assertThat(response.nextMarker()).isNull();
                break;
            }
            marker = response.nextMarker();
        }
        assertThat(paged).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all.aliases().stream().map(AliasListEntry::aliasName).toList());
    }

    @Test
    void listAliasesFiltersByKey() {
        String keyId = describe(PROD_ALIAS).keyId();
        assertThat(kms.listAliases(b -> b.keyId(keyId)).aliases()).extracting(AliasListEntry::aliasName)
                .containsExactly(PROD_ALIAS);
    }

    @Test
    void limitOutOfRangeIsRefused() {
        assertThatThrownBy(() -> kms.listKeys(b -> b.limit(0))).isInstanceOfSatisfying(KmsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        // ListAliasesRequest$Limit "must be between 1 and 100" (kms/2014-11-01); KmsLimitsAndPartitionsTest has more.
        assertThatThrownBy(() -> kms.listAliases(b -> b.limit(101))).isInstanceOf(KmsException.class);
    }

    @Test
    void describeKeyAcceptsKeyIdKeyArnAliasNameAndAliasArn() {
        KeyMetadata byAlias = describe(PROD_ALIAS);
        assertThat(byAlias.keyManager()).isEqualTo(KeyManagerType.CUSTOMER);
        assertThat(byAlias.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(byAlias.enabled()).isTrue();
        assertThat(byAlias.awsAccountId()).isEqualTo("111122223333");
        assertThat(byAlias.arn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + byAlias.keyId());

        assertThat(describe(byAlias.keyId()).keyId()).isEqualTo(byAlias.keyId());
        assertThat(describe(byAlias.arn()).keyId()).isEqualTo(byAlias.keyId());
        assertThat(describe("arn:aws:kms:us-east-1:111122223333:" + PROD_ALIAS).keyId()).isEqualTo(byAlias.keyId());
    }

    @Test
    void awsManagedRdsKeyIsManagedByAws() {
        KeyMetadata rds = describe("alias/aws/rds");
        assertThat(rds.keyManager()).isEqualTo(KeyManagerType.AWS);
        assertThat(rds.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(describe("arn:aws:kms:us-east-1:111122223333:alias/aws/rds").keyId()).isEqualTo(rds.keyId());
    }

    @Test
    void retiredDemoKeyIsDisabled() {
        KeyMetadata retired = describe("alias/snapferry-prod-data-2023");
        assertThat(retired.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(retired.enabled()).isFalse();
        assertThat(retired.keyManager()).isEqualTo(KeyManagerType.CUSTOMER);
    }

    @Test
    void createKeyAndCreateAliasMakeAPickableKey() {
        KeyMetadata created = kms.createKey(b -> b.description("Snapferry test key")).keyMetadata();
        assertThat(created.keyManager()).isEqualTo(KeyManagerType.CUSTOMER);
        assertThat(created.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(created.enabled()).isTrue();
        assertThat(created.description()).isEqualTo("Snapferry test key");
        assertThat(created.creationDate()).isEqualTo(START);

        kms.createAlias(b -> b.aliasName("alias/snapferry-test").targetKeyId(created.keyId()));
        assertThat(describe("alias/snapferry-test").keyId()).isEqualTo(created.keyId());
        assertThat(kms.listAliases().aliases()).anySatisfy(a -> {
            assertThat(a.aliasName()).isEqualTo("alias/snapferry-test");
            assertThat(a.targetKeyId()).isEqualTo(created.keyId());
        });
        assertThat(kms.listKeys().keys()).extracting(KeyListEntry::keyId).contains(created.keyId());
    }

    @Test
    void aliasUnderAwsPrefixIsRefused() {
        String keyId = kms.createKey(b -> b.description("k")).keyMetadata().keyId();
        assertThatThrownBy(() -> kms.createAlias(b -> b.aliasName("alias/aws/mine").targetKeyId(keyId)))
                .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(kms.listAliases().aliases()).extracting(AliasListEntry::aliasName)
                .doesNotContain("alias/aws/mine");
    }

    @Test
    void duplicateAliasAlreadyExists() {
        String keyId = kms.createKey(b -> b.description("k")).keyMetadata().keyId();
        String before = describe(PROD_ALIAS).keyId();
        assertThatThrownBy(() -> kms.createAlias(b -> b.aliasName(PROD_ALIAS).targetKeyId(keyId)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(describe(PROD_ALIAS).keyId()).as("the alias still points at its key").isEqualTo(before);
    }

    @Test
    void aliasForAnUnknownKeyIsNotFound() {
        assertThatThrownBy(() -> kms.createAlias(b -> b.aliasName("alias/orphan")
                .targetKeyId("00000000-0000-0000-0000-000000000000"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void disableKeyMakesItDisabledAndNotEnabled() {
        String keyId = kms.createKey(b -> b.description("to disable")).keyMetadata().keyId();
        kms.disableKey(b -> b.keyId(keyId));
        KeyMetadata disabled = describe(keyId);
        assertThat(disabled.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(disabled.enabled()).isFalse();
    }

    @Test
    void scheduleKeyDeletionMakesItPendingDeletionWithADeletionDate() {
        String keyId = kms.createKey(b -> b.description("to delete")).keyMetadata().keyId();
        ScheduleKeyDeletionResponse response = kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        assertThat(response.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(response.deletionDate()).isEqualTo(START.plus(Duration.ofDays(7)));
        assertThat(response.pendingWindowInDays()).isEqualTo(7);
        assertThat(response.keyId()).endsWith(keyId);

        KeyMetadata pending = describe(keyId);
        assertThat(pending.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(pending.enabled()).isFalse();
        assertThat(pending.deletionDate()).isEqualTo(START.plus(Duration.ofDays(7)));

        String other = kms.createKey(b -> b.description("default window")).keyMetadata().keyId();
        assertThat(kms.scheduleKeyDeletion(b -> b.keyId(other)).deletionDate())
                .as("the default window is 30 days").isEqualTo(START.plus(Duration.ofDays(30)));
    }

    @Test
    void pendingWindowOutsideSevenToThirtyDaysIsAValidationError() {
        String keyId = kms.createKey(b -> b.description("k")).keyMetadata().keyId();
        for (int days : new int[] {1, 6, 31, 365}) {
            assertThatThrownBy(() -> kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(days)))
                    .as("%d days", days).isInstanceOfSatisfying(KmsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        }
        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(30)).keyState())
                .isEqualTo(KeyState.PENDING_DELETION);
    }

    @Test
    void awsManagedKeyCannotBeScheduledForDeletion() {
        assertThatThrownBy(() -> kms.scheduleKeyDeletion(b -> b.keyId("alias/aws/rds").pendingWindowInDays(7)))
                .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(describe("alias/aws/rds").keyState()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void unknownKeyIsNotFound() {
        for (String unknown : List.of("00000000-0000-0000-0000-000000000000", "alias/nope",
                "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000000",
                "arn:aws:kms:us-east-1:111122223333:alias/nope")) {
            assertThatThrownBy(() -> describe(unknown)).as(unknown).isInstanceOfSatisfying(NotFoundException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(400));
        }
        assertThatThrownBy(() -> kms.disableKey(b -> b.keyId("alias/nope"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kms.scheduleKeyDeletion(b -> b.keyId("alias/nope").pendingWindowInDays(7)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void keysBelongToOneAccountAndRegion() {
        KeyMetadata prod = describe(PROD_ALIAS);
        try (KmsClient dr = SimClients.disasterRecovery(simulator, "us-east-1").kms()) {
            assertThatThrownBy(() -> dr.describeKey(b -> b.keyId(prod.keyId()))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> dr.describeKey(b -> b.keyId(prod.arn()))).isInstanceOf(NotFoundException.class);
            assertThat(dr.listKeys().keys()).extracting(KeyListEntry::keyId).doesNotContain(prod.keyId());
            assertThat(dr.listAliases().aliases()).extracting(AliasListEntry::aliasName).doesNotContain(PROD_ALIAS);
        }
        try (KmsClient eu = SimClients.production(simulator, "eu-west-1").kms()) {
            assertThatThrownBy(() -> eu.describeKey(b -> b.keyId(prod.keyId()))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> eu.describeKey(b -> b.keyId(prod.arn()))).isInstanceOf(NotFoundException.class);
            KeyMetadata euKey = eu.describeKey(b -> b.keyId(PROD_ALIAS)).keyMetadata();
            assertThat(euKey.keyId()).as("the same alias names another key in another region")
                    .isNotEqualTo(prod.keyId());
            assertThat(euKey.arn()).startsWith("arn:aws:kms:eu-west-1:111122223333:key/");
        }
        String created = kms.createKey(b -> b.description("us-east-1 only")).keyMetadata().keyId();
        try (KmsClient west = SimClients.production(simulator, "us-west-2").kms()) {
            assertThat(west.listKeys().keys()).extracting(KeyListEntry::keyId).doesNotContain(created);
        }
    }
}
