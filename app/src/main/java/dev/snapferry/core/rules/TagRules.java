package dev.snapferry.core.rules;

import dev.snapferry.core.model.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tag rules for one engine's {@link TagSpec}: key and value lengths (counted as Unicode code points), no reserved
 * prefix in any case, only the engine's characters for keys and for values, no duplicate keys, a maximum count.
 */
public final class TagRules {

    private TagRules() {
    }

    /** Problems of one key, reported on {@code field}. */
    public static List<Problem> validateKey(String field, String key, TagSpec spec) {
        List<Problem> problems = new ArrayList<>();
        if (key == null || key.isEmpty()) {
            problems.add(Problem.of(field, ProblemCode.TAG_KEY_EMPTY));
            return problems;
        }
        length(field, key, spec.maxKeyLength(), ProblemCode.TAG_KEY_TOO_LONG, problems);
        String prefix = spec.reservedPrefixOf(key);
        if (prefix != null) {
            problems.add(Problem.of(field, ProblemCode.TAG_KEY_RESERVED_PREFIX, prefix));
        }
        characters(field, key, spec.keyCharacters(), ProblemCode.TAG_KEY_INVALID_CHARACTER,
                ProblemCode.TAG_KEY_INVALID_ASCII_CHARACTER, problems);
        return problems;
    }

    /** Problems of one value, reported on {@code field}. An empty value is allowed. */
    public static List<Problem> validateValue(String field, String value, TagSpec spec) {
        List<Problem> problems = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return problems;
        }
        length(field, value, spec.maxValueLength(), ProblemCode.TAG_VALUE_TOO_LONG, problems);
        String prefix = spec.reservedValuePrefixOf(value);
        if (prefix != null) {
            problems.add(Problem.of(field, ProblemCode.TAG_VALUE_RESERVED_PREFIX, prefix));
        }
        characters(field, value, spec.valueCharacters(), ProblemCode.TAG_VALUE_INVALID_CHARACTER,
                ProblemCode.TAG_VALUE_INVALID_ASCII_CHARACTER, problems);
        return problems;
    }

    /**
     * Problems of a whole tag set as edited in a table: each row's key ({@code tags[i].key}) and value
     * ({@code tags[i].value}), duplicate keys (reported on the later row), and the tag count ({@code tags}).
     */
    public static List<Problem> validateAll(List<Tag> tags, TagSpec spec) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            problems.addAll(validateKey(keyField(i), tag.key(), spec));
            problems.addAll(validateValue(valueField(i), tag.value(), spec));
            Integer earlier = firstRow.putIfAbsent(tag.key(), i);
            if (earlier != null && !tag.key().isEmpty()) {
                problems.add(Problem.of(keyField(i), ProblemCode.TAG_DUPLICATE_KEY, tag.key(), earlier + 1));
            }
        }
        if (firstRow.size() > spec.maxTags() || tags.size() > spec.maxTags()) {
            problems.add(Problem.of("tags", ProblemCode.TAG_TOO_MANY, spec.maxTags(), tags.size()));
        }
        return problems;
    }

    /**
     * Problems of a tag policy as edited in a table: each row is a required key ({@code tags[i].key}, checked as a
     * tag key) and the regular expression its values must match ({@code tags[i].value}, empty for any value), with
     * duplicate keys reported on the later row.
     */
    public static List<Problem> validatePolicy(List<Tag> rules, TagSpec spec) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Tag rule = rules.get(i);
            problems.addAll(validateKey(keyField(i), rule.key(), spec));
            int row = i;
            patternProblem(rule.value()).ifPresent(why ->
                    problems.add(Problem.of(valueField(row), ProblemCode.TAG_POLICY_PATTERN_INVALID, why)));
            Integer earlier = firstRow.putIfAbsent(rule.key(), i);
            if (earlier != null && !rule.key().isEmpty()) {
                problems.add(Problem.of(keyField(i), ProblemCode.TAG_DUPLICATE_KEY, rule.key(), earlier + 1));
            }
        }
        return problems;
    }

    /**
     * Why {@code regex} cannot be an allowed-value pattern, in one sentence; empty when it compiles (an empty
     * text is fine: any value).
     */
    public static java.util.Optional<String> patternProblem(String regex) {
        if (regex.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            java.util.regex.Pattern.compile(regex);
            return java.util.Optional.empty();
        } catch (java.util.regex.PatternSyntaxException e) {
            String where = e.getIndex() >= 0 ? " near position " + (e.getIndex() + 1) : "";
            return java.util.Optional.of(e.getDescription() + where + ".");
        }
    }

    /**
     * The tags a copy ends up with. Explicit tags in the same request replace the copied source tags, so with
     * {@code copyTags} the source's tags are used only when no explicit tag is given.
     */
    public static List<Tag> resultingTags(boolean copyTags, List<Tag> sourceTags, List<Tag> explicitTags) {
        if (copyTags && explicitTags.isEmpty()) {
            return List.copyOf(sourceTags);
        }
        return List.copyOf(explicitTags);
    }

    /**
     * Warnings for source tags that AWS refuses to copy (a reserved prefix such as {@code aws:}): they make a
     * {@code CopyTags} request fail, so the user should add tags explicitly instead. Empty when the source tags
     * would not be copied.
     */
    public static List<Problem> sourceTagWarnings(boolean copyTags, List<Tag> sourceTags, List<Tag> explicitTags,
                                                  TagSpec spec) {
        List<Problem> warnings = new ArrayList<>();
        if (!copyTags || !explicitTags.isEmpty()) {
            return warnings;
        }
        for (Tag tag : sourceTags) {
            String prefix = spec.reservedPrefixOf(tag.key());
            if (prefix != null) {
                warnings.add(Problem.of("copyTags", ProblemCode.TAG_SOURCE_RESERVED_PREFIX, tag.key(), prefix));
            }
        }
        return warnings;
    }

    public static String keyField(int row) {
        return "tags[" + row + "].key";
    }

    public static String valueField(int row) {
        return "tags[" + row + "].value";
    }

    private static void length(String field, String text, int maxLength, ProblemCode tooLong,
                               List<Problem> problems) {
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            problems.add(Problem.of(field, tooLong, maxLength, length));
        }
    }

    private static void characters(String field, String text, TagCharset chars, ProblemCode invalid,
                                   ProblemCode invalidAscii, List<Problem> problems) {
        text.codePoints().filter(cp -> !chars.allows(cp)).findFirst().ifPresent(cp -> {
            // Each set has its own sentence: "letters, digits, spaces and …" is wrong for an ASCII-only class.
            switch (chars.refusing(cp)) {
                case TagCharset.AsciiClass ascii -> problems.add(Problem.of(field, invalidAscii, describe(cp),
                        ascii.listing()));
                case TagCharset.Standard standard -> problems.add(Problem.of(field, invalid, describe(cp),
                        standardHint(standard)));
                case null, default -> throw new IllegalStateException("no member set refuses " + describe(cp));
            }
        });
    }

    private static String describe(int codePoint) {
        String hex = String.format("U+%04X", codePoint);
        int type = Character.getType(codePoint);
        if (Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
                || (Character.isWhitespace(codePoint) && codePoint != ' ')) {
            return hex;
        }
        return "\u201C" + new String(Character.toChars(codePoint)) + "\u201D (" + hex + ")";
    }

    private static String standardHint(TagCharset.Standard chars) {
        return "_ . : / = + -" + (chars.extraCharacters().isEmpty() ? "" : " " + String.join(" ",
                chars.extraCharacters().codePoints().mapToObj(Character::toString).toList()));
    }
}
