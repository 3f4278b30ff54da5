package dev.snapferry.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Tag;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DocumentDB Elastic's tag rules as its service model states them (botocore docdb-elastic 2022-11-28
 * service-2.json): TagKey {@code ^(?!aws:)[a-zA-Z+-=._:/]+$}, 1..128; TagValue 0..256, no pattern. Inside the
 * class, {@code +-=} is the range U+002B..U+003D, so digits and {@code , - . / : ; <} pass. The expected answers
 * below are AWS's, read from the model; "AWS:" in capitals is the one place Snapferry is stricter (the AWS tagging
 * guides reserve aws: in any case).
 */
class ElasticTagRulesTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    private static final TagSpec ELASTIC = MATRIX.forEngine(Engine.DOCUMENTDB_ELASTIC).tags();
    private static final TagSpec AURORA = MATRIX.forEngine(Engine.AURORA_MYSQL).tags();

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("Cost Center", false, "a space is outside the class"),
                Arguments.of("CostCenter", true, "ASCII letters"),
                Arguments.of("\u00C9quipe", false, "\u00C9 is not ASCII"),
                Arguments.of("\u65E5\u672C", false, "no letters beyond a-z A-Z"),
                Arguments.of("rds:owner", true, "only aws: is reserved"),
                Arguments.of("a1,b;c<", true, "digits , ; < are in the range +..="),
                Arguments.of("team-1/env.x_y:z=+", true, "every listed symbol"),
                Arguments.of("a@b", false, "@ is U+0040, past ="),
                Arguments.of("x>y", false, "> is U+003E, past ="),
                Arguments.of("#1", false, "# is U+0023, before +"),
                Arguments.of("aws:x", false, "reserved prefix (the pattern's lookahead)"),
                Arguments.of("AWS:x", false, "reserved in any case (tagging guide; Snapferry is stricter)"),
                Arguments.of("xaws:", true, "the prefix only counts at the start"),
                Arguments.of("", false, "min length 1"),
                Arguments.of("k".repeat(128), true, "max length 128"),
                Arguments.of("k".repeat(129), false, "129 > 128"));
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("a@b.com", true),
                Arguments.of("x,y", true),
                Arguments.of("#1", true),
                Arguments.of("\u00C9quipe \u00FCn\u00EFcode", true),
                Arguments.of("Cost Center", true),
                Arguments.of("aws:anything", true),
                Arguments.of("", true),
                Arguments.of("v".repeat(256), true),
                Arguments.of("v".repeat(257), false));
    }

    @ParameterizedTest(name = "[{index}] {0}: {2}")
    @MethodSource("keys")
    void keysAreAcceptedExactlyAsTheModelSays(String key, boolean accepted, String why) {
        List<Problem> problems = TagRules.validateKey("k", key, ELASTIC);
        assertEquals(accepted, problems.stream().noneMatch(Problem::isError), () -> why + ": " + problems);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("values")
    void valuesAreAcceptedExactlyAsTheModelSays(String value, boolean accepted) {
        List<Problem> problems = TagRules.validateValue("v", value, ELASTIC);
        assertEquals(accepted, problems.stream().noneMatch(Problem::isError), problems::toString);
    }

    @Test
    void aSpaceInAKeyIsExplainedWithTheAsciiCharactersElasticTakes() {
        assertEquals(List.of(Problem.of("k", ProblemCode.TAG_KEY_INVALID_ASCII_CHARACTER, "\u201C \u201D (U+0020)",
                "+ , - . / 0\u20139 : ; < = A\u2013Z _ a\u2013z")), TagRules.validateKey("k", "Cost Center", ELASTIC));
    }

    @Test
    void anAccentedLetterInAKeyIsNamedWithItsCodePoint() {
        Problem problem = TagRules.validateKey("k", "\u00C9quipe", ELASTIC).getFirst();
        assertEquals(ProblemCode.TAG_KEY_INVALID_ASCII_CHARACTER, problem.code());
        assertEquals("\u201C\u00C9\u201D (U+00C9)", problem.args().getFirst());
    }

    @Test
    void anAwsPrefixedKeyIsReportedAsReservedNotAsABadCharacter() {
        assertEquals(List.of(Problem.of("k", ProblemCode.TAG_KEY_RESERVED_PREFIX, "AWS:")),
                TagRules.validateKey("k", "AWS:x", ELASTIC));
    }

    @Test
    void copyingSourceTagsWarnsOnlyAboutAwsPrefixedKeysNotRdsOnes() {
        List<Tag> source = List.of(new Tag("rds:owner", "x"), new Tag("aws:backup", "y"));
        List<Problem> warnings = TagRules.sourceTagWarnings(true, source, List.of(), ELASTIC);
        assertEquals(List.of(Problem.of("copyTags", ProblemCode.TAG_SOURCE_RESERVED_PREFIX, "aws:backup", "aws:")),
                warnings);
    }

    @Test
    void fiftyTagsFitAndFiftyOneDoNot() {
        List<Tag> fifty = java.util.stream.IntStream.range(0, 50).mapToObj(i -> new Tag("k" + i, "")).toList();
        assertTrue(TagRules.validateAll(fifty, ELASTIC).isEmpty());
        List<Tag> more = Stream.concat(fifty.stream(), Stream.of(new Tag("k50", ""))).toList();
        assertEquals(List.of(Problem.of("tags", ProblemCode.TAG_TOO_MANY, 50, 51)),
                TagRules.validateAll(more, ELASTIC));
    }

    @Test
    void theRdsFamilyRulesAreUnchanged() {
        assertTrue(TagRules.validateKey("k", "Cost Center", AURORA).isEmpty());
        assertTrue(TagRules.validateKey("k", "\u00C9quipe", AURORA).isEmpty());
        assertEquals(ProblemCode.TAG_KEY_RESERVED_PREFIX,
                TagRules.validateKey("k", "rds:owner", AURORA).getFirst().code());
        assertEquals(ProblemCode.TAG_VALUE_INVALID_CHARACTER,
                TagRules.validateValue("v", "x,y", AURORA).getFirst().code());
        assertEquals(ProblemCode.TAG_VALUE_RESERVED_PREFIX,
                TagRules.validateValue("v", "aws:x", AURORA).getFirst().code());
    }
}
