package dev.snapferry.core.rules;

import static dev.snapferry.core.model.SnapshotFixtures.AP_SOUTHEAST_2;
import static dev.snapferry.core.model.SnapshotFixtures.CN_NORTH_1;
import static dev.snapferry.core.model.SnapshotFixtures.EU_WEST_1;
import static dev.snapferry.core.model.SnapshotFixtures.OTHER_ACCOUNT;
import static dev.snapferry.core.model.SnapshotFixtures.OWN_ACCOUNT;
import static dev.snapferry.core.model.SnapshotFixtures.US_EAST_1;
import static dev.snapferry.core.model.SnapshotFixtures.key;
import static dev.snapferry.core.model.SnapshotFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.KmsKeyState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.rules.KmsRequirement.Need;
import dev.snapferry.core.rules.KmsRequirement.Reason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KmsRulesTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    private static final EngineCapabilities AURORA = MATRIX.forEngine(Engine.AURORA_MYSQL);
    private static final Snapshot OWN_ENCRYPTED = snapshot().encrypted(true).build();

    private static CopyContext context(Snapshot source, RegionRef destination, KmsKey key) {
        return new CopyContext(source, OWN_ACCOUNT, destination, key == null ? null : key.arn(), key);
    }

    private static CopyContext context(Snapshot source, RegionRef destination, String keyId) {
        return new CopyContext(source, OWN_ACCOUNT, destination, keyId, null);
    }

    private static List<ProblemCode> codes(EngineCapabilities caps, CopyContext ctx) {
        return KmsRules.validate(caps, ctx).stream().map(Problem::code).toList();
    }

    private static EngineCapabilities withUnencryptedRule(EngineCapabilities caps, UnencryptedKeyRule rule) {
        return new EngineCapabilities(caps.engine(), caps.crossRegionCopy(), caps.presignedUrl(), rule,
                caps.crossRegionEncryptedRequiresKey(), caps.sharedEncryptedRequiresKey(),
                caps.sharedCopyCrossRegion(), caps.maxCopiesInFlightPerRegion(), caps.crossRegionExcludedRegions(),
                caps.tags(), caps.contested(), caps.sources());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keyForUnencryptedSourceIsForbiddenForEveryEngine(Engine engine) {
        EngineCapabilities caps = MATRIX.forEngine(engine);
        CopyContext ctx = context(snapshot().engine(engine).build(), US_EAST_1, key(US_EAST_1, "alias/backup"));
        assertEquals(new KmsRequirement(Need.FORBIDDEN, Reason.UNENCRYPTED_ERROR), KmsRules.requirement(caps, ctx));
        assertEquals(List.of(Problem.of(KmsRules.FIELD, ProblemCode.KMS_KEY_FORBIDDEN)),
                KmsRules.validate(caps, ctx));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unencryptedSourceWithoutKeyHasNoKmsProblem(Engine engine) {
        CopyContext ctx = context(snapshot().engine(engine).build(), EU_WEST_1, (KmsKey) null);
        assertEquals(List.of(), KmsRules.validate(MATRIX.forEngine(engine), ctx));
    }

    @Test
    void olderRdsRuleLetsAKeyEncryptAnUnencryptedCopy() {
        EngineCapabilities caps = withUnencryptedRule(AURORA, UnencryptedKeyRule.ENCRYPTS);
        CopyContext ctx = context(snapshot().build(), US_EAST_1, key(US_EAST_1, "alias/backup"));
        assertEquals(new KmsRequirement(Need.OPTIONAL, Reason.UNENCRYPTED_ENCRYPTS), KmsRules.requirement(caps, ctx));
        assertEquals(List.of(), KmsRules.validate(caps, ctx));
    }

    @Test
    void encryptedCrossRegionCopyWithoutKeyRequiresAKey() {
        CopyContext ctx = context(OWN_ENCRYPTED, EU_WEST_1, (KmsKey) null);
        assertEquals(new KmsRequirement(Need.REQUIRED, Reason.CROSS_REGION_ENCRYPTED),
                KmsRules.requirement(AURORA, ctx));
        assertEquals(List.of(Problem.of(KmsRules.FIELD, ProblemCode.KMS_KEY_REQUIRED, "eu-west-1")),
                KmsRules.validate(AURORA, ctx));
    }

    @Test
    void blankKeyIdCountsAsNoKey() {
        CopyContext ctx = context(OWN_ENCRYPTED, EU_WEST_1, "   ");
        assertEquals(List.of(ProblemCode.KMS_KEY_REQUIRED), codes(AURORA, ctx));
    }

    @Test
    void encryptedSharedSnapshotWithoutKeyRequiresAKey() {
        Snapshot shared = snapshot().sharedFromOtherAccount().encrypted(true).build();
        CopyContext ctx = context(shared, US_EAST_1, (KmsKey) null);
        assertEquals(new KmsRequirement(Need.REQUIRED, Reason.SHARED_ENCRYPTED), KmsRules.requirement(AURORA, ctx));
        assertEquals(List.of(ProblemCode.KMS_KEY_REQUIRED), codes(AURORA, ctx));
    }

    @Test
    void encryptedSnapshotOwnedByAnotherAccountRequiresAKeyWhateverItsType() {
        // Listed as manual, but the ARN says another account owns it.
        Snapshot foreign = snapshot().type(SnapshotType.MANUAL).owner(OTHER_ACCOUNT).encrypted(true).build();
        CopyContext ctx = context(foreign, US_EAST_1, (KmsKey) null);
        assertEquals(new KmsRequirement(Need.REQUIRED, Reason.SHARED_ENCRYPTED), KmsRules.requirement(AURORA, ctx));
    }

    @Test
    void encryptedSnapshotCopiedIntoAnotherAccountRequiresAKey() {
        Snapshot own = snapshot().encrypted(true).build();
        CopyContext ctx = new CopyContext(own, OTHER_ACCOUNT, US_EAST_1, null, null);
        // Not "shared from another account": it is the user's own, going into another account through a plan.
        assertEquals(new KmsRequirement(Need.REQUIRED, Reason.OTHER_ACCOUNT_ENCRYPTED),
                KmsRules.requirement(AURORA, ctx));
    }

    @Test
    void encryptedSameRegionOwnSnapshotTakesAnOptionalKey() {
        CopyContext ctx = context(OWN_ENCRYPTED, US_EAST_1, (KmsKey) null);
        assertEquals(new KmsRequirement(Need.OPTIONAL, Reason.SAME_REGION_ENCRYPTED),
                KmsRules.requirement(AURORA, ctx));
        assertEquals(List.of(), KmsRules.validate(AURORA, ctx));
        assertEquals(List.of(), KmsRules.validate(AURORA, context(OWN_ENCRYPTED, US_EAST_1,
                key(US_EAST_1, "alias/backup"))));
    }

    @Test
    void keyOfTheDestinationRegionIsAccepted() {
        assertEquals(List.of(), KmsRules.validate(AURORA, context(OWN_ENCRYPTED, EU_WEST_1,
                key(EU_WEST_1, "alias/dr"))));
    }

    @Test
    void keyArnOfAnotherRegionIsRefused() {
        String keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assertEquals(List.of(Problem.of(KmsRules.FIELD, ProblemCode.KMS_KEY_WRONG_REGION, "us-east-1", "eu-west-1")),
                KmsRules.validate(AURORA, context(OWN_ENCRYPTED, EU_WEST_1, keyArn)));
    }

    @Test
    void aliasArnOfAnotherRegionIsRefused() {
        String aliasArn = "arn:aws:kms:ap-southeast-2:123456789012:alias/dr";
        assertEquals(List.of(ProblemCode.KMS_KEY_WRONG_REGION),
                codes(AURORA, context(OWN_ENCRYPTED, EU_WEST_1, aliasArn)));
    }

    @Test
    void resolvedKeyOfAnotherRegionIsRefusedEvenWhenNamedByAlias() {
        KmsKey elsewhere = key(AP_SOUTHEAST_2, "alias/dr");
        CopyContext ctx = new CopyContext(OWN_ENCRYPTED, OWN_ACCOUNT, EU_WEST_1, "alias/dr", elsewhere);
        assertEquals(List.of(Problem.of(KmsRules.FIELD, ProblemCode.KMS_KEY_WRONG_REGION, "ap-southeast-2",
                "eu-west-1")), KmsRules.validate(AURORA, ctx));
    }

    @Test
    void keyOfAnotherPartitionIsRefused() {
        String chinaKey = "arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assertEquals(List.of(Problem.of(KmsRules.FIELD, ProblemCode.KMS_KEY_WRONG_PARTITION, "aws-cn", "aws")),
                KmsRules.validate(AURORA, context(OWN_ENCRYPTED, EU_WEST_1, chinaKey)));
    }

    @Test
    void globalKeyForChinaDestinationIsRefusedAsOtherPartition() {
        Snapshot chinese = snapshot().region(CN_NORTH_1).encrypted(true).build();
        String globalKey = "arn:aws:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assertEquals(List.of(Problem.of(KmsRules.FIELD, ProblemCode.KMS_KEY_WRONG_PARTITION, "aws", "aws-cn")),
                KmsRules.validate(AURORA, context(chinese, CN_NORTH_1, globalKey)));
    }

    @ParameterizedTest
    @EnumSource(value = KmsKeyState.class, names = "ENABLED", mode = EnumSource.Mode.EXCLUDE)
    void keyThatIsNotEnabledIsRefused(KmsKeyState state) {
        KmsKey unusable = key(EU_WEST_1, state, false, "alias/dr");
        assertEquals(List.of(Problem.of(KmsRules.FIELD, ProblemCode.KMS_KEY_NOT_USABLE, "dr", state)),
                KmsRules.validate(AURORA, context(OWN_ENCRYPTED, EU_WEST_1, unusable)));
    }

    @Test
    void disabledAndPendingDeletionKeysAreNotUsable() {
        for (KmsKeyState state : List.of(KmsKeyState.DISABLED, KmsKeyState.PENDING_DELETION)) {
            assertEquals(List.of(ProblemCode.KMS_KEY_NOT_USABLE),
                    codes(AURORA, context(OWN_ENCRYPTED, US_EAST_1, key(US_EAST_1, state, false, "alias/old"))));
        }
    }

    @Test
    void awsManagedKeyGivesAWarningOnly() {
        KmsKey awsManaged = key(EU_WEST_1, KmsKeyState.ENABLED, true, "alias/aws/rds");
        List<Problem> problems = KmsRules.validate(AURORA, context(OWN_ENCRYPTED, EU_WEST_1, awsManaged));
        assertEquals(List.of(Problem.of(KmsRules.FIELD, ProblemCode.KMS_KEY_AWS_MANAGED_NOT_SHAREABLE, "aws/rds")),
                problems);
        assertEquals(Severity.WARNING, problems.getFirst().severity());
        assertFalse(Problems.hasErrors(problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-key", "alias/", "1234abcd-12ab-34cd-56ef-1234567890a",
            "arn:aws:kms:eu-west-1:123456789012:key/nope", "arn:aws:rds:eu-west-1:123456789012:key/x"})
    void malformedKeyIdIsRefused(String keyId) {
        assertEquals(List.of(Problem.of(KmsRules.FIELD, ProblemCode.KMS_KEY_MALFORMED, keyId)),
                KmsRules.validate(AURORA, context(OWN_ENCRYPTED, EU_WEST_1, keyId)));
    }

    @Test
    void awsManagedKeyMakesAnEncryptedSnapshotUnshareable() {
        KmsKey awsManaged = key(US_EAST_1, KmsKeyState.ENABLED, true, "alias/aws/rds");
        assertEquals(Optional.of(Problem.of("share", ProblemCode.SHARE_AWS_MANAGED_KEY,
                        "aurora-cluster1-snapshot-20161115", "aws/rds")),
                KmsRules.checkShareable("share", OWN_ENCRYPTED, awsManaged));
    }

    @Test
    void customerManagedKeyLeavesSnapshotShareable() {
        assertEquals(Optional.empty(), KmsRules.checkShareable("share", OWN_ENCRYPTED, key(US_EAST_1, "alias/x")));
    }

    @Test
    void unencryptedOrUnknownKeySnapshotIsShareable() {
        KmsKey awsManaged = key(US_EAST_1, KmsKeyState.ENABLED, true, "alias/aws/rds");
        assertEquals(Optional.empty(), KmsRules.checkShareable("share", snapshot().build(), awsManaged));
        assertEquals(Optional.empty(), KmsRules.checkShareable("share", OWN_ENCRYPTED, null));
    }
}
