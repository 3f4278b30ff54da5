package dev.snapferry.core.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Snapshot identifier rules, the same for all four engines: 1 to 63 ASCII letters, digits or hyphens, a letter
 * first, no trailing hyphen, no two hyphens in a row. Identifiers are not case-sensitive: AWS stores them in lower
 * case and they are unique per account and region regardless of case.
 */
public final class IdentifierRules {

    public static final int MAX_LENGTH = 63;
    /** Used when nothing of a source name survives sanitising. */
    static final String FALLBACK_NAME = "snapshot";

    private IdentifierRules() {
    }

    /** Every rule {@code identifier} breaks, reported on {@code field}; empty when it is valid. */
    public static List<Problem> validate(String field, String identifier) {
        List<Problem> problems = new ArrayList<>();
        if (identifier == null || identifier.isEmpty()) {
            problems.add(Problem.of(field, ProblemCode.IDENTIFIER_EMPTY));
            return problems;
        }
        int length = identifier.codePointCount(0, identifier.length());
        if (length > MAX_LENGTH) {
            problems.add(Problem.of(field, ProblemCode.IDENTIFIER_TOO_LONG, MAX_LENGTH, length));
        }
        if (!isAsciiLetter(identifier.charAt(0))) {
            problems.add(Problem.of(field, ProblemCode.IDENTIFIER_FIRST_NOT_LETTER));
        }
        int position = 1;
        for (int i = 0; i < identifier.length(); ) {
            int cp = identifier.codePointAt(i);
            if (!(cp < 128 && (isAsciiLetter((char) cp) || Character.isDigit(cp) || cp == '-'))) {
                problems.add(Problem.of(field, ProblemCode.IDENTIFIER_INVALID_CHARACTER, printable(cp), position));
                break;
            }
            i += Character.charCount(cp);
            position++;
        }
        if (identifier.endsWith("-")) {
            problems.add(Problem.of(field, ProblemCode.IDENTIFIER_TRAILING_HYPHEN));
        }
        if (identifier.contains("--")) {
            problems.add(Problem.of(field, ProblemCode.IDENTIFIER_DOUBLE_HYPHEN));
        }
        return problems;
    }

    public static boolean isValid(String identifier) {
        return validate("identifier", identifier).isEmpty();
    }

    /** AWS's stored form of an identifier. */
    public static String normalize(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    /**
     * Reports {@link ProblemCode#IDENTIFIER_TAKEN} when {@code identifier} equals, ignoring case, one of
     * {@code existing} (the identifiers of the destination account and region).
     */
    public static Optional<Problem> checkUnique(String field, String identifier, Collection<String> existing,
                                                String region) {
        String wanted = normalize(identifier);
        for (String taken : existing) {
            if (normalize(taken).equals(wanted)) {
                return Optional.of(Problem.of(field, ProblemCode.IDENTIFIER_TAKEN, wanted, region));
            }
        }
        return Optional.empty();
    }

    /**
     * A valid target identifier derived from any source name: drops an ARN's prefix and an automated snapshot's
     * {@code rds:} prefix, lower-cases, turns every run of other characters into one hyphen, makes sure it starts
     * with a letter, and shortens the base so that {@code base + suffix} fits in 63 characters. The suffix is
     * sanitised the same way; pass {@code ""} for none.
     */
    public static String deriveTargetName(@Nullable String sourceName, @Nullable String suffix) {
        String cleanSuffix = sanitize(suffix == null ? "" : suffix);
        // Leave room for the hyphen and at least the base's first letter: an identifier cannot start with "-".
        if (cleanSuffix.length() > MAX_LENGTH - 2) {
            cleanSuffix = trimHyphens(cleanSuffix.substring(0, MAX_LENGTH - 2));
        }
        if (!cleanSuffix.isEmpty()) {
            cleanSuffix = "-" + cleanSuffix;
        }
        String base = sanitize(stripPrefixes(sourceName == null ? "" : sourceName));
        if (base.isEmpty()) {
            base = FALLBACK_NAME;
        }
        if (!isAsciiLetter(base.charAt(0))) {
            base = "s-" + base;
        }
        int room = MAX_LENGTH - cleanSuffix.length();
        if (base.length() > room) {
            base = trimHyphens(base.substring(0, room));
        }
        return base + cleanSuffix;
    }

    /**
     * {@code name} in lower case (AWS's stored form) when no identifier in {@code taken} equals it ignoring case,
     * otherwise the first free
     * {@code name-2}, {@code name-3}, ... shortened to stay within 63 characters. Batch copies use it so that two
     * sources never map to the same target.
     */
    public static String firstFree(String name, Collection<String> taken) {
        var lower = taken.stream().map(IdentifierRules::normalize).collect(java.util.stream.Collectors.toSet());
        String candidate = normalize(name);
        for (int n = 2; lower.contains(candidate); n++) {
            String suffix = "-" + n;
            String base = normalize(name);
            if (base.length() + suffix.length() > MAX_LENGTH) {
                base = trimHyphens(base.substring(0, MAX_LENGTH - suffix.length()));
            }
            candidate = base + suffix;
        }
        return candidate;
    }

    private static String stripPrefixes(String name) {
        String result = name.strip();
        int snapshotPart = result.indexOf(":cluster-snapshot:");
        if (result.startsWith("arn:") && snapshotPart >= 0) {
            result = result.substring(snapshotPart + ":cluster-snapshot:".length());
        } else if (result.startsWith("arn:") && result.lastIndexOf('/') >= 0) {
            result = result.substring(result.lastIndexOf('/') + 1);
        }
        if (result.regionMatches(true, 0, "rds:", 0, 4)) {
            result = result.substring(4);
        }
        return result;
    }

    private static String sanitize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean hyphen = false;
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                hyphen = false;
            } else if (!hyphen && !out.isEmpty()) {
                out.append('-');
                hyphen = true;
            }
        }
        return trimHyphens(out.toString());
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String printable(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || Character.getType(codePoint) == Character.FORMAT) {
            return String.format("U+%04X", codePoint);
        }
        return new String(Character.toChars(codePoint));
    }
}
