package dev.snapferry.sim.kms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.sim.SimException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A key policy, checked as PutKeyPolicy checks it and evaluated for the decisions the simulator makes (who may read
 * or replace the policy, which accounts RDS may use the key for).
 *
 * <p>Evaluation follows the IAM User Guide's "Policy evaluation logic" for a resource policy: an explicit Deny that
 * applies wins, otherwise an Allow that applies allows, otherwise the request is implicitly denied. A statement
 * applies when its principal, action, resource and condition all match. Modelled: {@code Effect};
 * {@code Principal} / {@code NotPrincipal} of type {@code AWS} (see {@link KeyPolicyPrincipals}; other principal
 * types such as {@code Service} never match a caller); {@code Action} / {@code NotAction} with {@code *} and
 * {@code ?} wildcards, case-insensitive, so {@code kms:*} and {@code kms:ReEncrypt*} match as AWS matches them;
 * {@code Resource} / {@code NotResource} against the key's ARN; {@code Condition} (see {@link KeyPolicyConditions}).
 * Not modelled: IAM policies and grants (the caller's own account is assumed to delegate everything the key policy
 * gives it), the existence of principals, policy variables.
 */
public final class KeyPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** IAM JSON policy reference, "Version": the two versions there are; without one IAM reads 2008-10-17. */
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

    /**
     * What a request asks of the key: the calling principal's ARN and account, the operation ({@code kms:Xxx}), the
     * key's ARN, and the request context for conditions, keyed by lower-case condition key
     * ({@code kms:calleraccount}, {@code kms:viaservice}, {@code kms:grantisforawsresource}, ...).
     */
    public record Request(String principalArn, String principalAccount, String action, String keyArn,
                          Map<String, String> context) {
    }

    private record Statement(boolean allow, List<String> principals, boolean notPrincipal, List<String> actions,
                             boolean notAction, List<String> resources, boolean notResource,
                             @Nullable JsonNode condition) {

        boolean applies(Request r) {
            boolean principal = principals.stream()
                    .anyMatch(p -> KeyPolicyPrincipals.admits(p, r.principalArn(), r.principalAccount()));
            boolean action = actions.stream()
                    .anyMatch(a -> KeyPolicyConditions.glob(a, true).matcher(r.action()).matches());
            boolean resource = resources.isEmpty() || resources.stream()
                    .anyMatch(x -> KeyPolicyConditions.glob(x, false).matcher(r.keyArn()).matches());
            return principal != notPrincipal && action != notAction && resource != notResource
                    && KeyPolicyConditions.hold(condition, r.context());
        }
    }

    private final List<Statement> statements;

    private KeyPolicy(List<Statement> statements) {
        this.statements = statements;
    }

    /**
     * Reads a policy document, refusing with {@code MalformedPolicyDocumentException} ("the specified policy is not
     * syntactically or semantically correct", kms model) what is not a policy: not JSON, no {@code Statement}, an
     * unknown {@code Version}, a statement without an Allow/Deny {@code Effect}, without an action, or without a
     * principal (PutKeyPolicyRequest$Policy: "Each statement in the key policy must contain one or more
     * principals"), or with a principal that is not a well-formed account or IAM ARN.
     */
    public static KeyPolicy parse(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw malformed("The policy is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw malformed("The policy must be a JSON object.");
        }
        JsonNode version = root.get("Version");
        if (version != null && !VERSIONS.contains(version.asText())) {
            throw malformed("The policy has an unsupported Version: " + version.asText());
        }
        JsonNode statementNode = root.get("Statement");
        boolean someStatement = statementNode != null
                && (statementNode.isObject() || statementNode.isArray() && !statementNode.isEmpty());
        if (statementNode == null || !someStatement) {
            throw malformed("The policy must contain a Statement.");
        }
        List<Statement> statements = new ArrayList<>();
        Iterable<JsonNode> each = statementNode.isArray() ? statementNode : List.of(statementNode);
        for (JsonNode s : each) {
            statements.add(statement(s));
        }
        return new KeyPolicy(List.copyOf(statements));
    }

    private static Statement statement(JsonNode s) {
        if (!s.isObject()) {
            throw malformed("Each policy statement must be a JSON object.");
        }
        String effect = s.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw malformed("Each policy statement must have an Effect of Allow or Deny.");
        }
        boolean notPrincipal = !s.has("Principal") && s.has("NotPrincipal");
        JsonNode principalNode = notPrincipal ? s.get("NotPrincipal") : s.get("Principal");
        if (principalNode == null) {
            throw malformed("Policy contains a statement with no principal.");
        }
        List<String> principals = principals(principalNode);
        boolean notAction = !s.has("Action") && s.has("NotAction");
        JsonNode actionNode = notAction ? s.get("NotAction") : s.get("Action");
        if (actionNode == null || !(actionNode.isTextual() || actionNode.isArray())) {
            throw malformed("Each policy statement must have an Action.");
        }
        boolean notResource = !s.has("Resource") && s.has("NotResource");
        JsonNode resourceNode = notResource ? s.get("NotResource") : s.get("Resource");
        JsonNode condition = s.get("Condition");
        if (condition != null && !(condition.isObject() && allObjects(condition))) {
            throw malformed("A policy Condition must map operators to objects of condition keys.");
        }
        return new Statement(effect.equals("Allow"), principals, notPrincipal,
                KeyPolicyConditions.values(actionNode), notAction,
                resourceNode == null ? List.of() : KeyPolicyConditions.values(resourceNode), notResource, condition);
    }

    /** The {@code AWS} principals of a statement; {@code "*"} alone means everyone. Other types are kept unmatched. */
    private static List<String> principals(JsonNode node) {
        if (node.isTextual()) {
            if (!node.asText().equals("*")) {
                throw invalidPrincipals();
            }
            return List.of("*");
        }
        if (!node.isObject() || node.isEmpty()) {
            throw invalidPrincipals();
        }
        List<String> principals = new ArrayList<>();
        for (var entry : node.properties()) {
            for (String value : KeyPolicyConditions.values(entry.getValue())) {
                if (entry.getKey().equals("AWS")) {
                    if (!KeyPolicyPrincipals.wellFormed(value)) {
                        throw invalidPrincipals();
                    }
                    principals.add(value);
                } else {
                    // A Service, Federated or CanonicalUser principal: never the caller of an API request here.
                    principals.add(entry.getKey() + ":" + value + " (never matches)");
                }
            }
        }
        return principals;
    }

    private static boolean allObjects(JsonNode condition) {
        for (var entry : condition.properties()) {
            if (!entry.getValue().isObject()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the policy allows the request: an applying Deny refuses, an applying Allow allows, else refused. */
    public boolean allows(Request request) {
        boolean allowed = false;
        for (Statement s : statements) {
            if (s.applies(request)) {
                if (!s.allow()) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }

    static SimException malformed(String message) {
        return new SimException("MalformedPolicyDocumentException", 400, message);
    }

    private static SimException invalidPrincipals() {
        return malformed("Policy contains a statement with one or more invalid principals.");
    }
}
