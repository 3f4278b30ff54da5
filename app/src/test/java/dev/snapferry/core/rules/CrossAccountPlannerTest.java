package dev.snapferry.core.rules;

import static dev.snapferry.core.model.SnapshotFixtures.OWN_ACCOUNT;
import static dev.snapferry.core.model.SnapshotFixtures.US_EAST_1;
import static dev.snapferry.core.model.SnapshotFixtures.US_WEST_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotFixtures;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.rules.CrossAccountPlanner.Step;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The steps AWS requires to copy a snapshot into another account, from the user guides (Sharing a DB cluster
 * snapshot: only manual snapshots, never under the AWS managed key) and the rds model (the other account names the
 * source by ARN and gives its own key). Each row: the source, then the kinds of step in order.
 */
class CrossAccountPlannerTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    private static final String DR = "444455556666";
    private static final String DR_KEY_EAST = "arn:aws:kms:us-east-1:" + DR
            + ":key/1111aaaa-12ab-34cd-56ef-1234567890ab";
    private static final String DR_KEY_WEST = "arn:aws:kms:us-west-2:" + DR
            + ":key/2222bbbb-12ab-34cd-56ef-1234567890ab";
    private static final String OWN_KEY = "arn:aws:kms:us-east-1:" + OWN_ACCOUNT
            + ":key/3333cccc-12ab-34cd-56ef-1234567890ab";

    private static Snapshot source(String type, String encryption) {
        Snapshot base = SnapshotFixtures.snapshot().type(type.equals("automated") ? SnapshotType.AUTOMATED
                : SnapshotType.MANUAL).encrypted(!encryption.equals("none")).build();
        return new Snapshot(base.identifier(), base.arn(), base.accountId(), base.region(), base.engine(),
                base.engineVersion(), base.clusterIdentifier(), base.type(), base.status(), base.createTime(),
                base.storageEncrypted(), base.kmsKeyId(), base.tags(), null, null, null,
                encryption.equals("awsManaged") ? "alias/aws/rds" : null, encryption.equals("awsManaged"));
    }

    private static CrossAccountPlanner.Plan plan(Snapshot source, RegionRef to, @Nullable String key,
                                                @Nullable String intermediateKey, @Nullable String landingKey,
                                                Set<String> shared) {
        return CrossAccountPlanner.plan(MATRIX.forEngine(source.engine()), source, new CrossAccountPlanner.Choices(
                DR, to, "orders-dr", key, intermediateKey, landingKey, shared));
    }

    /** Each step as {@code kind@account:region}, the account being {@code own} or {@code dr}. */
    private static List<String> kinds(CrossAccountPlanner.Plan plan) {
        return plan.steps().stream().map(s -> switch (s) {
            case Step.CopyInOwner c -> "ownerCopy";
            case Step.Share c -> "share";
            case Step.CheckKeyPolicy c -> "keyPolicy";
            case Step.CopyInDestination c -> "copy";
            case Step.CleanUp c -> "cleanUp";
        } + "@" + (s.accountId().equals(DR) ? "dr" : "own") + ":" + s.region().code()).toList();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        manual    | none       | us-east-1 | share@own:us-east-1 copy@dr:us-east-1 cleanUp@own:us-east-1
        manual    | customer   | us-east-1 | share@own:us-east-1 keyPolicy@own:us-east-1 copy@dr:us-east-1 \
                                             cleanUp@own:us-east-1
        automated | none       | us-east-1 | ownerCopy@own:us-east-1 share@own:us-east-1 copy@dr:us-east-1 \
                                             cleanUp@own:us-east-1
        automated | customer   | us-east-1 | ownerCopy@own:us-east-1 share@own:us-east-1 keyPolicy@own:us-east-1 \
                                             copy@dr:us-east-1 cleanUp@own:us-east-1
        manual    | awsManaged | us-east-1 | ownerCopy@own:us-east-1 share@own:us-east-1 keyPolicy@own:us-east-1 \
                                             copy@dr:us-east-1 cleanUp@own:us-east-1
        manual    | none       | us-west-2 | share@own:us-east-1 copy@dr:us-west-2 cleanUp@own:us-east-1
        """)
    void theStepsFollowWhatAwsRequires(String type, String encryption, String to, String expected) {
        Snapshot source = source(type, encryption);
        RegionRef destination = new RegionRef(to);
        String key = encryption.equals("none") ? null : to.equals("us-east-1") ? DR_KEY_EAST : DR_KEY_WEST;
        CrossAccountPlanner.Plan plan = plan(source, destination, key, OWN_KEY, DR_KEY_EAST, Set.of());
        assertThat(plan.problems()).isEmpty();
        assertThat(kinds(plan)).containsExactly(expected.trim().split("\\s+"));
    }

    @Test
    void theOtherAccountNamesTheSharedSnapshotByArnWithItsOwnKey() {
        Snapshot source = source("automated", "awsManaged");
        CrossAccountPlanner.Plan plan = plan(source, US_EAST_1, DR_KEY_EAST, OWN_KEY, null, Set.of());
        Step.CopyInOwner first = (Step.CopyInOwner) plan.steps().getFirst();
        assertThat(first.kmsKeyId()).as("re-encrypted under a customer managed key").isEqualTo(OWN_KEY);
        assertThat(first.reason()).isEqualTo(CrossAccountPlanner.IntermediateReason.AWS_MANAGED_KEY);
        Step.CheckKeyPolicy check = (Step.CheckKeyPolicy) plan.steps().get(2);
        assertThat(check.keyId()).as("the shared copy's key, not the AWS managed one").isEqualTo(OWN_KEY);
        assertThat(check.forAccount()).isEqualTo(DR);
        Step.CopyInDestination copy = (Step.CopyInDestination) plan.steps().get(3);
        assertThat(copy.sourceArn()).isEqualTo("arn:aws:rds:us-east-1:" + OWN_ACCOUNT + ":cluster-snapshot:"
                + first.target());
        assertThat(copy.kmsKeyId()).isEqualTo(DR_KEY_EAST);
        assertThat(((Step.CleanUp) plan.steps().getLast()).deleteSnapshot()).as("the intermediate copy").isTrue();
    }

    @Test
    void aSnapshotAlreadySharedIsNotSharedAgain() {
        CrossAccountPlanner.Plan plan = plan(source("manual", "none"), US_EAST_1, null, null, null, Set.of(DR));
        assertThat(plan.steps()).noneMatch(s -> s instanceof Step.Share);
    }

    @Test
    void anEncryptedSharedSnapshotThatMayNotLeaveItsRegionLandsThereFirst() {
        // An engine whose shared snapshots may not leave their region (as the older documents had it): the DR
        // account copies in us-east-1, then west. Today's matrix allows one step for every RDS-family engine.
        Snapshot source = source("manual", "customer");
        EngineCapabilities stays = withSharedCrossRegion(MATRIX.forEngine(source.engine()),
                SharedCrossRegionRule.UNENCRYPTED_ONLY);
        CrossAccountPlanner.Plan oneStep = plan(source, US_WEST_2, DR_KEY_WEST, null, null, Set.of());
        assertThat(oneStep.problems()).isEmpty();
        assertThat(oneStep.steps()).filteredOn(Step.CopyInDestination.class::isInstance).singleElement()
                .satisfies(c -> assertThat(c.region()).isEqualTo(US_WEST_2));
        CrossAccountPlanner.Plan missing = CrossAccountPlanner.plan(stays, source, new CrossAccountPlanner.Choices(
                DR, US_WEST_2, "orders-dr", DR_KEY_WEST, null, null, Set.of()));
        assertThat(missing.problems()).extracting(Problem::code)
                .containsExactly(ProblemCode.PLAN_LANDING_KEY_REQUIRED);
        CrossAccountPlanner.Plan plan = CrossAccountPlanner.plan(stays, source, new CrossAccountPlanner.Choices(
                DR, US_WEST_2, "orders-dr", DR_KEY_WEST, null, DR_KEY_EAST, Set.of()));
        assertThat(plan.problems()).isEmpty();
        List<Step.CopyInDestination> copies = plan.steps().stream().filter(Step.CopyInDestination.class::isInstance)
                .map(Step.CopyInDestination.class::cast).toList();
        assertThat(copies).extracting(c -> c.region().code()).containsExactly("us-east-1", "us-west-2");
        assertThat(copies.get(0).kmsKeyId()).isEqualTo(DR_KEY_EAST);
        assertThat(copies.get(1).sourceArn()).startsWith("arn:aws:rds:us-east-1:" + DR + ":cluster-snapshot:");
        assertThat(copies.get(1).kmsKeyId()).isEqualTo(DR_KEY_WEST);
    }

    private static EngineCapabilities withSharedCrossRegion(EngineCapabilities caps, SharedCrossRegionRule rule) {
        return new EngineCapabilities(caps.engine(), caps.crossRegionCopy(), caps.presignedUrl(),
                caps.kmsKeyWithUnencryptedSource(), caps.crossRegionEncryptedRequiresKey(),
                caps.sharedEncryptedRequiresKey(), rule, caps.maxCopiesInFlightPerRegion(),
                caps.crossRegionExcludedRegions(), caps.tags(), caps.contested(), caps.sources());
    }

    @Test
    void whatTheUserMustStillChooseIsSaidAtItsField() {
        CrossAccountPlanner.Plan awsManaged = plan(source("manual", "awsManaged"), US_EAST_1, null, null, null,
                Set.of());
        assertThat(awsManaged.problems()).extracting(Problem::field)
                .containsExactlyInAnyOrder(CrossAccountPlanner.INTERMEDIATE_KEY, KmsRules.FIELD);
        CrossAccountPlanner.Plan awsKeyAgain = plan(source("manual", "awsManaged"), US_EAST_1, DR_KEY_EAST,
                "alias/aws/rds", null, Set.of());
        assertThat(awsKeyAgain.problems()).extracting(Problem::code)
                .containsExactly(ProblemCode.KMS_KEY_AWS_MANAGED_NOT_SHAREABLE);
    }

    @Test
    void elasticSnapshotsCannotReachAnotherAccountAndTheOwnerIsNoDestination() {
        Snapshot elastic = SnapshotFixtures.snapshot().engine(Engine.DOCUMENTDB_ELASTIC).identifier("e1").build();
        assertThat(plan(elastic, US_EAST_1, null, null, null, Set.of()).problems()).extracting(Problem::code)
                .containsExactly(ProblemCode.PLAN_ENGINE_NOT_SHAREABLE);
        Snapshot own = source("manual", "none");
        CrossAccountPlanner.Plan same = CrossAccountPlanner.plan(MATRIX.forEngine(own.engine()), own,
                new CrossAccountPlanner.Choices(OWN_ACCOUNT, US_EAST_1, "x", null, null, null, Set.of()));
        assertThat(same.problems()).extracting(Problem::code).containsExactly(ProblemCode.PLAN_SAME_ACCOUNT);
        assertThat(same.steps()).isEmpty();
    }
}
