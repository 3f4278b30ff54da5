package dev.snapferry.fidelity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapferry.sim.DemoAccounts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The key picker's KMS calls and key policies through {@code aws kms}, in both accounts. AWS KMS API Reference:
 * ListKeys returns KeyId and KeyArn; ListAliases returns AliasName, AliasArn and TargetKeyId, and includes the AWS
 * managed {@code alias/aws/rds}; DescribeKey takes a key ID, key ARN, alias name or alias ARN and returns
 * KeyMetadata (KeyManager {@code AWS} or {@code CUSTOMER}; KeyState {@code Enabled} or {@code Disabled}, Enabled
 * false for a disabled key); an unknown key is NotFoundException; GetKeyPolicy returns the {@code default} policy;
 * PutKeyPolicy refuses a policy that is not a valid policy document with MalformedPolicyDocumentException; a
 * ListAliases Limit must be 1..100.
 */
class KmsCliScenarioTest {

    private static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        cli = AwsCli.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (cli != null) {
            cli.close();
        }
    }

    @Test
    void keysAndAliasesOfBothAccounts() {
        JsonNode keys = cli.prod("kms", "list-keys", "--region", "us-east-1").json().get("Keys");
        List<String> keyArns = new ArrayList<>();
        keys.forEach(k -> keyArns.add(k.get("KeyArn").asText()));
        assertThat(keyArns).isNotEmpty().allMatch(a -> a.startsWith("arn:aws:kms:us-east-1:"
                + DemoAccounts.PRODUCTION + ":key/"));

        List<String> aliases = new ArrayList<>();
        cli.prod("kms", "list-aliases", "--region", "us-east-1").json().get("Aliases")
                .forEach(a -> aliases.add(a.get("AliasName").asText()));
        assertThat(aliases).contains("alias/aws/rds", "alias/snapferry-prod-data", "alias/snapferry-prod-data-2023");
        List<String> drAliases = new ArrayList<>();
        cli.dr("kms", "list-aliases", "--region", "us-west-2").json().get("Aliases")
                .forEach(a -> drAliases.add(a.get("AliasName").asText()));
        assertThat(drAliases).contains("alias/dr-backup").doesNotContain("alias/snapferry-prod-data");

        JsonNode customer = cli.prod("kms", "describe-key", "--region", "us-east-1", "--key-id",
                "alias/snapferry-prod-data").json().get("KeyMetadata");
        assertThat(customer.get("KeyManager").asText()).isEqualTo("CUSTOMER");
        assertThat(customer.get("KeyState").asText()).isEqualTo("Enabled");
        assertThat(customer.get("Enabled").asBoolean()).isTrue();
        assertThat(keyArns).contains(customer.get("Arn").asText());
        assertThat(cli.prod("kms", "describe-key", "--region", "us-east-1", "--key-id", customer.get("Arn").asText())
                .json().get("KeyMetadata").get("KeyId").asText()).isEqualTo(customer.get("KeyId").asText());
        JsonNode retired = cli.prod("kms", "describe-key", "--region", "us-east-1", "--key-id",
                "alias/snapferry-prod-data-2023").json().get("KeyMetadata");
        assertThat(retired.get("KeyState").asText()).isEqualTo("Disabled");
        assertThat(retired.get("Enabled").asBoolean()).isFalse();
        assertThat(cli.prod("kms", "describe-key", "--region", "us-east-1", "--key-id", "alias/aws/rds").json()
                .get("KeyMetadata").get("KeyManager").asText()).isEqualTo("AWS");
        assertThat(cli.dr("kms", "describe-key", "--region", "us-west-2", "--key-id", "alias/dr-backup").json()
                .get("KeyMetadata").get("AWSAccountId").asText()).isEqualTo(DemoAccounts.DISASTER_RECOVERY);

        Expect.refused(cli.prod("kms", "describe-key", "--region", "us-east-1", "--key-id", "alias/no-such-key"),
                "kms", "DescribeKey", "NotFoundException", "DescribeKey, Errors: NotFoundException (400)");
        // Keys are regional: production's DR-side alias does not exist in the other account.
        Expect.refused(cli.dr("kms", "describe-key", "--region", "us-east-1", "--key-id",
                "alias/snapferry-prod-data"), "kms", "DescribeKey", "NotFoundException", "an alias of another "
                + "account is not found by name (aliases are per account and region)");
        Expect.refused(cli.prod("kms", "list-aliases", "--region", "us-east-1", "--limit", "101"), "kms",
                "ListAliases", "ValidationException", "ListAliases Limit: 1..100");
    }

    @Test
    void keyPolicyReadAndReplaced() throws Exception {
        String keyId = cli.dr("kms", "describe-key", "--region", "us-east-1", "--key-id", "alias/dr-backup").json()
                .get("KeyMetadata").get("KeyId").asText();
        JsonNode policy = AwsCli.JSON.readTree(cli.dr("kms", "get-key-policy", "--region", "us-east-1", "--key-id",
                keyId, "--policy-name", "default").json().get("Policy").asText());
        // KMS Developer Guide, "Default key policy": the account's root may use IAM policies for everything.
        assertThat(policy.toString()).contains("arn:aws:iam::" + DemoAccounts.DISASTER_RECOVERY + ":root",
                "kms:*");
        // DR's keys also admit production, which is how production copies what DR shares (the demo's data set).
        assertThat(policy.toString()).contains(DemoAccounts.PRODUCTION);

        String replaced = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Root\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + DemoAccounts.DISASTER_RECOVERY + ":root\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        assertThat(cli.dr("kms", "put-key-policy", "--region", "us-east-1", "--key-id", keyId, "--policy-name",
                "default", "--policy", replaced).exit()).isZero();
        assertThat(AwsCli.JSON.readTree(cli.dr("kms", "get-key-policy", "--region", "us-east-1", "--key-id", keyId,
                "--policy-name", "default").json().get("Policy").asText())).isEqualTo(AwsCli.JSON.readTree(replaced));

        Expect.refused(cli.dr("kms", "put-key-policy", "--region", "us-east-1", "--key-id", keyId, "--policy-name",
                        "default", "--policy", "{\"Version\":\"2012-10-17\"}"), "kms", "PutKeyPolicy",
                "MalformedPolicyDocumentException", "PutKeyPolicy, Errors: MalformedPolicyDocumentException");
        Expect.refused(cli.dr("kms", "get-key-policy", "--region", "us-east-1", "--key-id",
                        "11111111-2222-3333-4444-555555555555", "--policy-name", "default"), "kms", "GetKeyPolicy",
                "NotFoundException", "GetKeyPolicy, Errors: NotFoundException");
    }
}
