package dev.snapferry.core.rules;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The characters one part of a tag (its key or its value) may hold. Engines differ: the RDS family takes the
 * standard Unicode set, DocumentDB Elastic's service model a narrow ASCII class for keys and anything for values.
 */
public sealed interface TagCharset {

    /** True when {@code codePoint} may appear. */
    boolean allows(int codePoint);

    /** The first member set that refuses {@code codePoint} (this set itself unless combined), or null. */
    default @Nullable TagCharset refusing(int codePoint) {
        return allows(codePoint) ? null : this;
    }

    /**
     * AWS's documented tag set, Java regex {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-]*)$}: Unicode letters, digits, white
     * space and {@code _ . : / = + -}, plus the engine's {@code extraCharacters} ({@code @} for RDS).
     */
    record Standard(String extraCharacters) implements TagCharset {

        public Standard {
            Objects.requireNonNull(extraCharacters, "extraCharacters");
        }

        @Override
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
    }

    /**
     * Only the ASCII characters a regular-expression character class matches, as a service model writes it (for
     * DocumentDB Elastic keys {@code [a-zA-Z+-=._:/]}, where {@code +-=} is the range U+002B..U+003D). Anything
     * outside ASCII is refused, whatever the class says, so that the set can be listed to the user in full; a
     * class that matches a space is refused, as the user's message says "no spaces" (a listed space is invisible).
     */
    record AsciiClass(String characterClass, Pattern pattern) implements TagCharset {

        public AsciiClass(String characterClass) {
            this(characterClass, Pattern.compile(characterClass));
        }

        public AsciiClass {
            Objects.requireNonNull(characterClass, "characterClass");
            if (!pattern.pattern().equals(characterClass)) {
                throw new IllegalArgumentException("pattern " + pattern + " is not " + characterClass);
            }
            if (pattern.matcher(" ").matches()) {
                throw new IllegalArgumentException(characterClass + " matches a space");
            }
        }

        @Override
        public boolean allows(int codePoint) {
            return codePoint < 0x80 && pattern.matcher(Character.toString(codePoint)).matches();
        }

        /** Every visible ASCII character of the class, runs of three or more shortened to {@code A–Z}. */
        public String listing() {
            StringBuilder out = new StringBuilder();
            int c = 0x21;
            while (c < 0x7F) {
                if (!allows(c)) {
                    c++;
                    continue;
                }
                int end = c;
                while (end + 1 < 0x7F && allows(end + 1) && sameRun(c, end + 1)) {
                    end++;
                }
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(end - c >= 2 ? (char) c + "\u2013" + (char) end : runOf(c, end));
                c = end + 1;
            }
            return out.toString();
        }

        private static boolean sameRun(int first, int next) {
            // Only letters and digits make runs worth shortening; punctuation is listed one by one.
            return Character.isLetterOrDigit(first) && Character.getType(first) == Character.getType(next);
        }

        private static String runOf(int from, int to) {
            StringBuilder out = new StringBuilder();
            for (int c = from; c <= to; c++) {
                out.append(out.isEmpty() ? "" : " ").append((char) c);
            }
            return out.toString();
        }

        // A compiled Pattern compares by identity: two sets are equal when their classes are.
        @Override
        public boolean equals(Object other) {
            return other instanceof AsciiClass a && a.characterClass.equals(characterClass);
        }

        @Override
        public int hashCode() {
            return characterClass.hashCode();
        }
    }

    /** Any character: the service model gives the part no pattern (DocumentDB Elastic values). */
    record Any() implements TagCharset {

        @Override
        public boolean allows(int codePoint) {
            return true;
        }
    }

    /** The characters every member allows: what is safe for all of several engines at once. */
    record AllOf(List<TagCharset> members) implements TagCharset {

        public AllOf {
            members = List.copyOf(members);
        }

        @Override
        public boolean allows(int codePoint) {
            return members.stream().allMatch(m -> m.allows(codePoint));
        }

        @Override
        public @Nullable TagCharset refusing(int codePoint) {
            return members.stream().map(m -> m.refusing(codePoint)).filter(Objects::nonNull).findFirst()
                    .orElse(null);
        }
    }
}
