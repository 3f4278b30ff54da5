package dev.snapferry.core.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a KMS key policy for what a copy into another account needs: whether the policy lets that account use the
 * key, and the statement to add when it does not. AWS's requirement, with its sources: the other account's copy
 * of a shared encrypted snapshot uses the source key through a grant, so its key policy must allow that account
 * {@code kms:CreateGrant} and {@code kms:DescribeKey} (Amazon Aurora User Guide, Sharing a DB cluster snapshot,
 * "Allowing access to an AWS KMS key"; the Neptune and DocumentDB guides say the same), and a key policy names
 * another account as {@code "Principal": {"AWS": "arn:aws:iam::ACCOUNT:root"}} (AWS KMS Developer Guide, Allowing
 * users in other accounts to use a KMS key).
 *
 * <p>The reading is deliberately cautious, never optimistic: an {@code Allow} counts only when its principal is
 * the account (its root, the account id, an identity of the account, or {@code *}) and its condition, if any, is
 * one a snapshot copy meets ({@code kms:GrantIsForAWSResource}, {@code kms:ViaService}, {@code kms:CallerAccount});
 * a {@code Deny} that may apply to the account wins. A policy this cannot judge says "does not admit", and the
 * wizard shows the statement the user may add.
 */
public final class KeyPolicyCheck {

    /** The actions the other account's copy needs on the source key. */
    public static final List<String> REQUIRED = List.of("kms:CreateGrant", "kms:DescribeKey");
    /** What the statement Snapferry proposes allows: the key use of the guides' example, grants included. */
    private static final List<String> PROPOSED = List.of("kms:CreateGrant", "kms:Encrypt", "kms:Decrypt",
            "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey");
    private static final List<String> CONDITIONS_A_COPY_MEETS = List.of("kms:grantisforawsresource",
            "kms:viaservice", "kms:calleraccount");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KeyPolicyCheck() {
    }

    /** Whether {@code policy} lets {@code accountId} use the key for a snapshot copy. False when unreadable. */
    public static boolean admits(String policy, String accountId) {
        JsonNode root;
        try {
            root = JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            return false;
        }
        List<JsonNode> statements = statements(root);
        for (String action : REQUIRED) {
            boolean allowed = false;
            for (JsonNode statement : statements) {
                if (!principalMatches(statement.get("Principal"), accountId) || !actionMatches(statement, action)) {
                    continue;
                }
                String effect = statement.path("Effect").asText();
                if ("Deny".equals(effect)) {
                    return false;
                }
                if ("Allow".equals(effect) && conditionMet(statement.get("Condition"))) {
                    allowed = true;
                }
            }
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** The statement that lets {@code accountId} use the key for snapshot copies, as JSON. */
    public static String statementFor(String partition, String accountId) {
        try {
            return JSON.writeValueAsString(statement(partition, accountId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code policy} with {@link #statementFor} appended (a policy of one statement becomes a list), every other
     * statement kept as it is. Throws {@link IllegalArgumentException} when the policy is not a JSON object.
     */
    public static String withStatementFor(String policy, String partition, String accountId) {
        JsonNode root;
        try {
            root = JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a key policy: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new IllegalArgumentException("not a key policy: no JSON object");
        }
        JsonNode existing = object.get("Statement");
        ArrayNode statements = JSON.createArrayNode();
        if (existing instanceof ArrayNode array) {
            statements.addAll(array);
        } else if (existing != null) {
            statements.add(existing);
        }
        statements.add(statement(partition, accountId));
        object.set("Statement", statements);
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code policy} indented for reading (as it is when it is not JSON). */
    public static String pretty(String policy) {
        try {
            return JSON.writeValueAsString(JSON.readTree(policy));
        } catch (JsonProcessingException e) {
            return policy;
        }
    }

    private static ObjectNode statement(String partition, String accountId) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", "AllowSnapshotCopyBy" + accountId);
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", "arn:" + partition + ":iam::" + accountId + ":root");
        ArrayNode actions = statement.putArray("Action");
        PROPOSED.forEach(actions::add);
        statement.put("Resource", "*");
        return statement;
    }

    private static List<JsonNode> statements(JsonNode root) {
        JsonNode node = root.get("Statement");
        List<JsonNode> out = new ArrayList<>();
        if (node instanceof ArrayNode array) {
            array.forEach(out::add);
        } else if (node != null && node.isObject()) {
            out.add(node);
        }
        return out;
    }

    private static boolean principalMatches(JsonNode principal, String accountId) {
        if (principal == null) {
            return false;
        }
        if (principal.isTextual()) {
            return "*".equals(principal.asText());
        }
        JsonNode aws = principal.get("AWS");
        if (aws == null) {
            return false;
        }
        for (String value : texts(aws)) {
            if ("*".equals(value) || accountId.equals(value) || value.matches("arn:[a-z-]+:iam::"
                    + Pattern.quote(accountId) + ":.+")) {
                return true;
            }
        }
        return false;
    }

    private static boolean actionMatches(JsonNode statement, String action) {
        JsonNode actions = statement.get("Action");
        if (actions != null) {
            return texts(actions).stream().anyMatch(pattern -> wildcard(pattern, action));
        }
        JsonNode notActions = statement.get("NotAction");
        return notActions != null && texts(notActions).stream().noneMatch(pattern -> wildcard(pattern, action));
    }

    private static boolean conditionMet(JsonNode condition) {
        if (condition == null || condition.isEmpty()) {
            return true;
        }
        for (JsonNode operator : condition) {
            var keys = operator.fieldNames();
            while (keys.hasNext()) {
                if (!CONDITIONS_A_COPY_MEETS.contains(keys.next().toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean wildcard(String pattern, String action) {
        // IAM action names are case-insensitive; * and ? are the only wildcards.
        String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return action.toLowerCase(Locale.ROOT).matches(regex);
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }
}
