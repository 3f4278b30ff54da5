package dev.snapferry.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.snapferry.core.model.Engine;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules for tags set on snapshots of several engines at once (the audit's "Set tags"): a tag passes only when
 * every engine's API accepts it, since Elastic's set and the RDS family's overlap without one containing the other.
 */
class TagSpecStrictestTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    private static final TagSpec ELASTIC = MATRIX.forEngine(Engine.DOCUMENTDB_ELASTIC).tags();
    private static final TagSpec AURORA = MATRIX.forEngine(Engine.AURORA_MYSQL).tags();
    private static final TagSpec DOCDB = MATRIX.forEngine(Engine.DOCUMENTDB).tags();

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("CostCenter", true),
                Arguments.of("Cost Center", false),
                Arguments.of("rds:owner", false),
                Arguments.of("a1,b", false),
                Arguments.of("team-1/env.x_y:z=+", true),
                Arguments.of("AWS:x", false));
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("a@b.com", true),
                Arguments.of("x,y", false),
                Arguments.of("\u00C9quipe", true),
                Arguments.of("aws:x", false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("keys")
    void aKeyPassesForElasticAndAuroraTogetherOnlyWhenBothAcceptIt(String key, boolean accepted) {
        for (List<TagSpec> order : List.of(List.of(ELASTIC, AURORA), List.of(AURORA, ELASTIC))) {
            TagSpec both = TagSpec.strictest(order);
            assertEquals(accepted, TagRules.validateKey("k", key, both).isEmpty(), () -> key + " with " + order);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("values")
    void aValuePassesForElasticAndAuroraTogetherOnlyWhenBothAcceptIt(String value, boolean accepted) {
        TagSpec both = TagSpec.strictest(List.of(ELASTIC, AURORA));
        assertEquals(accepted, TagRules.validateValue("v", value, both).isEmpty(), value);
    }

    @Test
    void documentDbTakesAwayTheAtSignThatAuroraAllows() {
        TagSpec all = TagSpec.strictest(List.of(AURORA, ELASTIC, DOCDB));
        assertEquals(ProblemCode.TAG_VALUE_INVALID_CHARACTER,
                TagRules.validateValue("v", "a@b.com", all).getFirst().code());
    }

    @Test
    void oneEnginesRulesAreThatEnginesRules() {
        assertSame(ELASTIC, TagSpec.strictest(List.of(ELASTIC, ELASTIC)));
    }
}
