package dev.snapferry.core.rules;

import dev.snapferry.core.model.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tag rules for one engine's {@link TagSpec}: key 1..128 and value 0..256 characters (counted as Unicode code
 * points), no reserved prefix in any case, only the engine's characters, no duplicate keys, at most 50 tags.
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
        check(field, key, spec, spec.maxKeyLength(), ProblemCode.TAG_KEY_TOO_LONG,
                ProblemCode.TAG_KEY_RESERVED_PREFIX, ProblemCode.TAG_KEY_INVALID_CHARACTER, problems);
        return problems;
    }

    /** Problems of one value, reported on {@code field}. An empty value is allowed. */
    public static List<Problem> validateValue(String field, String value, TagSpec spec) {
        List<Problem> problems = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return problems;
        }
        check(field, value, spec, spec.maxValueLength(), ProblemCode.TAG_VALUE_TOO_LONG,
                ProblemCode.TAG_VALUE_RESERVED_PREFIX, ProblemCode.TAG_VALUE_INVALID_CHARACTER, problems);
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

    private static void check(String field, String text, TagSpec spec, int maxLength, ProblemCode tooLong,
                              ProblemCode reserved, ProblemCode invalid, List<Problem> problems) {
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            problems.add(Problem.of(field, tooLong, maxLength, length));
        }
        String prefix = spec.reservedPrefixOf(text);
        if (prefix != null) {
            problems.add(Problem.of(field, reserved, prefix));
        }
        text.codePoints().filter(cp -> !spec.allows(cp)).findFirst()
                .ifPresent(cp -> problems.add(Problem.of(field, invalid, describe(cp), allowedHint(spec))));
    }

    private static String describe(int codePoint) {
        String hex = String.format("U+%04X", codePoint);
        int type = Character.getType(codePoint);
        if (Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
                || Character.isWhitespace(codePoint)) {
            return hex;
        }
        return "\u201C" + new String(Character.toChars(codePoint)) + "\u201D (" + hex + ")";
    }

    private static String allowedHint(TagSpec spec) {
        return "_ . : / = + -" + (spec.extraCharacters().isEmpty() ? "" : " " + String.join(" ",
                spec.extraCharacters().codePoints().mapToObj(Character::toString).toList()));
    }
}
