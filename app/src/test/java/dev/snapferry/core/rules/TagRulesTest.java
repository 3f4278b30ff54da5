package dev.snapferry.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagRulesTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    private static final TagSpec RDS = MATRIX.forEngine(Engine.AURORA_MYSQL).tags();
    private static final TagSpec DOCDB = MATRIX.forEngine(Engine.DOCUMENTDB).tags();
    private static final String KEY = "tags[0].key";
    private static final String VALUE = "tags[0].value";
    /** U+20000, a CJK letter outside the Basic Multilingual Plane: one code point, two UTF-16 units. */
    private static final String SUPPLEMENTARY_LETTER = "\uD840\uDC00";

    private static List<ProblemCode> keyCodes(String key, TagSpec spec) {
        return TagRules.validateKey(KEY, key, spec).stream().map(Problem::code).toList();
    }

    private static List<ProblemCode> valueCodes(String value, TagSpec spec) {
        return TagRules.validateValue(VALUE, value, spec).stream().map(Problem::code).toList();
    }

    private static List<Tag> numberedTags(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new Tag("key" + i, "value" + i)).toList();
    }

    @Test
    void emptyKeyIsRefused() {
        assertEquals(List.of(Problem.of(KEY, ProblemCode.TAG_KEY_EMPTY)), TagRules.validateKey(KEY, "", RDS));
    }

    @Test
    void emptyValueIsAllowed() {
        assertEquals(List.of(), TagRules.validateValue(VALUE, "", RDS));
    }

    @Test
    void keyOf128CharactersIsAccepted() {
        assertEquals(List.of(), keyCodes("k".repeat(128), RDS));
    }

    @Test
    void keyOf129CharactersIsRefusedWithLimitAndLength() {
        assertEquals(List.of(Problem.of(KEY, ProblemCode.TAG_KEY_TOO_LONG, 128, 129)),
                TagRules.validateKey(KEY, "k".repeat(129), RDS));
    }

    @Test
    void valueOf256CharactersIsAccepted() {
        assertEquals(List.of(), valueCodes("v".repeat(256), RDS));
    }

    @Test
    void valueOf257CharactersIsRefusedWithLimitAndLength() {
        assertEquals(List.of(Problem.of(VALUE, ProblemCode.TAG_VALUE_TOO_LONG, 256, 257)),
                TagRules.validateValue(VALUE, "v".repeat(257), RDS));
    }

    @Test
    void keyLengthCountsSupplementaryLettersOnce() {
        assertEquals(List.of(), keyCodes(SUPPLEMENTARY_LETTER.repeat(128), RDS));
        assertEquals(List.of(Problem.of(KEY, ProblemCode.TAG_KEY_TOO_LONG, 128, 129)),
                TagRules.validateKey(KEY, SUPPLEMENTARY_LETTER.repeat(129), RDS));
    }

    @Test
    void valueLengthCountsSupplementaryLettersOnce() {
        assertEquals(List.of(), valueCodes(SUPPLEMENTARY_LETTER.repeat(256), RDS));
        assertEquals(List.of(ProblemCode.TAG_VALUE_TOO_LONG), valueCodes(SUPPLEMENTARY_LETTER.repeat(257), RDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:", "AWS:", "Aws:", "rds:", "RDS:", "Rds:"})
    void reservedPrefixOnKeyIsRefusedInAnyCase(String prefix) {
        assertEquals(List.of(Problem.of(KEY, ProblemCode.TAG_KEY_RESERVED_PREFIX, prefix)),
                TagRules.validateKey(KEY, prefix + "cloudformation:stack-name", RDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:", "AWS:", "Rds:"})
    void reservedPrefixOnValueIsRefusedInAnyCase(String prefix) {
        assertEquals(List.of(Problem.of(VALUE, ProblemCode.TAG_VALUE_RESERVED_PREFIX, prefix)),
                TagRules.validateValue(VALUE, prefix + "owner", RDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "awsome:team", "my-aws:key", "rds-owner", "x:aws:"})
    void reservedPrefixMustBeAtTheStart(String key) {
        assertEquals(List.of(), keyCodes(key, RDS));
    }

    @Test
    void atSignIsAllowedForAurora() {
        assertEquals(List.of(), keyCodes("owner@example.com", RDS));
        assertEquals(List.of(), valueCodes("dba@example.com", RDS));
    }

    @Test
    void atSignIsRefusedForDocumentDb() {
        assertEquals(List.of(ProblemCode.TAG_KEY_INVALID_CHARACTER), keyCodes("owner@example.com", DOCDB));
        assertEquals(List.of(ProblemCode.TAG_VALUE_INVALID_CHARACTER), valueCodes("dba@example.com", DOCDB));
    }

    @Test
    void invalidCharacterIsNamedWithTheAllowedSet() {
        assertEquals(List.of(Problem.of(KEY, ProblemCode.TAG_KEY_INVALID_CHARACTER, "\u201C@\u201D (U+0040)",
                "_ . : / = + -")), TagRules.validateKey(KEY, "a@b", DOCDB));
        assertEquals(List.of(Problem.of(KEY, ProblemCode.TAG_KEY_INVALID_CHARACTER, "\u201C#\u201D (U+0023)",
                "_ . : / = + - @")), TagRules.validateKey(KEY, "a#b", RDS));
    }

    @Test
    void zeroWidthSpaceIsRefused() {
        assertEquals(List.of(Problem.of(KEY, ProblemCode.TAG_KEY_INVALID_CHARACTER, "U+200B", "_ . : / = + - @")),
                TagRules.validateKey(KEY, "cost\u200Bcenter", RDS));
        assertEquals(List.of(ProblemCode.TAG_VALUE_INVALID_CHARACTER), valueCodes("team\u200B", RDS));
    }

    @Test
    void combiningMarkIsRefused() {
        // "é" written as e + U+0301: the mark is not a letter, digit or space.
        assertEquals(List.of(Problem.of(KEY, ProblemCode.TAG_KEY_INVALID_CHARACTER, "U+0301", "_ . : / = + - @")),
                TagRules.validateKey(KEY, "caf" + "e\u0301", RDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"مشروع", "פרויקט", "项目", "プロジェクト", "프로젝트", "café", "١٢٣", "Ⅻ",
            "cost center", "a_b.c:d/e=f+g-h", "2026"})
    void lettersDigitsSpacesAndPunctuationOfAnyScriptAreAccepted(String text) {
        assertEquals(List.of(), keyCodes(text, DOCDB));
        assertEquals(List.of(), valueCodes(text, DOCDB));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\there", "new\nline", "emoji\uD83D\uDE00", "percent%", "hash#", "star*",
            "comma,", "quote\"", "semi;"})
    void symbolsAndControlCharactersAreRefused(String text) {
        assertEquals(List.of(ProblemCode.TAG_KEY_INVALID_CHARACTER), keyCodes(text, RDS));
    }

    @Test
    void duplicateKeyIsReportedOnTheLaterRowNamingTheEarlierRow() {
        List<Tag> tags = List.of(new Tag("env", "prod"), new Tag("team", "dba"), new Tag("env", "test"));
        // Row numbers in messages count from one; field indexes count from zero.
        assertEquals(List.of(Problem.of("tags[2].key", ProblemCode.TAG_DUPLICATE_KEY, "env", 1)),
                TagRules.validateAll(tags, RDS));
    }

    @Test
    void keysDifferingOnlyInCaseAreNotDuplicates() {
        assertEquals(List.of(), TagRules.validateAll(List.of(new Tag("Env", "a"), new Tag("env", "b")), RDS));
    }

    @Test
    void repeatedEmptyKeysAreReportedAsEmptyNotAsDuplicates() {
        List<Problem> problems = TagRules.validateAll(List.of(new Tag("", "a"), new Tag("", "b")), RDS);
        assertEquals(List.of(Problem.of("tags[0].key", ProblemCode.TAG_KEY_EMPTY),
                Problem.of("tags[1].key", ProblemCode.TAG_KEY_EMPTY)), problems);
    }

    @Test
    void rowProblemsAreReportedOnTheirRow() {
        List<Tag> tags = List.of(new Tag("ok", "fine"), new Tag("aws:x", "v".repeat(257)));
        assertEquals(List.of(Problem.of("tags[1].key", ProblemCode.TAG_KEY_RESERVED_PREFIX, "aws:"),
                Problem.of("tags[1].value", ProblemCode.TAG_VALUE_TOO_LONG, 256, 257)),
                TagRules.validateAll(tags, RDS));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void fiftyTagsAreAccepted(Engine engine) {
        assertEquals(List.of(), TagRules.validateAll(numberedTags(50), MATRIX.forEngine(engine).tags()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void fiftyOneTagsAreRefused(Engine engine) {
        assertEquals(List.of(Problem.of("tags", ProblemCode.TAG_TOO_MANY, 50, 51)),
                TagRules.validateAll(numberedTags(51), MATRIX.forEngine(engine).tags()));
    }

    @Test
    void copiedTagsAreUsedWhenNoTagIsGiven() {
        List<Tag> source = List.of(new Tag("env", "prod"));
        assertEquals(source, TagRules.resultingTags(true, source, List.of()));
    }

    @Test
    void explicitTagsReplaceCopiedTags() {
        List<Tag> source = List.of(new Tag("env", "prod"), new Tag("team", "dba"));
        List<Tag> explicit = List.of(new Tag("purpose", "dr"));
        assertEquals(explicit, TagRules.resultingTags(true, source, explicit));
    }

    @Test
    void withoutCopyTagsOnlyExplicitTagsRemain() {
        List<Tag> source = List.of(new Tag("env", "prod"));
        List<Tag> explicit = List.of(new Tag("purpose", "dr"));
        assertEquals(explicit, TagRules.resultingTags(false, source, explicit));
        assertEquals(List.of(), TagRules.resultingTags(false, source, List.of()));
    }

    @Test
    void resultingTagsAreACopy() {
        List<Tag> source = new ArrayList<>(List.of(new Tag("env", "prod")));
        List<Tag> result = TagRules.resultingTags(true, source, List.of());
        source.add(new Tag("late", "x"));
        assertEquals(1, result.size());
    }

    @Test
    void reservedSourceTagIsRefusedWhenTagsAreCopied() {
        // AWS refuses the whole copy: sources in ProblemCode.TAG_SOURCE_RESERVED_PREFIX.
        List<Tag> source = List.of(new Tag("env", "prod"), new Tag("aws:cloudformation:stack-name", "db"));
        List<Problem> warnings = TagRules.sourceTagWarnings(true, source, List.of(), RDS);
        assertEquals(List.of(Problem.of("copyTags", ProblemCode.TAG_SOURCE_RESERVED_PREFIX,
                "aws:cloudformation:stack-name", "aws:")), warnings);
        assertEquals(Severity.ERROR, warnings.getFirst().severity());
        assertTrue(Problems.hasErrors(warnings));
    }

    @Test
    void reservedSourceTagIsIgnoredWhenTagsAreNotCopied() {
        List<Tag> source = List.of(new Tag("aws:cloudformation:stack-name", "db"));
        assertEquals(List.of(), TagRules.sourceTagWarnings(false, source, List.of(), RDS));
    }

    @Test
    void reservedSourceTagIsIgnoredWhenExplicitTagsReplaceThem() {
        List<Tag> source = List.of(new Tag("aws:cloudformation:stack-name", "db"));
        assertEquals(List.of(),
                TagRules.sourceTagWarnings(true, source, List.of(new Tag("purpose", "dr")), RDS));
    }

    @Test
    void ordinarySourceTagsGiveNoWarning() {
        assertTrue(TagRules.sourceTagWarnings(true, List.of(new Tag("env", "prod")), List.of(), RDS).isEmpty());
    }

    @Test
    void fieldNamesIndexRows() {
        assertEquals("tags[7].key", TagRules.keyField(7));
        assertEquals("tags[7].value", TagRules.valueField(7));
    }
}
