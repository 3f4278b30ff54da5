package dev.snapferry.sim.kms;

import dev.snapferry.sim.Caller;
import dev.snapferry.sim.state.SimKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether RDS (and DocumentDB and Neptune, which share its API and its KMS integration) may use a key on a
 * caller's behalf, as the key's policy decides. Used by copies for the source snapshot's key, which for a shared
 * snapshot belongs to another account, and for the key the copy is encrypted with.
 *
 * <p>What RDS needs: Amazon RDS User Guide and Amazon Aurora User Guide, "AWS KMS key management", Authorizing use
 * of a customer managed key: "To create an RDS resource using a customer managed key, a user must have permissions
 * to call the following operations on the customer managed key: kms:CreateGrant, kms:DescribeKey". For another
 * account, Aurora User Guide, "Copying a DB cluster snapshot across accounts", step 2: "(If the snapshot is
 * encrypted) Using Account A, update the key policy for the KMS key, first adding the ARN of Account B as a
 * Principal, and then allow the kms:CreateGrant action." RDS then works through the grant it creates, so
 * {@code kms:Decrypt}, {@code kms:ReEncrypt*} and {@code kms:GenerateDataKey*} in the key policy are usual but
 * not required. A public report agrees: a policy giving the other account Encrypt, Decrypt, ReEncrypt*,
 * GenerateDataKey* and DescribeKey but not CreateGrant was refused with KMSKeyNotAccessibleFault
 * (awslabs/aurora-snapshot-tool#29).
 *
 * <p>The request context RDS's calls carry, for conditions: {@code kms:CallerAccount} and
 * {@code aws:PrincipalAccount} (the caller's account), {@code aws:PrincipalArn}, {@code kms:ViaService}
 * ({@code rds.<key's region>.amazonaws.com}: RDS calls KMS in the key's region) and
 * {@code kms:GrantIsForAWSResource} ({@code true}: RDS creates the grant for its own resource). This is what lets
 * the {@code aws/rds} key, whose policy admits {@code "*"} only with the owner's {@code kms:CallerAccount}, serve
 * its own account and no other.
 */
public final class KeyAccess {

    /** The operations a key policy must allow the caller for RDS to use the key. */
    public static final List<String> RDS_OPERATIONS = List.of("kms:CreateGrant", "kms:DescribeKey");

    private KeyAccess() {
    }

    /** Whether the key is enabled and its policy lets RDS use it for {@code caller}. */
    public static boolean rdsMayUse(SimKey key, String keyRegion, Caller caller) {
        if (!key.usable()) {
            return false;
        }
        KeyPolicy policy = KeyPolicy.parse(key.policy());
        Map<String, String> context = new HashMap<>(directContext(caller));
        context.put("kms:viaservice", "rds." + keyRegion + ".amazonaws.com");
        context.put("kms:grantisforawsresource", "true");
        return RDS_OPERATIONS.stream().allMatch(operation -> policy.allows(new KeyPolicy.Request(
                caller.principalArn(), caller.accountId(), operation, key.arn(), context)));
    }

    /**
     * Whether the policy lets {@code caller} call the KMS operation {@code action} (as {@code kms:GetKeyPolicy})
     * on the key directly, not through another service.
     */
    public static boolean callerMay(KeyPolicy policy, String keyArn, Caller caller, String action) {
        return policy.allows(new KeyPolicy.Request(caller.principalArn(), caller.accountId(), action, keyArn,
                directContext(caller)));
    }

    /**
     * The global condition keys of any request. {@code aws:PrincipalArn} of a role session is the role's ARN
     * (IAM User Guide, "AWS global condition context keys"), not the session's.
     */
    private static Map<String, String> directContext(Caller caller) {
        String principal = caller.principalArn();
        int at = principal.indexOf(":assumed-role/");
        if (at >= 0) {
            String role = principal.substring(at + ":assumed-role/".length());
            role = role.contains("/") ? role.substring(0, role.indexOf('/')) : role;
            principal = "arn:aws:iam::" + caller.accountId() + ":role/" + role;
        }
        return Map.of("kms:calleraccount", caller.accountId(), "aws:principalaccount", caller.accountId(),
                "aws:principalarn", principal);
    }
}
