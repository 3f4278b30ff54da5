package dev.snapferry.core.rules;

import static dev.snapferry.core.model.SnapshotFixtures.CN_NORTH_1;
import static dev.snapferry.core.model.SnapshotFixtures.EU_WEST_1;
import static dev.snapferry.core.model.SnapshotFixtures.OTHER_ACCOUNT;
import static dev.snapferry.core.model.SnapshotFixtures.OWN_ACCOUNT;
import static dev.snapferry.core.model.SnapshotFixtures.US_EAST_1;
import static dev.snapferry.core.model.SnapshotFixtures.US_WEST_2;
import static dev.snapferry.core.model.SnapshotFixtures.key;
import static dev.snapferry.core.model.SnapshotFixtures.ownAccount;
import static dev.snapferry.core.model.SnapshotFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CopyRulesTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    private static final String SOURCE_ID = "aurora-cluster1-snapshot-20161115";

    private static List<Problem> destinationProblems(Snapshot source, RegionRef destination) {
        return CopyRules.checkDestination(MATRIX.forEngine(source.engine()),
                new CopyContext(source, OWN_ACCOUNT, destination, null, null));
    }

    private static CopyRequest request(Snapshot source, RegionRef destination, String target, String keyId,
                                       boolean copyTags, List<Tag> tags) {
        return new CopyRequest(source, ownAccount(), destination, target, keyId, copyTags, tags);
    }

    private static CopyRequest sameRegionRequest(Snapshot source, String target) {
        return request(source, source.region(), target, null, false, List.of());
    }

    private static List<ProblemCode> codes(CopyRequest request, KmsKey key, List<String> existing) {
        return CopyRules.validate(MATRIX, request, key, existing).stream().map(Problem::code).toList();
    }

    private static List<Tag> numberedTags(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new Tag("key" + i, "value" + i)).toList();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sameRegionIsAlwaysAPossibleDestination(Engine engine) {
        assertEquals(List.of(), destinationProblems(snapshot().engine(engine).build(), US_EAST_1));
        assertEquals(List.of(), destinationProblems(snapshot().engine(engine).sharedFromOtherAccount().build(),
                US_EAST_1));
    }

    @Test
    void elasticSnapshotCannotBeCopiedToAnotherRegion() {
        Snapshot elastic = snapshot().engine(Engine.DOCUMENTDB_ELASTIC).identifier("f5e7c1a2-3b4d").build();
        assertEquals(List.of(Problem.of(CopyRules.DESTINATION_REGION, ProblemCode.COPY_CROSS_REGION_UNSUPPORTED,
                "DOCUMENTDB_ELASTIC", "us-east-1")), destinationProblems(elastic, EU_WEST_1));
    }

    /**
     * Shared snapshots of every RDS-family engine may change region in the same copy, as the current documents say:
     * the rds model since 2025-09-30 (an ARN "in a different account and a different Region"), the Aurora and
     * Neptune guides ("across regions and accounts in a single step"), the DocumentDB Developer Guide ("in the same
     * AWS Region or in a different AWS Region"; contested by its API reference).
     */
    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "DOCUMENTDB_ELASTIC", mode = EnumSource.Mode.EXCLUDE)
    void sharedSnapshotsMayChangeRegionInTheSameCopy(Engine engine) {
        assertEquals(List.of(), destinationProblems(snapshot().engine(engine).sharedFromOtherAccount()
                .encrypted(true).build(), US_WEST_2));
        assertEquals(List.of(), destinationProblems(snapshot().engine(engine).type(SnapshotType.MANUAL)
                .owner(OTHER_ACCOUNT).build(), US_WEST_2));
    }

    @Test
    void ownDocumentDbSnapshotMayBeCopiedToAnotherRegion() {
        assertEquals(List.of(), destinationProblems(snapshot().engine(Engine.DOCUMENTDB).build(), US_WEST_2));
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"AURORA_MYSQL", "AURORA_POSTGRESQL", "RDS_MULTI_AZ_CLUSTER",
        "NEPTUNE"})
    void unencryptedSharedAuroraAndNeptuneSnapshotsMayBeCopiedToAnotherRegion(Engine engine) {
        Snapshot shared = snapshot().engine(engine).sharedFromOtherAccount().encrypted(false).build();
        assertEquals(List.of(), destinationProblems(shared, US_WEST_2));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void copyNeverLeavesItsPartition(Engine engine) {
        assertEquals(List.of(Problem.of(CopyRules.DESTINATION_REGION, ProblemCode.COPY_CROSS_PARTITION,
                "us-east-1", "cn-north-1")), destinationProblems(snapshot().engine(engine).build(), CN_NORTH_1));
    }

    /**
     * Between the two China regions, from the user guides: the Aurora User Guide (Copying a DB cluster snapshot,
     * Limitations) says "You can't copy a snapshot to or from" China (Beijing) or China (Ningxia); the Neptune User
     * Guide says "You can copy a snapshot between China (Beijing) and China (Ningxia)"; the DocumentDB Developer
     * Guide lists no such limit. Elastic copies stay in their region for every region.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "AURORA_MYSQL,         cn-north-1,     cn-northwest-1, refused",
        "AURORA_MYSQL,         cn-northwest-1, cn-north-1,     refused",
        "AURORA_POSTGRESQL,    cn-north-1,     cn-northwest-1, refused",
        "AURORA_POSTGRESQL,    cn-northwest-1, cn-north-1,     refused",
        "RDS_MULTI_AZ_CLUSTER, cn-north-1,     cn-northwest-1, refused",
        "NEPTUNE,              cn-north-1,     cn-northwest-1, allowed",
        "NEPTUNE,              cn-northwest-1, cn-north-1,     allowed",
        "DOCUMENTDB,           cn-north-1,     cn-northwest-1, allowed",
        "AURORA_MYSQL,         cn-north-1,     cn-north-1,     allowed",
        "AURORA_POSTGRESQL,    cn-northwest-1, cn-northwest-1, allowed",
        "NEPTUNE,              cn-north-1,     cn-north-1,     allowed",
    })
    void chinaRegionsFollowEachEnginesUserGuide(Engine engine, String from, String to, String verdict) {
        Snapshot source = snapshot().engine(engine).region(new RegionRef(from)).build();
        List<Problem> problems = destinationProblems(source, new RegionRef(to));
        if (verdict.equals("allowed")) {
            assertEquals(List.of(), problems);
        } else {
            assertEquals(List.of(Problem.of(CopyRules.DESTINATION_REGION, ProblemCode.COPY_CROSS_REGION_EXCLUDED,
                    from, from)), problems);
        }
    }

    @Test
    void govCloudToCommercialIsAnotherPartition() {
        Snapshot gov = snapshot().region(new RegionRef("us-gov-west-1")).build();
        assertEquals(List.of(ProblemCode.COPY_CROSS_PARTITION),
                destinationProblems(gov, US_EAST_1).stream().map(Problem::code).toList());
    }

    @Test
    void validSameRegionCopyHasNoProblem() {
        Snapshot source = snapshot().identifier(SOURCE_ID).build();
        assertEquals(List.of(), CopyRules.validate(MATRIX, sameRegionRequest(source, SOURCE_ID + "-copy"), null,
                List.of(SOURCE_ID)));
    }

    @Test
    void validEncryptedCrossRegionCopyWithDestinationKeyHasNoProblem() {
        Snapshot source = snapshot().encrypted(true).build();
        KmsKey key = key(EU_WEST_1, "alias/dr");
        CopyRequest request = request(source, EU_WEST_1, "dr-copy", key.arn(), true, List.of());
        assertEquals(List.of(), CopyRules.validate(MATRIX, request, key, List.of()));
    }

    @Test
    void sourceThatIsNotAvailableIsRefused() {
        Snapshot copying = snapshot().status(SnapshotStatus.fromRds("copying", 40)).build();
        List<Problem> problems = CopyRules.validate(MATRIX, sameRegionRequest(copying, "new-copy"), null, List.of());
        assertEquals(List.of(Problem.of(CopyRules.SOURCE, ProblemCode.COPY_SOURCE_NOT_AVAILABLE, SOURCE_ID,
                "copying")), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {SOURCE_ID, "Aurora-Cluster1-Snapshot-20161115", "AURORA-CLUSTER1-SNAPSHOT-20161115"})
    void targetEqualToSourceInTheSameRegionIsRefusedInAnyCase(String target) {
        Snapshot source = snapshot().identifier(SOURCE_ID).build();
        assertEquals(List.of(Problem.of(CopyRules.TARGET_IDENTIFIER, ProblemCode.COPY_TARGET_IS_SOURCE)),
                CopyRules.validate(MATRIX, sameRegionRequest(source, target), null, List.of(SOURCE_ID)));
    }

    @Test
    void targetNamedLikeSourceIsFineInAnotherRegion() {
        Snapshot source = snapshot().identifier(SOURCE_ID).build();
        CopyRequest request = request(source, EU_WEST_1, SOURCE_ID, null, false, List.of());
        assertEquals(List.of(), CopyRules.validate(MATRIX, request, null, List.of()));
    }

    @Test
    void targetNamedLikeSharedSourceIsFineInTheOwnAccount() {
        Snapshot shared = snapshot().identifier(SOURCE_ID).sharedFromOtherAccount().build();
        assertEquals(List.of(), CopyRules.validate(MATRIX, sameRegionRequest(shared, SOURCE_ID), null, List.of()));
    }

    @Test
    void existingIdentifierInDestinationIsRefusedIgnoringCase() {
        Snapshot source = snapshot().build();
        CopyRequest request = request(source, EU_WEST_1, "DR-Copy", null, false, List.of());
        assertEquals(List.of(Problem.of(CopyRules.TARGET_IDENTIFIER, ProblemCode.IDENTIFIER_TAKEN, "dr-copy",
                "eu-west-1")), CopyRules.validate(MATRIX, request, null, List.of("dr-copy", "other")));
    }

    @Test
    void invalidTargetIsReportedWithoutUniquenessCheck() {
        CopyRequest request = sameRegionRequest(snapshot().build(), "dr_copy");
        assertEquals(List.of(ProblemCode.IDENTIFIER_INVALID_CHARACTER), codes(request, null, List.of("dr_copy")));
    }

    @Test
    void copiedSourceTagsBeyondFiftyAreRefused() {
        Snapshot tagged = snapshot().tags(numberedTags(51)).build();
        CopyRequest request = request(tagged, US_EAST_1, "tagged-copy", null, true, List.of());
        assertEquals(List.of(Problem.of("tags", ProblemCode.TAG_TOO_MANY, 50, 51)),
                CopyRules.validate(MATRIX, request, null, List.of()));
    }

    @Test
    void explicitTagsReplacingManySourceTagsAreFine() {
        Snapshot tagged = snapshot().tags(numberedTags(51)).build();
        CopyRequest request = request(tagged, US_EAST_1, "tagged-copy", null, true, List.of(new Tag("env", "dr")));
        assertEquals(List.of(), CopyRules.validate(MATRIX, request, null, List.of()));
    }

    @Test
    void tooManyExplicitTagsAreReportedOnce() {
        CopyRequest request = request(snapshot().build(), US_EAST_1, "tagged-copy", null, true, numberedTags(51));
        assertEquals(List.of(ProblemCode.TAG_TOO_MANY), codes(request, null, List.of()));
    }

    @Test
    void explicitTagProblemsAreReported() {
        CopyRequest request = request(snapshot().build(), US_EAST_1, "tagged-copy", null, false,
                List.of(new Tag("aws:owner", "x")));
        assertEquals(List.of(Problem.of("tags[0].key", ProblemCode.TAG_KEY_RESERVED_PREFIX, "aws:")),
                CopyRules.validate(MATRIX, request, null, List.of()));
    }

    /** AWS refuses the whole copy (ProblemCode.TAG_SOURCE_RESERVED_PREFIX names the reports). */
    @Test
    void reservedSourceTagCopiedWithCopyTagsIsRefused() {
        Snapshot tagged = snapshot().tags(List.of(new Tag("aws:cloudformation:stack-name", "db"))).build();
        List<Problem> problems = CopyRules.validate(MATRIX, request(tagged, US_EAST_1, "tagged-copy", null, true,
                List.of()), null, List.of());
        assertEquals(List.of(ProblemCode.TAG_SOURCE_RESERVED_PREFIX), problems.stream().map(Problem::code).toList());
        assertTrue(Problems.hasErrors(problems));
    }

    @Test
    void encryptedCrossRegionCopyWithoutKeyIsRefused() {
        CopyRequest request = request(snapshot().encrypted(true).build(), EU_WEST_1, "dr-copy", null, false,
                List.of());
        assertEquals(List.of(Problem.of(KmsRules.FIELD, ProblemCode.KMS_KEY_REQUIRED, "eu-west-1")),
                CopyRules.validate(MATRIX, request, null, List.of()));
    }

    @Test
    void elasticCrossRegionCopyIsRefusedInTheFullValidation() {
        Snapshot elastic = snapshot().engine(Engine.DOCUMENTDB_ELASTIC).identifier("f5e7c1a2-3b4d").build();
        CopyRequest request = request(elastic, EU_WEST_1, "elastic-copy", null, false, List.of());
        List<ProblemCode> codes = codes(request, null, List.of());
        assertEquals(List.of(ProblemCode.COPY_CROSS_REGION_UNSUPPORTED), codes);
    }

    @Test
    void everyProblemOfABadRequestIsReported() {
        Snapshot source = snapshot().status(SnapshotStatus.fromRds("creating", 10)).encrypted(true).build();
        CopyRequest request = request(source, CN_NORTH_1, "bad--name", null, false, List.of(new Tag("", "x")));
        List<ProblemCode> codes = codes(request, null, List.of());
        assertTrue(codes.containsAll(List.of(ProblemCode.COPY_SOURCE_NOT_AVAILABLE, ProblemCode.COPY_CROSS_PARTITION,
                ProblemCode.IDENTIFIER_DOUBLE_HYPHEN, ProblemCode.TAG_KEY_EMPTY, ProblemCode.KMS_KEY_REQUIRED)),
                codes.toString());
    }
}
