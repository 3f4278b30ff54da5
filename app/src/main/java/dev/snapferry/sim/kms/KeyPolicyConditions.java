package dev.snapferry.sim.kms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Condition} block of a key policy statement, evaluated as the IAM User Guide's "IAM JSON policy
 * elements: Condition" describes: every operator and every key in it must hold (AND), any of a key's values may
 * match (OR); a key missing from the request makes a condition false, except with an {@code ...IfExists} operator
 * or a negated one ({@code StringNotEquals}, {@code StringNotLike}, ...), which then hold.
 *
 * <p>Modelled operators: {@code StringEquals}, {@code StringNotEquals}, {@code StringEqualsIgnoreCase},
 * {@code StringNotEqualsIgnoreCase}, {@code StringLike}, {@code StringNotLike}, {@code ArnEquals}, {@code ArnLike},
 * {@code ArnNotEquals}, {@code ArnNotLike}, {@code Bool}, each also as {@code ...IfExists}. Any other operator
 * (numeric, date, IP, {@code Null}, {@code ForAnyValue:}/{@code ForAllValues:} sets) is not modelled: a statement
 * that uses one never applies, whether it allows or denies. Policy variables ({@code ${aws:username}}) are not
 * expanded.
 */
final class KeyPolicyConditions {

    private static final Set<String> MODELLED = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "ArnEquals", "ArnNotEquals", "ArnLike",
            "ArnNotLike", "Bool");
    private static final Set<String> NEGATED = Set.of("StringNotEquals", "StringNotEqualsIgnoreCase",
            "StringNotLike", "ArnNotEquals", "ArnNotLike");

    private KeyPolicyConditions() {
    }

    /** Whether {@code condition} (a statement's Condition object, or null) holds for a request's context. */
    static boolean hold(@Nullable JsonNode condition, Map<String, String> context) {
        if (condition == null || condition.isNull()) {
            return true;
        }
        for (var operatorEntry : condition.properties()) {
            String operator = operatorEntry.getKey();
            boolean ifExists = operator.endsWith("IfExists");
            String base = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
            if (!MODELLED.contains(base)) {
                return false;
            }
            for (var keyEntry : operatorEntry.getValue().properties()) {
                String actual = context.get(keyEntry.getKey().toLowerCase(Locale.ROOT));
                if (actual == null) {
                    if (ifExists || NEGATED.contains(base)) {
                        continue;
                    }
                    return false;
                }
                if (!holds(base, values(keyEntry.getValue()), actual)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean holds(String operator, List<String> values, String actual) {
        return switch (operator) {
            case "StringEquals", "ArnEquals" -> values.contains(actual);
            case "StringNotEquals", "ArnNotEquals" -> !values.contains(actual);
            case "StringEqualsIgnoreCase" -> values.stream().anyMatch(v -> v.equalsIgnoreCase(actual));
            case "StringNotEqualsIgnoreCase" -> values.stream().noneMatch(v -> v.equalsIgnoreCase(actual));
            case "StringLike", "ArnLike" -> values.stream().anyMatch(v -> glob(v, false).matcher(actual).matches());
            case "StringNotLike", "ArnNotLike" ->
                    values.stream().noneMatch(v -> glob(v, false).matcher(actual).matches());
            case "Bool" -> values.stream().anyMatch(v -> v.equalsIgnoreCase(actual));
            default -> false;
        };
    }

    static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    /** A policy wildcard ({@code *} any run, {@code ?} one character) as a regular expression. */
    static Pattern glob(String wildcard, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : wildcard.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
