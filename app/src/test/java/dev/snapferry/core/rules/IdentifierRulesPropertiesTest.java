package dev.snapferry.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class IdentifierRulesPropertiesTest {

    /** The AWS constraint written independently of the code under test; length and trailing hyphen checked apart. */
    private static final Pattern ORACLE = Pattern.compile("^[A-Za-z](?:[A-Za-z0-9]|-(?!-))*$");

    private static boolean oracleAccepts(String s) {
        int length = s.codePointCount(0, s.length());
        return length >= 1 && length <= 63 && ORACLE.matcher(s).matches() && !s.endsWith("-");
    }

    @Property(tries = 3000)
    void validateAgreesWithTheOracle(@ForAll("identifierLike") String identifier) {
        assertEquals(oracleAccepts(identifier), IdentifierRules.validate("id", identifier).isEmpty(),
                () -> "for '" + identifier + "' (" + identifier.length() + " chars): "
                        + IdentifierRules.validate("id", identifier));
    }

    @Property(tries = 2000)
    void validateReportsExactlyTheRulesThatAreBroken(@ForAll("identifierLike") String identifier) {
        Set<ProblemCode> expected = EnumSet.noneOf(ProblemCode.class);
        if (identifier.isEmpty()) {
            expected.add(ProblemCode.IDENTIFIER_EMPTY);
        } else {
            if (identifier.codePointCount(0, identifier.length()) > 63) {
                expected.add(ProblemCode.IDENTIFIER_TOO_LONG);
            }
            if (!identifier.substring(0, 1).matches("[A-Za-z]")) {
                expected.add(ProblemCode.IDENTIFIER_FIRST_NOT_LETTER);
            }
            if (!identifier.matches("[A-Za-z0-9-]*")) {
                expected.add(ProblemCode.IDENTIFIER_INVALID_CHARACTER);
            }
            if (identifier.endsWith("-")) {
                expected.add(ProblemCode.IDENTIFIER_TRAILING_HYPHEN);
            }
            if (identifier.contains("--")) {
                expected.add(ProblemCode.IDENTIFIER_DOUBLE_HYPHEN);
            }
        }
        List<Problem> problems = IdentifierRules.validate("id", identifier);
        assertEquals(expected, problems.stream().map(Problem::code).collect(Collectors.toSet()));
        assertEquals(expected.size(), problems.size(), "each rule is reported once");
    }

    @Property(tries = 3000)
    void derivedTargetNameIsAlwaysValid(@ForAll("sourceNames") String source, @ForAll("suffixes") String suffix) {
        String derived = IdentifierRules.deriveTargetName(source, suffix);
        assertTrue(derived.length() <= 63, derived);
        assertEquals(List.of(), IdentifierRules.validate("id", derived),
                () -> "deriveTargetName('" + source + "', '" + suffix + "') = '" + derived + "'");
    }

    @Property(tries = 2000)
    void derivedTargetNameOfAValidLowerCaseNameWithoutSuffixIsThatName(@ForAll("validIdentifiers") String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        assertEquals(lower, IdentifierRules.deriveTargetName(lower, ""));
    }

    @Property(tries = 2000)
    void firstFreeNeverCollidesAndStaysValid(@ForAll("validIdentifiers") String name,
                                             @ForAll("caseFlips") List<Boolean> flips,
                                             @ForAll("takenOthers") List<String> others) {
        List<String> taken = new ArrayList<>(others);
        taken.add(flipCase(name, flips));
        for (int round = 0; round < 4; round++) {
            String free = IdentifierRules.firstFree(name, taken);
            Set<String> lowerTaken = taken.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            assertFalse(lowerTaken.contains(free.toLowerCase(Locale.ROOT)), () -> free + " collides with " + taken);
            assertEquals(List.of(), IdentifierRules.validate("id", free), free);
            taken.add(flipCase(free, flips));
        }
    }

    @Property(tries = 2000)
    void checkUniqueIgnoresCase(@ForAll("validIdentifiers") String identifier,
                                @ForAll("caseFlips") List<Boolean> flips,
                                @ForAll("takenOthers") List<String> others) {
        List<String> existing = new ArrayList<>(others);
        boolean clash = others.stream().anyMatch(o -> o.equalsIgnoreCase(identifier));
        assertEquals(clash, IdentifierRules.checkUnique("id", identifier, existing, "eu-west-1").isPresent());
        existing.add(flipCase(identifier, flips));
        assertTrue(IdentifierRules.checkUnique("id", identifier, existing, "eu-west-1").isPresent());
        assertTrue(IdentifierRules.checkUnique("id", flipCase(identifier, flips.reversed()), existing, "eu-west-1")
                .isPresent());
    }

    private static String flipCase(String text, List<Boolean> flips) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean flip = !flips.isEmpty() && flips.get(i % flips.size());
            out.append(flip ? (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> identifierLike() {
        Arbitrary<String> nearlyValid = Arbitraries.strings().withChars("abzAZ09-").ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> mixed = Arbitraries.strings()
                .withChars("aZ9-_ .:é\u00DF\u0130\u212A\u0301\u200B\u65E5\n\t")
                .withCharRange('a', 'z').ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> withSupplementary = Combinators.combine(validIdentifiers(),
                Arbitraries.of("\uD83D\uDE00", "\uD840\uDC00", "\uD835\uDC00"), Arbitraries.integers().between(0, 64))
                .as((id, extra, at) -> {
                    int cut = Math.min(at, id.length());
                    return id.substring(0, cut) + extra + id.substring(cut);
                });
        Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(70);
        return Arbitraries.frequencyOf(
                Tuple.of(4, nearlyValid),
                Tuple.of(3, validIdentifiers()),
                Tuple.of(3, boundaryLengths()),
                Tuple.of(2, mixed),
                Tuple.of(1, withSupplementary),
                Tuple.of(1, anyText));
    }

    /** Valid identifiers, mostly short, some close to the 63-character limit. */
    @Provide
    Arbitrary<String> validIdentifiers() {
        Arbitrary<String> first = Arbitraries.chars().range('a', 'z').range('A', 'Z').map(String::valueOf);
        Arbitrary<String> block = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> rest = block.list().ofMinSize(0).ofMaxSize(8).map(parts -> String.join("-", parts));
        return Combinators.combine(first, rest).as((f, r) -> f + r)
                .map(s -> s.length() > 63 ? trimToValid(s.substring(0, 63)) : s)
                .edgeCases(config -> config.add("a").add("a".repeat(63)).add("a-b".repeat(21)));
    }

    /** Strings of 62 to 65 characters that are valid or break one rule or another near the end. */
    private Arbitrary<String> boundaryLengths() {
        Arbitrary<String> body = Arbitraries.strings().withCharRange('a', 'z').withChars('0', '7', '-')
                .ofMinLength(61).ofMaxLength(64).map(b -> b.replace("--", "-x"));
        return Combinators.combine(Arbitraries.of("a", "Q", "1", "-"), body, Arbitraries.of("", "z", "-", "é"),
                        Arbitraries.integers().between(62, 65))
                .as((first, b, tail, length) -> {
                    String s = first + b + tail;
                    return s.substring(0, Math.min(s.length(), length));
                });
    }

    private static String trimToValid(String s) {
        String trimmed = s;
        while (trimmed.endsWith("-")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    @Provide
    Arbitrary<String> sourceNames() {
        Arbitrary<String> plain = Arbitraries.strings().ofMinLength(0).ofMaxLength(120);
        Arbitrary<String> asciiish = Arbitraries.strings().withChars("aZ9-_:/ .@").withCharRange('a', 'z')
                .ofMinLength(0).ofMaxLength(140);
        Arbitrary<String> automated = asciiish.map(s -> "rds:" + s);
        Arbitrary<String> arns = Combinators.combine(Arbitraries.of("rds:", "RDS:", ""), asciiish,
                Arbitraries.of(":cluster-snapshot:", ":cluster-snapshot/", "/", ":"))
                .as((rds, name, sep) -> "arn:aws:rds:us-west-2:123456789012" + sep + rds + name);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(80);
        return Arbitraries.frequencyOf(
                Tuple.of(3, asciiish),
                Tuple.of(2, automated),
                Tuple.of(2, arns),
                Tuple.of(2, plain),
                Tuple.of(1, unicode),
                Tuple.of(1, validIdentifiers()))
                .injectNull(0.02);
    }

    @Provide
    Arbitrary<String> suffixes() {
        Arbitrary<String> shortOnes = Arbitraries.of("", "copy", "Copy #2", "2026-11-01", "--", "_", "日本");
        Arbitrary<String> longOnes = Arbitraries.strings().withChars("ab9-_ ").ofMinLength(55).ofMaxLength(80);
        Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(90);
        return Arbitraries.frequencyOf(Tuple.of(3, shortOnes), Tuple.of(2, longOnes), Tuple.of(2, anyText))
                .injectNull(0.02);
    }

    @Provide
    Arbitrary<List<Boolean>> caseFlips() {
        return Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(7);
    }

    @Provide
    Arbitrary<List<String>> takenOthers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, validIdentifiers()),
                Tuple.of(1, Arbitraries.strings().withChars("ab-2").ofMaxLength(6)))
                .list().ofMaxSize(6);
    }
}
