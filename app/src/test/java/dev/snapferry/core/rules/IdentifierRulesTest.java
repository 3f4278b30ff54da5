package dev.snapferry.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierRulesTest {

    private static final String FIELD = "targetIdentifier";

    private static List<ProblemCode> codes(String identifier) {
        return IdentifierRules.validate(FIELD, identifier).stream().map(Problem::code).toList();
    }

    private static String letters(int count) {
        return "a".repeat(count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aurora-cluster1-snapshot-20161115", "my-cluster-snapshot1", "a", "A1", "Prod-Copy-2"})
    void identifiersFromTheAwsReferenceAreAccepted(String identifier) {
        assertEquals(List.of(), IdentifierRules.validate(FIELD, identifier));
        assertTrue(IdentifierRules.isValid(identifier));
    }

    @Test
    void emptyIdentifierIsRefused() {
        assertEquals(List.of(Problem.of(FIELD, ProblemCode.IDENTIFIER_EMPTY)), IdentifierRules.validate(FIELD, ""));
    }

    @Test
    void nullIdentifierIsRefusedAsEmpty() {
        assertEquals(List.of(ProblemCode.IDENTIFIER_EMPTY), codes(null));
    }

    @Test
    void identifierOf63CharactersIsAccepted() {
        assertEquals(List.of(), codes(letters(63)));
    }

    @Test
    void identifierOf64CharactersIsRefusedWithLimitAndLength() {
        assertEquals(List.of(Problem.of(FIELD, ProblemCode.IDENTIFIER_TOO_LONG, 63, 64)),
                IdentifierRules.validate(FIELD, letters(64)));
    }

    @Test
    void identifierStartingWithDigitIsRefused() {
        assertEquals(List.of(ProblemCode.IDENTIFIER_FIRST_NOT_LETTER), codes("1st-snapshot"));
    }

    @Test
    void identifierStartingWithHyphenIsRefused() {
        assertEquals(List.of(ProblemCode.IDENTIFIER_FIRST_NOT_LETTER), codes("-snapshot"));
    }

    @Test
    void underscoreIsRefusedWithItsPosition() {
        assertEquals(List.of(Problem.of(FIELD, ProblemCode.IDENTIFIER_INVALID_CHARACTER, "_", 3)),
                IdentifierRules.validate(FIELD, "my_snapshot"));
    }

    @Test
    void unicodeLetterIsRefusedWithItsPosition() {
        assertEquals(List.of(Problem.of(FIELD, ProblemCode.IDENTIFIER_INVALID_CHARACTER, "é", 4)),
                IdentifierRules.validate(FIELD, "café-snapshot"));
    }

    @Test
    void unicodeLetterFirstIsRefusedAsNotALetterAndInvalid() {
        assertEquals(List.of(ProblemCode.IDENTIFIER_FIRST_NOT_LETTER, ProblemCode.IDENTIFIER_INVALID_CHARACTER),
                codes("éclair"));
    }

    @Test
    void spaceIsRefusedAndShownAsCodePoint() {
        assertEquals(List.of(Problem.of(FIELD, ProblemCode.IDENTIFIER_INVALID_CHARACTER, "U+0020", 3)),
                IdentifierRules.validate(FIELD, "my snapshot"));
    }

    @Test
    void positionOfInvalidCharacterCountsCodePoints() {
        // A supplementary character is one position, not two UTF-16 units.
        assertEquals(List.of(Problem.of(FIELD, ProblemCode.IDENTIFIER_INVALID_CHARACTER, "\uD840\uDC00", 2)),
                IdentifierRules.validate(FIELD, "a\uD840\uDC00b"));
    }

    @Test
    void trailingHyphenIsRefused() {
        assertEquals(List.of(Problem.of(FIELD, ProblemCode.IDENTIFIER_TRAILING_HYPHEN)),
                IdentifierRules.validate(FIELD, "snapshot-"));
    }

    @Test
    void doubleHyphenIsRefused() {
        assertEquals(List.of(Problem.of(FIELD, ProblemCode.IDENTIFIER_DOUBLE_HYPHEN)),
                IdentifierRules.validate(FIELD, "my--snapshot"));
    }

    @Test
    void everyBrokenRuleIsReported() {
        String identifier = "9" + "a".repeat(62) + "_--";
        assertEquals(List.of(ProblemCode.IDENTIFIER_TOO_LONG, ProblemCode.IDENTIFIER_FIRST_NOT_LETTER,
                ProblemCode.IDENTIFIER_INVALID_CHARACTER, ProblemCode.IDENTIFIER_TRAILING_HYPHEN,
                ProblemCode.IDENTIFIER_DOUBLE_HYPHEN), codes(identifier));
    }

    @Test
    void problemsAreReportedOnTheGivenField() {
        assertEquals("copy.target", IdentifierRules.validate("copy.target", "").getFirst().field());
    }

    @Test
    void takenIdentifierIsFoundIgnoringCase() {
        Optional<Problem> problem = IdentifierRules.checkUnique(FIELD, "Prod-Copy", List.of("other", "prod-copy"),
                "eu-west-1");
        assertEquals(Optional.of(Problem.of(FIELD, ProblemCode.IDENTIFIER_TAKEN, "prod-copy", "eu-west-1")),
                problem);
    }

    @Test
    void upperCaseExistingIdentifierTakesLowerCaseTarget() {
        assertTrue(IdentifierRules.checkUnique(FIELD, "prod-copy", List.of("PROD-COPY"), "eu-west-1").isPresent());
    }

    @Test
    void freeIdentifierIsNotReported() {
        assertEquals(Optional.empty(),
                IdentifierRules.checkUnique(FIELD, "prod-copy", List.of("prod-copy-2", "prod"), "eu-west-1"));
    }

    @Test
    void automatedPrefixIsDroppedFromDerivedName() {
        assertEquals("prod-cluster-2026-11-01-05-10",
                IdentifierRules.deriveTargetName("rds:prod-cluster-2026-11-01-05-10", ""));
    }

    @Test
    void suffixIsJoinedWithHyphen() {
        assertEquals("prod-cluster-2026-11-01-05-10-copy",
                IdentifierRules.deriveTargetName("rds:prod-cluster-2026-11-01-05-10", "copy"));
    }

    @Test
    void suffixIsSanitised() {
        assertEquals("prod-copy-2", IdentifierRules.deriveTargetName("prod", "Copy #2"));
    }

    @Test
    void longSourceIsShortenedToMakeRoomForTheSuffix() {
        String source = "a" + "b-c".repeat(20) + "dd";
        assertEquals(63, source.length());
        String derived = IdentifierRules.deriveTargetName(source, "copy");
        assertTrue(derived.length() <= 63, derived);
        assertTrue(derived.endsWith("-copy"), derived);
        assertTrue(source.startsWith(derived.substring(0, derived.length() - "-copy".length())), derived);
        assertEquals(List.of(), codes(derived));
    }

    @Test
    void shorteningNeverLeavesAHyphenBeforeTheSuffix() {
        // Cut at 58 characters the base would end in a hyphen: it must not become "--copy".
        String source = "a".repeat(57) + "-bcdef";
        String derived = IdentifierRules.deriveTargetName(source, "copy");
        assertEquals("a".repeat(57) + "-copy", derived);
    }

    @Test
    void clusterSnapshotArnGivesTheSnapshotName() {
        assertEquals("foo-2026",
                IdentifierRules.deriveTargetName("arn:aws:rds:us-west-2:123456789012:cluster-snapshot:rds:foo-2026",
                        ""));
        assertEquals("aurora-cluster1-snapshot-20161115", IdentifierRules.deriveTargetName(
                "arn:aws:rds:us-west-2:123456789012:cluster-snapshot:aurora-cluster1-snapshot-20161115", ""));
    }

    @Test
    void elasticSnapshotArnGivesTheSnapshotId() {
        assertEquals("f5e7c1a2-3b4d", IdentifierRules.deriveTargetName(
                "arn:aws:docdb-elastic:us-east-1:123456789012:cluster-snapshot/f5e7c1a2-3b4d", ""));
    }

    @Test
    void nameStartingWithDigitGetsALetterFirst() {
        String derived = IdentifierRules.deriveTargetName("2026-backup", "");
        assertEquals("s-2026-backup", derived);
        assertEquals(List.of(), codes(derived));
    }

    @Test
    void upperCaseAndInvalidRunsAreFolded() {
        assertEquals("my-snapshot-name", IdentifierRules.deriveTargetName("  My__Snapshot  Name!! ", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "___", "日本語", "--", "rds:", "  "})
    void nameWithNothingUsableFallsBackToSnapshot(String source) {
        assertEquals("snapshot", IdentifierRules.deriveTargetName(source, ""));
        assertEquals("snapshot-copy", IdentifierRules.deriveTargetName(source, "copy"));
    }

    @Test
    void nullSourceAndSuffixFallBackToSnapshot() {
        assertEquals("snapshot", IdentifierRules.deriveTargetName(null, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 61, 62, 63, 64, 100})
    void veryLongSuffixStillGivesValidName(int suffixLength) {
        String derived = IdentifierRules.deriveTargetName("prod", "c".repeat(suffixLength));
        assertEquals(List.of(), codes(derived), derived);
    }

    @Test
    void firstFreeKeepsAFreeName() {
        assertEquals("prod-copy", IdentifierRules.firstFree("prod-copy", Set.of("prod", "prod-copy-2")));
    }

    @Test
    void firstFreeNumbersACollision() {
        assertEquals("prod-copy-2", IdentifierRules.firstFree("prod-copy", Set.of("prod-copy")));
        assertEquals("prod-copy-3", IdentifierRules.firstFree("prod-copy", Set.of("prod-copy", "prod-copy-2")));
    }

    @Test
    void firstFreeComparesIgnoringCase() {
        assertEquals("prod-copy-3", IdentifierRules.firstFree("Prod-Copy", Set.of("PROD-COPY", "Prod-Copy-2")));
    }

    @Test
    void firstFreeKeepsLongNamesWithin63Characters() {
        String name = "a".repeat(60) + "-bc";
        Set<String> taken = new HashSet<>();
        taken.add(name.toUpperCase(Locale.ROOT));
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String free = IdentifierRules.firstFree(name, taken);
            assertTrue(free.length() <= 63, free);
            assertEquals(List.of(), codes(free), free);
            assertFalse(taken.contains(free) || taken.contains(free.toUpperCase(Locale.ROOT)), free);
            taken.add(free);
            results.add(free);
        }
        assertEquals("a".repeat(60) + "-2", results.getFirst());
        assertEquals("a".repeat(60) + "-13", results.getLast());
    }
}
