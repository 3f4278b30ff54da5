package dev.snapferry.sim.kms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The key policies KMS attaches when nobody gives one. Written as AWS prints them: GetKeyPolicy returns the default
 * policy pretty-printed with {@code " : "} between names and values, which is Jackson's default printer.
 */
public final class KeyPolicies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyPolicies() {
    }

    /**
     * The default key policy of a key created through the API without a policy. KMS Developer Guide, "Default key
     * policy": "This default key policy has one policy statement that gives the AWS account that owns the KMS key
     * permission to use IAM policies to allow access to all AWS KMS operations on the KMS key" (the statement
     * "Enable IAM User Permissions", Principal {@code arn:<partition>:iam::<account>:root}, Action {@code kms:*}).
     */
    public static String defaultPolicy(String partition, String accountId) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17").put("Id", "key-default-1");
        ObjectNode statement = policy.putArray("Statement").addObject().put("Sid", "Enable IAM User Permissions")
                .put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", root(partition, accountId));
        statement.put("Action", "kms:*").put("Resource", "*");
        return print(policy);
    }

    /**
     * A statement a DBA adds to let another account use a key for RDS copies: the account's root as principal, and
     * the operations of the KMS console's "Other AWS accounts" key-user statement, with {@code kms:CreateGrant},
     * which the Aurora User Guide asks for ("Copying a DB cluster snapshot across accounts": "update the key policy
     * for the KMS key, first adding the ARN of Account B as a Principal, and then allow the kms:CreateGrant
     * action").
     */
    public static ObjectNode externalAccountStatement(String partition, String accountId) {
        ObjectNode statement = JSON.createObjectNode().put("Sid", "Allow account " + accountId + " to copy snapshots")
                .put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", root(partition, accountId));
        ArrayNode actions = statement.putArray("Action");
        List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey",
                "kms:CreateGrant").forEach(actions::add);
        statement.put("Resource", "*");
        return statement;
    }

    /** The default policy of a customer managed key plus {@link #externalAccountStatement} for each account. */
    public static String defaultPolicyAdmitting(String partition, String ownerAccountId, List<String> others) {
        try {
            ObjectNode policy = (ObjectNode) JSON.readTree(defaultPolicy(partition, ownerAccountId));
            ArrayNode statements = (ArrayNode) policy.get("Statement");
            others.forEach(account -> statements.add(externalAccountStatement(partition, account)));
            return print(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the default key policy is JSON", e);
        }
    }

    /**
     * The policy of the AWS managed key for RDS ({@code alias/aws/rds}): use only through RDS
     * ({@code kms:ViaService}) and only by the owning account ({@code kms:CallerAccount}), plus read access to the
     * key's metadata for the account. KMS Developer Guide, "Change a key policy": "you can only change the key
     * policy for a customer managed key. The policies of AWS managed keys are created and managed by the AWS
     * service that created the KMS key in your account". The statements are the ones GetKeyPolicy shows on
     * {@code aws/rds} (recalled, not read from a published document); their {@code kms:CallerAccount} condition is
     * why "You can't share a snapshot that has been encrypted using the default KMS key" (Aurora User Guide,
     * Sharing encrypted snapshots), and since no statement allows {@code kms:PutKeyPolicy}, changing it is refused
     * as any unauthorised call is.
     */
    public static String awsManagedRdsPolicy(String partition, String accountId, String region) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17").put("Id", "auto-rds-2");
        ArrayNode statements = policy.putArray("Statement");
        ObjectNode viaRds = statements.addObject()
                .put("Sid", "Allow access through RDS for all principals in the account that are authorized to use RDS")
                .put("Effect", "Allow");
        viaRds.putObject("Principal").put("AWS", "*");
        ArrayNode use = viaRds.putArray("Action");
        List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant",
                "kms:ListGrants", "kms:DescribeKey").forEach(use::add);
        viaRds.put("Resource", "*");
        viaRds.putObject("Condition").putObject("StringEquals").put("kms:CallerAccount", accountId)
                .put("kms:ViaService", "rds." + region + ".amazonaws.com");
        ObjectNode metadata = statements.addObject().put("Sid", "Allow direct access to key metadata to the account")
                .put("Effect", "Allow");
        metadata.putObject("Principal").put("AWS", root(partition, accountId));
        ArrayNode read = metadata.putArray("Action");
        List.of("kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant").forEach(read::add);
        metadata.put("Resource", "*");
        return print(policy);
    }

    public static String root(String partition, String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":root";
    }

    private static String print(ObjectNode policy) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always prints", e);
        }
    }
}
