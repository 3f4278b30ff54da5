package dev.snapferry.sim.elastic;

import dev.snapferry.sim.SimException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DocumentDB Elastic's own tag validation, written from its service model rather than from the app's rules, so the
 * simulator can tell the app it is wrong: botocore docdb-elastic 2022-11-28 service-2.json, shapes TagKey
 * ({@code ^(?!aws:)[a-zA-Z+-=._:/]+$}, length 1..128), TagValue (length 0..256, no pattern) and TagKeyList
 * (at most 50). Refusals are ValidationExceptions (HTTP 400) worded like AWS's REST-JSON validation errors, e.g.
 * boto/boto3#2601: "1 validation error detected: Value '{k=v}' at 'field' failed to satisfy constraint: Map keys
 * must satisfy constraint: [Member must ...]".
 */
public final class ElasticTagChecks {

    static final Pattern KEY = Pattern.compile("^(?!aws:)[a-zA-Z+-=._:/]+$");
    static final int KEY_MIN = 1;
    static final int KEY_MAX = 128;
    static final int VALUE_MAX = 256;
    /** TagKeyList's maximum, and the general AWS limit of 50 user tags per resource (AWS tagging guides). */
    public static final int MAX_TAGS = 50;

    private ElasticTagChecks() {
    }

    /** Refuses a TagMap ({@code field}: "tags") that AWS would refuse; a map of more than 50 tags too. */
    public static void checkMap(Map<String, String> tags, String field) {
        List<String> errors = new ArrayList<>();
        List<String> keyRules = keyConstraints(tags.keySet());
        if (!keyRules.isEmpty()) {
            errors.add(value(tags, field) + "Map keys must satisfy constraint: " + keyRules);
        }
        if (tags.values().stream().anyMatch(v -> length(v) > VALUE_MAX)) {
            errors.add(value(tags, field) + "Map value must satisfy constraint: [Member must have length less than "
                    + "or equal to " + VALUE_MAX + "]");
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(value(tags, field) + "Member must have length less than or equal to " + MAX_TAGS);
        }
        refuseIfAny(errors, field);
        reservedInAnyCase(tags.keySet(), field);
    }

    /** Refuses an UntagResource {@code tagKeys} list AWS would refuse. */
    static void checkKeys(List<String> keys, String field) {
        List<String> errors = new ArrayList<>();
        List<String> keyRules = keyConstraints(keys);
        if (!keyRules.isEmpty()) {
            errors.add("Value '" + keys + "' at '" + field + "' failed to satisfy constraint: Member must satisfy "
                    + "constraint: " + keyRules);
        }
        if (keys.size() > MAX_TAGS) {
            errors.add("Value '" + keys + "' at '" + field + "' failed to satisfy constraint: Member must have "
                    + "length less than or equal to " + MAX_TAGS);
        }
        refuseIfAny(errors, field);
    }

    /** True for a key with the reserved prefix in any case, which AWS does not let anyone copy or set. */
    static boolean reserved(String key) {
        return key.regionMatches(true, 0, "aws:", 0, 4);
    }

    private static List<String> keyConstraints(Collection<String> keys) {
        List<String> rules = new ArrayList<>();
        if (keys.stream().anyMatch(k -> length(k) > KEY_MAX)) {
            rules.add("Member must have length less than or equal to " + KEY_MAX);
        }
        if (keys.stream().anyMatch(k -> length(k) < KEY_MIN)) {
            rules.add("Member must have length greater than or equal to " + KEY_MIN);
        }
        if (keys.stream().anyMatch(k -> !KEY.matcher(k).matches())) {
            rules.add("Member must satisfy regular expression pattern: " + KEY.pattern());
        }
        return rules;
    }

    /**
     * The model's lookahead reserves only lower-case "aws:"; the AWS tagging guides reserve aws: "or any upper or
     * lowercase combination", and Snapferry's rules follow them, so the simulator does too.
     */
    private static void reservedInAnyCase(Collection<String> keys, String field) {
        keys.stream().filter(ElasticTagChecks::reserved).findFirst().ifPresent(k -> {
            throw ElasticJson.validation("Tag key '" + k + "' uses the prefix aws:, which is reserved for AWS use "
                    + "in any upper or lower case combination.", field);
        });
    }

    private static void refuseIfAny(List<String> errors, String field) {
        if (!errors.isEmpty()) {
            String count = errors.size() == 1 ? "1 validation error" : errors.size() + " validation errors";
            throw ElasticJson.validation(count + " detected: " + String.join("; ", errors), field);
        }
    }

    private static String value(Map<String, String> tags, String field) {
        return "Value '" + tags + "' at '" + field + "' failed to satisfy constraint: ";
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    static SimException tooManyInTotal() {
        return new SimException("ServiceQuotaExceededException", 402,
                "A resource can have at most " + MAX_TAGS + " tags.");
    }
}
