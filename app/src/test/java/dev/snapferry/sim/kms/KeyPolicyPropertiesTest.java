package dev.snapferry.sim.kms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The key policy evaluator over generated principals and operations: the properties the IAM User Guide's policy
 * evaluation logic gives every resource policy, checked on the evaluator the simulator's KMS and RDS use.
 */
class KeyPolicyPropertiesTest {

    private static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/k";
    /** KMS operations a key policy can name (KMS Developer Guide, "AWS KMS permissions"). */
    private static final List<String> OPERATIONS = List.of("kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey",
            "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:GetKeyPolicy",
            "kms:ListGrants", "kms:PutKeyPolicy", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:RevokeGrant",
            "kms:ScheduleKeyDeletion");

    private static KeyPolicy.Request request(String account, String user, String action) {
        return new KeyPolicy.Request("arn:aws:iam::" + account + ":user/" + user, account, action, KEY_ARN,
                Map.of("kms:calleraccount", account));
    }

    private static String statement(String effect, String principal, String action) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}";
    }

    private static KeyPolicy policy(String... statements) {
        return KeyPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
    }

    @Provide
    Arbitrary<String> accounts() {
        return Arbitraries.strings().numeric().ofLength(12);
    }

    @Provide
    Arbitrary<String> users() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> operations() {
        return Arbitraries.of(OPERATIONS);
    }

    @Property
    void anAccountsRootAdmitsEveryPrincipalOfThatAccountAndNoOther(@ForAll("accounts") String owner,
                                                                   @ForAll("accounts") String other,
                                                                   @ForAll("users") String user,
                                                                   @ForAll("operations") String operation) {
        Assume.that(!owner.equals(other));
        KeyPolicy policy = policy(statement("Allow", "arn:aws:iam::" + owner + ":root", "kms:*"));
        assertThat(policy.allows(request(owner, user, operation))).isTrue();
        assertThat(policy.allows(request(other, user, operation))).isFalse();
        assertThat(policy(statement("Allow", owner, "kms:*")).allows(request(owner, user, operation)))
                .as("the account id alone names the same account").isTrue();
    }

    @Property
    void anExplicitDenyAlwaysWins(@ForAll("accounts") String account, @ForAll("users") String user,
                                  @ForAll("operations") String operation) {
        KeyPolicy policy = policy(statement("Allow", "*", "*"), statement("Allow", account, "kms:*"),
                statement("Deny", "arn:aws:iam::" + account + ":user/" + user, operation));
        assertThat(policy.allows(request(account, user, operation))).isFalse();
    }

    @Property
    void withoutAnAllowThatAppliesTheRequestIsRefused(@ForAll("accounts") String account,
                                                      @ForAll("users") String user,
                                                      @ForAll("operations") String operation,
                                                      @ForAll("operations") String other) {
        Assume.that(!operation.equals(other));
        assertThat(policy(statement("Allow", account, other)).allows(request(account, user, operation))).isFalse();
    }

    @Property
    void aWildcardMatchesEveryOperationItPrefixesInAnyCase(@ForAll("accounts") String account,
                                                           @ForAll("users") String user,
                                                           @ForAll("operations") String operation,
                                                           @ForAll boolean upper) {
        int cut = "kms:".length() + Math.max(1, (operation.length() - "kms:".length()) / 2);
        String prefix = operation.substring(0, cut) + "*";
        String written = upper ? prefix.toUpperCase(Locale.ROOT) : prefix;
        assertThat(policy(statement("Allow", account, written)).allows(request(account, user, operation)))
                .as("%s matches %s", written, operation).isTrue();
    }
}
