package dev.snapferry.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EngineTest {

    @ParameterizedTest
    @CsvSource({
        "aurora-mysql, AURORA_MYSQL",
        "aurora, AURORA_MYSQL",
        "aurora-postgresql, AURORA_POSTGRESQL",
        "mysql, RDS_MULTI_AZ_CLUSTER",
        "postgres, RDS_MULTI_AZ_CLUSTER",
        "docdb, DOCUMENTDB",
        "docdb-elastic, DOCUMENTDB_ELASTIC",
        "neptune, NEPTUNE"
    })
    void everyRawNameAwsReportsIsClassified(String raw, Engine engine) {
        assertEquals(Optional.of(engine), Engine.fromRaw(raw));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyRawNameOfAnEngineMapsBackToIt(Engine engine) {
        for (String raw : engine.rawNames()) {
            assertEquals(Optional.of(engine), Engine.fromRaw(raw), raw);
        }
        assertEquals(engine.rawNames().getFirst(), engine.canonicalRawName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aurora-MySQL", "AURORA-POSTGRESQL", " docdb", "neptune\n", "\tNeptune ", "DocDB"})
    void caseAndSurroundingWhitespaceAreIgnored(String raw) {
        assertTrue(Engine.fromRaw(raw).isPresent(), raw);
    }

    @Test
    void mixedCaseNamesMapToTheRightEngine() {
        assertEquals(Optional.of(Engine.AURORA_POSTGRESQL), Engine.fromRaw("  Aurora-PostgreSQL "));
        assertEquals(Optional.of(Engine.DOCUMENTDB), Engine.fromRaw("DOCDB"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"oracle-ee", "sqlserver-se", "aurora mysql", "aurora_mysql", "docdb elastic", "neptun",
            "  "})
    void unknownEngineGivesEmpty(String raw) {
        assertEquals(Optional.empty(), Engine.fromRaw(raw));
    }

    @Test
    void familiesAndApisMatchTheAwsClients() {
        assertEquals(EngineFamily.AURORA, Engine.RDS_MULTI_AZ_CLUSTER.family());
        assertEquals(ApiFamily.RDS, Engine.NEPTUNE.api());
        assertEquals(ApiFamily.RDS, Engine.DOCUMENTDB.api());
        assertEquals(ApiFamily.DOCDB_ELASTIC, Engine.DOCUMENTDB_ELASTIC.api());
        assertEquals(EngineFamily.DOCUMENTDB_ELASTIC, Engine.DOCUMENTDB_ELASTIC.family());
    }
}
