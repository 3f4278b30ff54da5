package dev.snapferry.core.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.EngineFamily;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CapabilityMatrixTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void defaultMatrixHasAnEntryForEveryEngine(Engine engine) {
        EngineCapabilities caps = MATRIX.forEngine(engine);
        assertNotNull(caps);
        assertEquals(engine, caps.engine());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void atMostFiveCopiesAreInFlightPerRegion(Engine engine) {
        assertEquals(5, MATRIX.forEngine(engine).maxCopiesInFlightPerRegion());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void encryptionRulesFollowTodaysAwsBehaviour(Engine engine) {
        EngineCapabilities caps = MATRIX.forEngine(engine);
        assertEquals(UnencryptedKeyRule.ERROR, caps.kmsKeyWithUnencryptedSource());
        assertTrue(caps.crossRegionEncryptedRequiresKey());
        assertTrue(caps.sharedEncryptedRequiresKey());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void tagLimitsAreTheAwsOnes(Engine engine) {
        TagSpec tags = MATRIX.forEngine(engine).tags();
        assertEquals(128, tags.maxKeyLength());
        assertEquals(256, tags.maxValueLength());
        assertEquals(50, tags.maxTags());
        // DocumentDB Elastic's model reserves only aws: (TagKey pattern ^(?!aws:)...); the RDS family also rds:.
        assertEquals(engine == Engine.DOCUMENTDB_ELASTIC ? List.of("aws:") : List.of("aws:", "rds:"),
                tags.reservedPrefixes());
        assertEquals(engine == Engine.DOCUMENTDB_ELASTIC ? TagFormat.MAP : TagFormat.LIST, tags.format());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void onlyAuroraFamilyTagKeysAllowTheAtSign(Engine engine) {
        boolean aurora = engine.family() == EngineFamily.AURORA;
        assertEquals(aurora, MATRIX.forEngine(engine).tags().allowsInKey('@'));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void tagValuesAllowTheAtSignOnAuroraAndDocumentDbElastic(Engine engine) {
        // DocumentDB Elastic's TagValue has no pattern at all (botocore docdb-elastic 2022-11-28 service-2.json).
        boolean allowed = engine.family() == EngineFamily.AURORA || engine == Engine.DOCUMENTDB_ELASTIC;
        assertEquals(allowed, MATRIX.forEngine(engine).tags().allowsInValue('@'));
    }

    @Test
    void documentDbNeedsAPresignedUrlForEveryCrossRegionCopy() {
        PresignedUrlRule rule = MATRIX.forEngine(Engine.DOCUMENTDB).presignedUrl();
        assertEquals(PresignedUrlRule.CROSS_REGION, rule);
        assertTrue(rule.required(true, false, false));
        assertFalse(rule.required(false, true, false));
    }

    /**
     * RDS API reference, CopyDBClusterSnapshot, PreSignedUrl (botocore rds/2014-10-31): "Use the PreSignedUrl
     * parameter when copying an encrypted DB cluster snapshot from another Amazon Web Services Region. [...] This
     * setting applies only to Amazon Web Services GovCloud (US) Regions. It's ignored in other [...] Regions."
     */
    @ParameterizedTest(name = "{0}: cross-region {1}, encrypted {2}, GovCloud {3} -> required {4}")
    @CsvSource(delimiter = '|', textBlock = """
        AURORA_MYSQL         | true  | true  | true  | true
        AURORA_MYSQL         | true  | true  | false | false
        AURORA_POSTGRESQL    | true  | true  | false | false
        RDS_MULTI_AZ_CLUSTER | true  | true  | false | false
        AURORA_POSTGRESQL    | true  | false | true  | false
        RDS_MULTI_AZ_CLUSTER | true  | true  | true  | true
        AURORA_MYSQL         | false | true  | true  | false
        """)
    void rdsEnginesNeedAPresignedUrlOnlyForEncryptedCopiesInGovCloud(Engine engine, boolean crossRegion,
                                                                     boolean encrypted, boolean govCloud,
                                                                     boolean required) {
        PresignedUrlRule rule = MATRIX.forEngine(engine).presignedUrl();
        assertEquals(PresignedUrlRule.GOVCLOUD_ONLY, rule);
        assertEquals(required, rule.required(crossRegion, encrypted, govCloud));
    }

    @Test
    void neptuneAndElasticNeverNeedAPresignedUrl() {
        assertEquals(PresignedUrlRule.NOT_SUPPORTED, MATRIX.forEngine(Engine.NEPTUNE).presignedUrl());
        assertEquals(PresignedUrlRule.NONE, MATRIX.forEngine(Engine.DOCUMENTDB_ELASTIC).presignedUrl());
        assertFalse(PresignedUrlRule.NOT_SUPPORTED.required(true, true, true));
        assertFalse(PresignedUrlRule.NONE.required(true, true, true));
    }

    @Test
    void elasticCopiesStayInTheirRegion() {
        EngineCapabilities elastic = MATRIX.forEngine(Engine.DOCUMENTDB_ELASTIC);
        assertFalse(elastic.crossRegionCopy());
        assertEquals(TagFormat.MAP, elastic.tags().format());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "DOCUMENTDB_ELASTIC", mode = EnumSource.Mode.EXCLUDE)
    void rdsFamilyEnginesCopyAcrossRegions(Engine engine) {
        assertEquals(ApiFamily.RDS, engine.api());
        assertTrue(MATRIX.forEngine(engine).crossRegionCopy());
    }

    @Test
    void sharedSnapshotsChangeRegionInOneStepWhereTheCurrentDocumentsSaySo() {
        // DocumentDB Elastic has no sharing at all; every RDS-family engine may copy a shared snapshot into another
        // Region in the same step (rds model since 2025-09-30; Aurora and Neptune guides; DocumentDB guide).
        assertEquals(SharedCrossRegionRule.NEVER,
                MATRIX.forEngine(Engine.DOCUMENTDB_ELASTIC).sharedCopyCrossRegion());
        for (Engine engine : List.of(Engine.AURORA_MYSQL, Engine.AURORA_POSTGRESQL, Engine.RDS_MULTI_AZ_CLUSTER,
                Engine.NEPTUNE, Engine.DOCUMENTDB)) {
            assertEquals(SharedCrossRegionRule.ALLOWED, MATRIX.forEngine(engine).sharedCopyCrossRegion(),
                    engine.name());
            assertTrue(MATRIX.forEngine(engine).sources().containsKey("sharedCopyCrossRegion"), engine.name());
        }
    }

    @Test
    void everyContestedRuleOfAwsRulesIsListedWithAReason() {
        Map<String, String> contested = MATRIX.contestedRules();
        assertFalse(contested.isEmpty());
        List<String> expected = List.of(
                "AURORA_MYSQL.kmsKeyWithUnencryptedSource",
                "AURORA_POSTGRESQL.kmsKeyWithUnencryptedSource",
                "RDS_MULTI_AZ_CLUSTER.kmsKeyWithUnencryptedSource",
                "AURORA_MYSQL.presignedUrl",
                "AURORA_POSTGRESQL.presignedUrl",
                "RDS_MULTI_AZ_CLUSTER.presignedUrl",
                "NEPTUNE.presignedUrl",
                "DOCUMENTDB.sharedCopyCrossRegion",
                "DOCUMENTDB_ELASTIC.crossRegionCopy");
        for (String rule : expected) {
            assertTrue(contested.containsKey(rule), rule + " missing from " + contested.keySet());
            assertFalse(contested.get(rule).isBlank(), rule);
        }
    }

    @Test
    void contestedReasonsNameTheirSources() {
        Map<String, String> contested = MATRIX.contestedRules();
        assertTrue(contested.get("AURORA_MYSQL.kmsKeyWithUnencryptedSource").contains("RDS API reference"));
        assertTrue(contested.get("NEPTUNE.presignedUrl").contains("Neptune API reference"));
        assertTrue(contested.get("AURORA_POSTGRESQL.presignedUrl").contains("GovCloud"));
        assertTrue(contested.get("NEPTUNE.sharedCopyCrossRegion").contains("neptune API model"));
        assertTrue(contested.get("AURORA_MYSQL.sharedCopyCrossRegion").contains("Aurora User Guide"));
        assertTrue(contested.get("DOCUMENTDB.sharedCopyCrossRegion").contains("DocumentDB API reference"));
        assertTrue(contested.get("DOCUMENTDB_ELASTIC.crossRegionCopy").contains("API reference"));
    }

    @Test
    void everyContestedKeyNamesAnEngineAndOneOfItsRules() {
        Set<String> rules = Arrays.stream(EngineCapabilities.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        for (String rule : MATRIX.contestedRules().keySet()) {
            String[] parts = rule.split("\\.");
            assertEquals(2, parts.length, rule);
            assertDoesNotThrow(() -> Engine.valueOf(parts[0]), rule);
            assertTrue(rules.contains(parts[1]), rule);
        }
    }
}
