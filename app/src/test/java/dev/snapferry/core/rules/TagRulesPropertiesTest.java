package dev.snapferry.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Tag;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class TagRulesPropertiesTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    private static final TagSpec RDS = MATRIX.forEngine(Engine.AURORA_POSTGRESQL).tags();
    private static final TagSpec DOCDB = MATRIX.forEngine(Engine.DOCUMENTDB).tags();
    /** AWS's documented tag character set (app/docs/aws-rules.md, Tags), and the RDS variant that adds {@code @}. */
    private static final Pattern AWS_CHARS = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-]*)$");
    private static final Pattern RDS_CHARS = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    private static final TagSpec ELASTIC = MATRIX.forEngine(Engine.DOCUMENTDB_ELASTIC).tags();
    /** DocumentDB Elastic's TagKey pattern, verbatim from botocore docdb-elastic 2022-11-28 service-2.json. */
    private static final Pattern ELASTIC_KEY = Pattern.compile("^(?!aws:)[a-zA-Z+-=._:/]+$");
    private static final Pattern FIELD = Pattern.compile("tags|tags\\[\\d+]\\.(key|value)");

    @Property(tries = 5000)
    void allowedCharactersAgreeWithTheAwsPattern(@ForAll("codePoints") int codePoint) {
        String text = new String(Character.toChars(codePoint));
        String hex = String.format("U+%04X", codePoint);
        assertEquals(AWS_CHARS.matcher(text).matches(), DOCDB.allowsInKey(codePoint), hex);
        assertEquals(AWS_CHARS.matcher(text).matches(), DOCDB.allowsInValue(codePoint), hex);
        assertEquals(RDS_CHARS.matcher(text).matches(), RDS.allowsInKey(codePoint), hex);
        assertEquals(RDS_CHARS.matcher(text).matches(), RDS.allowsInValue(codePoint), hex);
    }

    /**
     * An Elastic key is accepted exactly when the model's TagKey pattern and 1..128 length accept it, except that
     * Snapferry also refuses "aws:" in other cases (the AWS tagging guides reserve it in any case).
     */
    @Property(tries = 3000)
    void elasticKeysAreAcceptedExactlyWhenTheModelsPatternAcceptsThem(@ForAll("tagTexts") String key) {
        int length = key.codePointCount(0, key.length());
        boolean model = ELASTIC_KEY.matcher(key).matches() && length >= 1 && length <= 128;
        boolean anyCaseAws = key.regionMatches(true, 0, "aws:", 0, 4);
        boolean accepted = TagRules.validateKey("k", key, ELASTIC).stream().noneMatch(Problem::isError);
        assertEquals(model && !anyCaseAws, accepted, key);
    }

    /** An Elastic value has no pattern in the model: only its 0..256 length counts. */
    @Property(tries = 2000)
    void elasticValuesAreAcceptedExactlyWhenTheirLengthFits(@ForAll("tagTexts") String value) {
        boolean accepted = TagRules.validateValue("v", value, ELASTIC).stream().noneMatch(Problem::isError);
        assertEquals(value.codePointCount(0, value.length()) <= 256, accepted, value);
    }

    @Property(tries = 3000)
    void invalidCharacterIsReportedExactlyWhenThePatternRefusesTheText(@ForAll("codePoints") int codePoint) {
        String key = "k" + new String(Character.toChars(codePoint)) + "v";
        boolean refusedByPattern = !RDS_CHARS.matcher(key).matches();
        boolean reported = TagRules.validateKey("k", key, RDS).stream()
                .anyMatch(p -> p.code() == ProblemCode.TAG_KEY_INVALID_CHARACTER);
        assertEquals(refusedByPattern, reported, String.format("U+%04X", codePoint));
    }

    @Property(tries = 2000)
    void keyAndValueLengthsCountCodePoints(@ForAll("letterTexts") String text) {
        int codePoints = text.codePointCount(0, text.length());
        boolean keyTooLong = TagRules.validateKey("k", text, DOCDB).stream()
                .anyMatch(p -> p.code() == ProblemCode.TAG_KEY_TOO_LONG);
        boolean valueTooLong = TagRules.validateValue("v", text, DOCDB).stream()
                .anyMatch(p -> p.code() == ProblemCode.TAG_VALUE_TOO_LONG);
        assertEquals(codePoints > 128, keyTooLong, () -> codePoints + " code points, " + text.length() + " chars");
        assertEquals(codePoints > 256, valueTooLong, () -> codePoints + " code points, " + text.length() + " chars");
    }

    @Property(tries = 2000)
    void validateAllNeverThrowsAndNamesKnownFields(@ForAll("tagLists") List<Tag> tags, @ForAll Engine engine) {
        List<Problem> problems = TagRules.validateAll(tags, MATRIX.forEngine(engine).tags());
        for (Problem problem : problems) {
            assertTrue(FIELD.matcher(problem.field()).matches(), problem.toString());
            int row = problem.field().equals("tags") ? -1
                    : Integer.parseInt(problem.field().replaceAll("\\D", ""));
            assertTrue(row < tags.size(), problem.toString());
        }
        assertEquals(tags.size() > 50, problems.stream().anyMatch(p -> p.code() == ProblemCode.TAG_TOO_MANY));
    }

    /** Code points from every plane, weighted towards the Basic Multilingual Plane where most scripts live. */
    @Provide
    Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(0, 0x7F)),
                Tuple.of(5, Arbitraries.integers().between(0x80, 0xFFFF)),
                Tuple.of(3, Arbitraries.integers().between(0x10000, 0x3FFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x40000, Character.MAX_CODE_POINT)),
                Tuple.of(1, Arbitraries.of('@', '_', '.', ':', '/', '=', '+', '-', ' ', '\u00A0', '\u2028',
                        '\u2029', '\u3000', '\u200B', '\u0301', '\uFEFF', '#', '\\', '\t').map(c -> (int) c)));
    }

    /** Letters only, mixing one- and two-unit code points, around the 128 and 256 limits. */
    @Provide
    Arbitrary<String> letterTexts() {
        Arbitrary<String> letter = Arbitraries.of("a", "é", "Ж", "日", "\uD840\uDC00", "\uD835\uDC00", "\uD801\uDC00");
        return Combinators.combine(letter.list().ofMinSize(1).ofMaxSize(10),
                        Arbitraries.frequencyOf(
                                Tuple.of(3, Arbitraries.integers().between(120, 136)),
                                Tuple.of(3, Arbitraries.integers().between(248, 264)),
                                Tuple.of(1, Arbitraries.integers().between(1, 300))))
                .as((letters, count) -> {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < count; i++) {
                        out.append(letters.get(i % letters.size()));
                    }
                    return out.toString();
                });
    }

    /** Texts mixing the Elastic key class, its near misses, any code point, and the reserved prefixes. */
    @Provide
    Arbitrary<String> tagTexts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().withChars("aZ09+,-./:;<=_").ofMinLength(1).ofMaxLength(6)),
                Tuple.of(2, Arbitraries.of("aws:", "AWS:", "Aws:", "rds:", " ", "@", ">", "#", "*", "\u00C9")),
                Tuple.of(2, codePoints().map(Character::toString)),
                Tuple.of(1, Arbitraries.strings().withChars("ab").ofMinLength(120).ofMaxLength(300)));
        return piece.list().ofMaxSize(4).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<Tag>> tagLists() {
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ofMaxLength(20)),
                Tuple.of(2, Arbitraries.of("", "env", "aws:x", "Rds:", "team", "a@b")),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(120).ofMaxLength(300)),
                Tuple.of(1, codePoints().list().ofMaxSize(12).map(TagRulesPropertiesTest::fromCodePoints)));
        Arbitrary<Tag> tag = Combinators.combine(text, text).as(Tag::new);
        return Arbitraries.frequencyOf(
                Tuple.of(4, tag.list().ofMaxSize(8)),
                Tuple.of(1, tag.list().ofMinSize(45).ofMaxSize(60)));
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder out = new StringBuilder();
        codePoints.forEach(out::appendCodePoint);
        return out.toString();
    }
}
