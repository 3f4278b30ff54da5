package dev.snapferry.core.rules;

import static dev.snapferry.core.model.SnapshotFixtures.AP_SOUTHEAST_2;
import static dev.snapferry.core.model.SnapshotFixtures.EU_WEST_1;
import static dev.snapferry.core.model.SnapshotFixtures.OWN_ACCOUNT;
import static dev.snapferry.core.model.SnapshotFixtures.US_EAST_1;
import static dev.snapferry.core.model.SnapshotFixtures.key;
import static dev.snapferry.core.model.SnapshotFixtures.snapshot;
import static dev.snapferry.core.rules.KmsRequirement.Need.FORBIDDEN;
import static dev.snapferry.core.rules.KmsRequirement.Need.OPTIONAL;
import static dev.snapferry.core.rules.KmsRequirement.Need.REQUIRED;
import static dev.snapferry.core.rules.KmsRulesMatrixTest.Key.DISABLED_KEY;
import static dev.snapferry.core.rules.KmsRulesMatrixTest.Key.GOOD_KEY;
import static dev.snapferry.core.rules.KmsRulesMatrixTest.Key.NO_KEY;
import static dev.snapferry.core.rules.KmsRulesMatrixTest.Key.WRONG_REGION_KEY;
import static dev.snapferry.core.rules.KmsRulesMatrixTest.Owner.OWN;
import static dev.snapferry.core.rules.KmsRulesMatrixTest.Owner.SHARED;
import static dev.snapferry.core.rules.KmsRulesMatrixTest.Where.CROSS_REGION;
import static dev.snapferry.core.rules.KmsRulesMatrixTest.Where.SAME_REGION;
import static dev.snapferry.core.rules.ProblemCode.KMS_KEY_FORBIDDEN;
import static dev.snapferry.core.rules.ProblemCode.KMS_KEY_NOT_USABLE;
import static dev.snapferry.core.rules.ProblemCode.KMS_KEY_REQUIRED;
import static dev.snapferry.core.rules.ProblemCode.KMS_KEY_WRONG_REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.KmsKeyState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The KMS side of a copy, against a table written from AWS's documents: each row is a situation (where the copy
 * goes, whether the source is encrypted, whose it is, which key is chosen) and AWS's documented answer (whether a
 * KmsKeyId is required, optional or refused, and the one error the copy has), with the sentence it comes from. The
 * table states answers, not rules: nothing here asks the matrix or restates {@link KmsRules}' branches.
 *
 * <p>The RDS-family rows hold for Aurora, RDS Multi-AZ DB clusters, DocumentDB and Neptune alike: the rds, docdb and
 * neptune models (2014-10-31) print the same sentences under CopyDBClusterSnapshotMessage$KmsKeyId (quoted in
 * {@code S_*}). DocumentDB Elastic has rows of its own from docdb-elastic (2022-11-28),
 * CopyClusterSnapshotInput$kmsKeyId; it has no sharing, so no shared rows.
 *
 * <p>The reason shown to the user ({@link KmsRequirement.Reason}) is Snapferry's wording, not AWS's behaviour, and is
 * not part of this table.
 */
class KmsRulesMatrixTest {

    enum Where { SAME_REGION, CROSS_REGION }

    enum Owner { OWN, SHARED }

    enum Key { NO_KEY, GOOD_KEY, DISABLED_KEY, WRONG_REGION_KEY }

    // CopyDBClusterSnapshotMessage$KmsKeyId, rds/docdb/neptune service-2.json, sentence by sentence.
    private static final String S_SAME_KEY = "KmsKeyId: \"If you don't specify a value for KmsKeyId, then the copy "
            + "of the DB cluster snapshot is encrypted with the same KMS key as the source DB cluster snapshot.\"";
    private static final String S_NEW_KEY = "KmsKeyId: \"If you copy an encrypted DB cluster snapshot from your "
            + "Amazon Web Services account, you can specify a value for KmsKeyId to encrypt the copy with a new KMS "
            + "key.\"";
    private static final String S_SHARED = "KmsKeyId: \"If you copy an encrypted DB cluster snapshot that is shared "
            + "from another Amazon Web Services account, then you must specify a value for KmsKeyId.\"";
    private static final String S_CROSS = "KmsKeyId: \"To copy an encrypted DB cluster snapshot to another Amazon Web "
            + "Services Region, you must set KmsKeyId to the Amazon Web Services KMS key identifier you want to use "
            + "to encrypt the copy of the DB cluster snapshot in the destination Amazon Web Services Region.\"";
    private static final String S_REGIONAL = "KmsKeyId: \"KMS keys are specific to the Amazon Web Services Region "
            + "that they are created in, and you can't use KMS keys from one Amazon Web Services Region in another "
            + "Amazon Web Services Region.\"";
    private static final String S_UNENCRYPTED = "KmsKeyId: \"If you copy an unencrypted DB cluster snapshot and "
            + "specify a value for the KmsKeyId parameter, an error is returned.\" (neptune: \"You cannot encrypt an "
            + "unencrypted DB cluster snapshot when you copy it.\") The parameter is refused before the key is looked "
            + "at, so a disabled or foreign key gives this error alone.";
    private static final String S_DISABLED = "CopyDBClusterSnapshot's declared KMSKeyNotAccessibleFault (\"An error "
            + "occurred accessing an Amazon Web Services KMS key\"); AWS KMS Developer Guide, Key states: a disabled "
            + "key cannot be used in cryptographic operations.";
    // CopyClusterSnapshotInput$kmsKeyId, docdb-elastic service-2.json.
    private static final String E_SAME_KEY = "kmsKeyId: \"If you don't specify a value for KmsKeyId, then the copy of "
            + "the elastic cluster snapshot is encrypted with the same AWS KMS key as the source\"";
    private static final String E_NEW_KEY = "kmsKeyId: \"you can specify a value for KmsKeyId to encrypt the copy "
            + "with a new ... KMS encryption key\"";
    private static final String E_CROSS = "kmsKeyId: \"To copy an encrypted elastic cluster snapshot to another Amazon "
            + "Web Services region, set KmsKeyId to the ... KMS key ID that you want to use to encrypt the copy of "
            + "the elastic cluster snapshot in the destination region.\"";
    private static final String E_REGIONAL = "kmsKeyId: \"... KMS encryption keys are specific to the Amazon Web "
            + "Services region that they are created in\"";
    private static final String E_UNENCRYPTED = "kmsKeyId: \"If you copy an unencrypted elastic cluster snapshot and "
            + "specify a value for the KmsKeyId parameter, an error is returned.\"";

    /** One situation and AWS's answer to it. */
    record Row(Where where, boolean encrypted, Owner owner, Key key, KmsRequirement.Need need,
               @Nullable ProblemCode error, String source) {
    }

    private static Row row(Where where, boolean encrypted, Owner owner, Key key, KmsRequirement.Need need,
                           @Nullable ProblemCode error, String source) {
        return new Row(where, encrypted, owner, key, need, error, source);
    }

    /** The RDS family: the same answers in the rds, docdb and neptune models. */
    static final List<Row> RDS_FAMILY = List.of(
            row(SAME_REGION, true, OWN, NO_KEY, OPTIONAL, null, S_SAME_KEY),
            row(SAME_REGION, true, OWN, GOOD_KEY, OPTIONAL, null, S_NEW_KEY),
            row(SAME_REGION, true, OWN, DISABLED_KEY, OPTIONAL, KMS_KEY_NOT_USABLE, S_DISABLED),
            row(SAME_REGION, true, OWN, WRONG_REGION_KEY, OPTIONAL, KMS_KEY_WRONG_REGION, S_REGIONAL),
            row(SAME_REGION, true, SHARED, NO_KEY, REQUIRED, KMS_KEY_REQUIRED, S_SHARED),
            row(SAME_REGION, true, SHARED, GOOD_KEY, REQUIRED, null, S_SHARED),
            row(SAME_REGION, true, SHARED, DISABLED_KEY, REQUIRED, KMS_KEY_NOT_USABLE, S_DISABLED),
            row(SAME_REGION, true, SHARED, WRONG_REGION_KEY, REQUIRED, KMS_KEY_WRONG_REGION, S_REGIONAL),
            row(CROSS_REGION, true, OWN, NO_KEY, REQUIRED, KMS_KEY_REQUIRED, S_CROSS),
            row(CROSS_REGION, true, OWN, GOOD_KEY, REQUIRED, null, S_CROSS),
            row(CROSS_REGION, true, OWN, DISABLED_KEY, REQUIRED, KMS_KEY_NOT_USABLE, S_DISABLED),
            row(CROSS_REGION, true, OWN, WRONG_REGION_KEY, REQUIRED, KMS_KEY_WRONG_REGION, S_REGIONAL),
            row(CROSS_REGION, true, SHARED, NO_KEY, REQUIRED, KMS_KEY_REQUIRED, S_CROSS + " " + S_SHARED),
            row(CROSS_REGION, true, SHARED, GOOD_KEY, REQUIRED, null, S_CROSS + " " + S_SHARED),
            row(CROSS_REGION, true, SHARED, DISABLED_KEY, REQUIRED, KMS_KEY_NOT_USABLE, S_DISABLED),
            row(CROSS_REGION, true, SHARED, WRONG_REGION_KEY, REQUIRED, KMS_KEY_WRONG_REGION, S_REGIONAL),
            row(SAME_REGION, false, OWN, NO_KEY, FORBIDDEN, null, S_UNENCRYPTED),
            row(SAME_REGION, false, OWN, GOOD_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED),
            row(SAME_REGION, false, OWN, DISABLED_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED),
            row(SAME_REGION, false, OWN, WRONG_REGION_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED),
            row(SAME_REGION, false, SHARED, NO_KEY, FORBIDDEN, null, S_UNENCRYPTED),
            row(SAME_REGION, false, SHARED, GOOD_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED),
            row(SAME_REGION, false, SHARED, DISABLED_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED),
            row(SAME_REGION, false, SHARED, WRONG_REGION_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED),
            row(CROSS_REGION, false, OWN, NO_KEY, FORBIDDEN, null, S_UNENCRYPTED),
            row(CROSS_REGION, false, OWN, GOOD_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED),
            row(CROSS_REGION, false, OWN, DISABLED_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED),
            row(CROSS_REGION, false, OWN, WRONG_REGION_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED),
            row(CROSS_REGION, false, SHARED, NO_KEY, FORBIDDEN, null, S_UNENCRYPTED),
            row(CROSS_REGION, false, SHARED, GOOD_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED),
            row(CROSS_REGION, false, SHARED, DISABLED_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED),
            row(CROSS_REGION, false, SHARED, WRONG_REGION_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, S_UNENCRYPTED));

    /**
     * DocumentDB Elastic, its own snapshots only (no sharing attribute in docdb-elastic). The cross-region rows are
     * the model's sentence; the copy itself never leaves its region (no source-region member), which
     * {@code CopyRules.checkDestination} refuses on its own.
     */
    static final List<Row> ELASTIC = List.of(
            row(SAME_REGION, true, OWN, NO_KEY, OPTIONAL, null, E_SAME_KEY),
            row(SAME_REGION, true, OWN, GOOD_KEY, OPTIONAL, null, E_NEW_KEY),
            row(SAME_REGION, true, OWN, DISABLED_KEY, OPTIONAL, KMS_KEY_NOT_USABLE, S_DISABLED),
            row(SAME_REGION, true, OWN, WRONG_REGION_KEY, OPTIONAL, KMS_KEY_WRONG_REGION, E_REGIONAL),
            row(CROSS_REGION, true, OWN, NO_KEY, REQUIRED, KMS_KEY_REQUIRED, E_CROSS),
            row(CROSS_REGION, true, OWN, GOOD_KEY, REQUIRED, null, E_CROSS),
            row(SAME_REGION, false, OWN, NO_KEY, FORBIDDEN, null, E_UNENCRYPTED),
            row(SAME_REGION, false, OWN, GOOD_KEY, FORBIDDEN, KMS_KEY_FORBIDDEN, E_UNENCRYPTED));

    static Stream<Arguments> situations() {
        List<Arguments> all = new ArrayList<>();
        for (Engine engine : List.of(Engine.AURORA_MYSQL, Engine.AURORA_POSTGRESQL, Engine.RDS_MULTI_AZ_CLUSTER,
                Engine.DOCUMENTDB, Engine.NEPTUNE)) {
            RDS_FAMILY.forEach(r -> all.add(Arguments.of(engine, r)));
        }
        ELASTIC.forEach(r -> all.add(Arguments.of(Engine.DOCUMENTDB_ELASTIC, r)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("situations")
    void kmsOutcomeIsWhatAwsDocuments(Engine engine, Row row) {
        RegionRef destination = row.where() == SAME_REGION ? US_EAST_1 : EU_WEST_1;
        var builder = snapshot().engine(engine).region(US_EAST_1).encrypted(row.encrypted());
        Snapshot source = (row.owner() == SHARED ? builder.sharedFromOtherAccount() : builder).build();
        KmsKey key = switch (row.key()) {
            case NO_KEY -> null;
            case GOOD_KEY -> key(destination, "alias/copies");
            case DISABLED_KEY -> key(destination, KmsKeyState.DISABLED, false, "alias/retired");
            case WRONG_REGION_KEY -> key(AP_SOUTHEAST_2, "alias/copies");
        };
        CopyContext ctx = new CopyContext(source, OWN_ACCOUNT, destination, key == null ? null : key.arn(), key);
        EngineCapabilities caps = CapabilityMatrix.loadDefault().forEngine(engine);

        assertEquals(row.need(), KmsRules.requirement(caps, ctx).need(), row.source());
        List<ProblemCode> actual = KmsRules.validate(caps, ctx).stream().filter(Problem::isError)
                .map(Problem::code).toList();
        assertEquals(row.error() == null ? List.of() : List.of(row.error()), actual, row.source());
    }
}
