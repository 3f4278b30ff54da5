package dev.snapferry.core.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The tag limits and character set of one engine's API. Characters are Unicode letters, digits, white space and
 * {@code _ . : / = + -}, plus the engine's {@code extraCharacters} ({@code @} for RDS).
 */
public record TagSpec(TagFormat format, int maxKeyLength, int maxValueLength, int maxTags, String extraCharacters,
                      List<String> reservedPrefixes) {

    public TagSpec {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(extraCharacters, "extraCharacters");
        reservedPrefixes = reservedPrefixes.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** True when {@code codePoint} may appear in a key or value. */
    public boolean allows(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint)
                || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER
                || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || "_.:/=+-".indexOf(codePoint) >= 0
                || extraCharacters.indexOf(codePoint) >= 0;
    }

    /** The reserved prefix {@code text} starts with, ignoring case, or null. */
    public String reservedPrefixOf(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String prefix : reservedPrefixes) {
            if (lower.startsWith(prefix)) {
                return text.substring(0, prefix.length());
            }
        }
        return null;
    }
}
