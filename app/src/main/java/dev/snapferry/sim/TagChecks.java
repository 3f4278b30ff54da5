package dev.snapferry.sim;

import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.core.rules.TagRules;
import dev.snapferry.core.rules.TagSpec;
import java.util.List;
import java.util.Optional;

/**
 * The server side of the tag rules: what AWS says when it refuses a tag. Messages are the service's, in English,
 * as the SDK hands them to the app verbatim.
 */
public final class TagChecks {

    private TagChecks() {
    }

    /** The first reason AWS would refuse these tags, or empty. */
    public static Optional<String> refusal(List<Tag> tags, TagSpec spec) {
        for (Problem problem : TagRules.validateAll(tags, spec)) {
            if (problem.isError()) {
                return Optional.of(message(problem, spec));
            }
        }
        return Optional.empty();
    }

    private static String message(Problem p, TagSpec spec) {
        Object first = p.args().isEmpty() ? "" : p.args().getFirst();
        return switch (p.code()) {
            case TAG_KEY_EMPTY -> "Tag keys must be at least 1 character long.";
            case TAG_KEY_TOO_LONG -> "Tag keys must be at most " + spec.maxKeyLength() + " characters long.";
            case TAG_VALUE_TOO_LONG -> "Tag values must be at most " + spec.maxValueLength() + " characters long.";
            case TAG_KEY_RESERVED_PREFIX, TAG_VALUE_RESERVED_PREFIX ->
                    "Tag keys and values cannot start with the reserved prefix '" + first + "'.";
            case TAG_KEY_INVALID_CHARACTER, TAG_VALUE_INVALID_CHARACTER ->
                    "Tags may contain only Unicode letters, digits, white space and _ . : / = + -"
                            + (spec.extraCharacters().isEmpty() ? "" : " " + spec.extraCharacters()) + "; found " + first
                            + ".";
            case TAG_DUPLICATE_KEY -> "Duplicate tag key: " + first + ".";
            case TAG_TOO_MANY -> "A resource can have at most " + spec.maxTags() + " tags.";
            default -> "Invalid tag: " + p.code();
        };
    }
}
