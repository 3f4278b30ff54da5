package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.sim.kms.KeyPolicies;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Cross-account and cross-region in one CopyDBClusterSnapshot call, per engine, through each engine's own client:
 * DR (444455556666) copies into us-west-2 a snapshot production shares from us-east-1. Expected answers, from AWS's
 * current documents (sources in {@code SharedCopyAcrossRegions}): Aurora (rds model since 2025-09-30, Aurora User
 * Guide), Neptune (Neptune User Guide) and DocumentDB (its Developer Guide; contested by its API reference) all
 * accept it, encrypted or not. The usual rules stay: an encrypted source needs a KmsKeyId of the caller's in the
 * destination region, and the source key's policy must admit the caller's account.
 */
@Timeout(120)
class SharedCrossRegionCopyTest {

    private static final List<String> ENGINES = List.of("aurora-mysql", "aurora-postgresql", "neptune", "docdb");

    /** What came back: the copy's status, encryption and key, or AWS's error code. */
    private record Outcome(@Nullable String status, boolean encrypted, @Nullable String kmsKeyId,
                           @Nullable String error) {
    }

    private static RdsSim sharedFromUsEast1(boolean admitDr) {
        return RdsSim.with(Fixture.create()
                .in(RdsSim.PROD, "us-east-1", r -> {
                    var key = r.key("alias/prod-share");
                    if (admitDr) {
                        key.setPolicy(KeyPolicies.defaultPolicyAdmitting("aws", RdsSim.PROD, List.of(RdsSim.DR)));
                    }
                    for (String engine : ENGINES) {
                        String plain = engine + "-plain";
                        String sealed = engine + "-sealed";
                        r.snapshot(r.cluster(plain, engine, 10, null), plain + "-share", "manual", Map.of())
                                .restoreAccounts().add(RdsSim.DR);
                        r.snapshot(r.cluster(sealed, engine, 10, key), sealed + "-share", "manual", Map.of())
                                .restoreAccounts().add(RdsSim.DR);
                    }
                })
                .in(RdsSim.DR, "us-east-1", r -> r.key("alias/dr-east"))
                .in(RdsSim.DR, "us-west-2", r -> r.key("alias/dr-west")));
    }

    private static String arn(String id) {
        return "arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster-snapshot:" + id;
    }

    /** DR's copy into us-west-2 through the engine's own SDK client, with the SDK's {@code sourceRegion}. */
    private static Outcome drCopiesToUsWest2(RdsSim sim, String engine, String source, @Nullable String kmsKeyId) {
        String target = "dr-" + source;
        try {
            return switch (engine) {
                case "neptune" -> {
                    var s = sim.drNeptune("us-west-2").copyDBClusterSnapshot(b -> b
                            .sourceDBClusterSnapshotIdentifier(arn(source)).targetDBClusterSnapshotIdentifier(target)
                            .kmsKeyId(kmsKeyId).sourceRegion("us-east-1")).dbClusterSnapshot();
                    yield new Outcome(s.status(), s.storageEncrypted(), s.kmsKeyId(), null);
                }
                case "docdb" -> {
                    var s = sim.drDocdb("us-west-2").copyDBClusterSnapshot(b -> b
                            .sourceDBClusterSnapshotIdentifier(arn(source)).targetDBClusterSnapshotIdentifier(target)
                            .kmsKeyId(kmsKeyId).sourceRegion("us-east-1")).dbClusterSnapshot();
                    yield new Outcome(s.status(), s.storageEncrypted(), s.kmsKeyId(), null);
                }
                default -> {
                    var s = sim.drRds("us-west-2").copyDBClusterSnapshot(b -> b
                            .sourceDBClusterSnapshotIdentifier(arn(source)).targetDBClusterSnapshotIdentifier(target)
                            .kmsKeyId(kmsKeyId).sourceRegion("us-east-1")).dbClusterSnapshot();
                    yield new Outcome(s.status(), s.storageEncrypted(), s.kmsKeyId(), null);
                }
            };
        } catch (AwsServiceException e) {
            return new Outcome(null, false, null, e.awsErrorDetails().errorCode());
        }
    }

    static Stream<Arguments> engines() {
        return ENGINES.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aSharedUnencryptedSnapshotIsCopiedAcrossAccountAndRegionInOneStep(String engine) {
        try (RdsSim sim = sharedFromUsEast1(false)) {
            Outcome copy = drCopiesToUsWest2(sim, engine, engine + "-plain-share", null);
            assertThat(copy.error()).isNull();
            assertThat(copy.status()).isEqualTo("copying");
            assertThat(copy.encrypted()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aSharedEncryptedSnapshotIsCopiedAcrossAccountAndRegionWithTheCallersKeyThere(String engine) {
        try (RdsSim sim = sharedFromUsEast1(true)) {
            String drWest = sim.drKms("us-west-2").describeKey(b -> b.keyId("alias/dr-west")).keyMetadata().arn();
            Outcome copy = drCopiesToUsWest2(sim, engine, engine + "-sealed-share", drWest);
            assertThat(copy.error()).isNull();
            assertThat(copy.status()).isEqualTo("copying");
            assertThat(copy.encrypted()).isTrue();
            assertThat(copy.kmsKeyId()).isEqualTo(drWest);
        }
    }

    static Stream<Arguments> refusals() {
        return ENGINES.stream().flatMap(engine -> Stream.of(
                Arguments.of(engine, "no KmsKeyId", true, null, "InvalidParameterValue"),
                Arguments.of(engine, "a key of the source region", true, "DR_EAST", "KMSKeyNotAccessibleFault"),
                Arguments.of(engine, "a source key whose policy does not admit DR", false, "DR_WEST",
                        "KMSKeyNotAccessibleFault")));
    }

    @ParameterizedTest(name = "{0}, {1}: {4}")
    @MethodSource("refusals")
    void theKeyRulesStillApplyToTheOneStepCopy(String engine, String what, boolean admitDr, @Nullable String key,
                                                String expectedError) {
        try (RdsSim sim = sharedFromUsEast1(admitDr)) {
            String kmsKeyId = key == null ? null : key.equals("DR_EAST")
                    ? sim.drKms("us-east-1").describeKey(b -> b.keyId("alias/dr-east")).keyMetadata().arn()
                    : sim.drKms("us-west-2").describeKey(b -> b.keyId("alias/dr-west")).keyMetadata().arn();
            Outcome copy = drCopiesToUsWest2(sim, engine, engine + "-sealed-share", kmsKeyId);
            assertThat(copy.error()).as(what).isEqualTo(expectedError);
            assertThat(sim.drRds("us-west-2").describeDBClusterSnapshots(b -> b.snapshotType("manual"))
                    .dbClusterSnapshots()).as("nothing is copied").isEmpty();
        }
    }
}
