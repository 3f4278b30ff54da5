package dev.snapferry.sim.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapferry.sim.Caller;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.state.RegionState;
import dev.snapferry.sim.state.SimKey;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * GetKeyPolicy, PutKeyPolicy and ListKeyPolicies (kms/2014-11-01), and the policy checks CreateKey shares with
 * PutKeyPolicy. Errors are the ones the model declares for these operations, in the JSON 1.1 protocol's shape.
 */
final class KeyPolicyOperations {

    static final String POLICY_NAME = "default";
    /**
     * KMS Developer Guide, "Change a key policy": "The resulting key policy document cannot exceed 32 KB (32,768
     * bytes)."
     */
    static final int MAX_POLICY_BYTES = 32_768;
    /** PolicyType's pattern: printable ASCII and Latin-1 and tab, line feed, carriage return. */
    private static final Pattern POLICY_CHARACTERS = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    /** PolicyNameType: 1 to 128 word characters. */
    private static final Pattern POLICY_NAME_PATTERN = Pattern.compile("\\w{1,128}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyPolicyOperations() {
    }

    /**
     * GetKeyPolicy. "Required permissions: kms:GetKeyPolicy (key policy)": a policy that does not allow the caller
     * to read it is answered {@code AccessDeniedException}. PolicyName is optional in the current model ("If no
     * policy name is specified, the default value is default"); the response carries it too.
     */
    static ObjectNode get(RegionState r, JsonNode body, Caller caller) {
        SimKey key = KmsService.key(r, body);
        policyName(body);
        authorize(key, caller, "kms:GetKeyPolicy");
        return JSON.createObjectNode().put("Policy", key.policy()).put("PolicyName", POLICY_NAME);
    }

    /** ListKeyPolicies: "the only valid policy name is default". */
    static ObjectNode list(RegionState r, JsonNode body, Caller caller) {
        SimKey key = KmsService.key(r, body);
        authorize(key, caller, "kms:ListKeyPolicies");
        ObjectNode reply = JSON.createObjectNode();
        reply.putArray("PolicyNames").add(POLICY_NAME);
        return reply.put("Truncated", false);
    }

    /**
     * PutKeyPolicy: the caller must be allowed {@code kms:PutKeyPolicy} by the key's current policy (so the AWS
     * managed key's policy, which allows no one to change it, refuses every caller: "you can only change the key
     * policy for a customer managed key", KMS Developer Guide, "Change a key policy"); the new document must be a
     * policy ({@link KeyPolicy#parse}), within 32 KB, and pass the lockout safety check; it is stored verbatim.
     */
    static ObjectNode put(RegionState r, JsonNode body, Caller caller) {
        SimKey key = KmsService.key(r, body);
        policyName(body);
        String document = KmsService.required(body, "Policy");
        authorize(key, caller, "kms:PutKeyPolicy");
        checkNewPolicy(document, key.arn(), caller, bypass(body));
        key.setPolicy(document);
        return JSON.createObjectNode();
    }

    /**
     * What PutKeyPolicy and CreateKey check of a new policy document. Characters outside PolicyType's pattern are a
     * ValidationException; a document over 32 KB is LimitExceededException ("a quota was exceeded", the error both
     * operations declare); then it must parse as a policy. Unless {@code BypassPolicyLockoutSafetyCheck} is true,
     * "the key policy must allow the principal that is making the PutKeyPolicy request to make a subsequent
     * PutKeyPolicy request on the KMS key" (PutKeyPolicyRequest$Policy; CreateKeyRequest$Policy says the same of
     * CreateKey); AWS refuses such a policy with MalformedPolicyDocumentException and the words used below, as
     * public reports of it quote them (for example aws-samples/rds-snapshot-export-to-s3-pipeline#8).
     */
    static void checkNewPolicy(String document, String keyArn, Caller caller, boolean bypassLockoutCheck) {
        if (!POLICY_CHARACTERS.matcher(document).matches()) {
            throw KmsService.validation("1 validation error detected: Value at 'policy' failed to satisfy "
                    + "constraint: Member must satisfy regular expression pattern: "
                    + "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
        }
        if (document.getBytes(StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
            throw new SimException("LimitExceededException", 400, "The key policy document exceeds the quota of "
                    + MAX_POLICY_BYTES + " bytes.");
        }
        KeyPolicy policy = KeyPolicy.parse(document);
        if (!bypassLockoutCheck && !KeyAccess.callerMay(policy, keyArn, caller, "kms:PutKeyPolicy")) {
            throw KeyPolicy.malformed("The new key policy will not allow you to update the key policy in the future.");
        }
    }

    static boolean bypass(JsonNode body) {
        return body.path("BypassPolicyLockoutSafetyCheck").asBoolean(false);
    }

    /**
     * PolicyName: optional, "default" when absent; outside PolicyNameType's pattern a ValidationException. Any
     * other well-formed name names no policy: NotFoundException, the model's error for "the specified entity or
     * resource could not be found" (best-supported answer; AWS's exact reply to another name is not documented).
     */
    private static void policyName(JsonNode body) {
        JsonNode node = body.get("PolicyName");
        if (node == null || node.isNull()) {
            return;
        }
        String name = node.asText();
        if (!POLICY_NAME_PATTERN.matcher(name).matches()) {
            throw KmsService.validation("1 validation error detected: Value '" + name + "' at 'policyName' failed "
                    + "to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+");
        }
        if (!name.equals(POLICY_NAME)) {
            throw new SimException("NotFoundException", 400, "No such key policy: " + name
                    + ". The only key policy name is default.");
        }
    }

    /** The caller must be allowed {@code action} by the key's current policy, in the words IAM denies with. */
    private static void authorize(SimKey key, Caller caller, String action) {
        if (!KeyAccess.callerMay(KeyPolicy.parse(key.policy()), key.arn(), caller, action)) {
            throw new SimException("AccessDeniedException", 400, "User: " + caller.principalArn()
                    + " is not authorized to perform: " + action + " on resource: " + key.arn()
                    + " because no resource-based policy allows the " + action + " action");
        }
    }
}
