package dev.snapferry.sim.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.LimitExceededException;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * GetKeyPolicy, PutKeyPolicy, ListKeyPolicies and CreateKey's policy over the real KMS client, with the answers the
 * kms model (2014-11-01) and the KMS Developer Guide give.
 */
@Timeout(60)
class KeyPolicyApiTest {

    private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROD = "111122223333";
    private static final String DR = "444455556666";

    private Simulator simulator;
    private KmsClient kms;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(START), FaultSettings.none(),
                new DemoDataset()));
        kms = SimClients.production(simulator, "us-east-1").kms();
    }

    @AfterEach
    void stop() {
        kms.close();
        simulator.close();
    }

    private String policyOf(KmsClient client, String keyId) {
        return client.getKeyPolicy(b -> b.keyId(keyId).policyName("default")).policy();
    }

    private static JsonNode json(String document) throws Exception {
        return JSON.readTree(document);
    }

    private static String statement(String principal, String actions) {
        return "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":" + actions
                + ",\"Resource\":\"*\"}";
    }

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    @Test
    void aKeyCreatedWithoutAPolicyGetsTheDefaultKeyPolicy() throws Exception {
        String keyId = kms.createKey(b -> b.description("no policy given")).keyMetadata().keyId();
        JsonNode policy = json(policyOf(kms, keyId));
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.path("Statement")).singleElement().satisfies(s -> {
            assertThat(s.path("Sid").asText()).isEqualTo("Enable IAM User Permissions");
            assertThat(s.path("Effect").asText()).isEqualTo("Allow");
            assertThat(s.path("Principal").path("AWS").asText()).isEqualTo("arn:aws:iam::" + PROD + ":root");
            assertThat(s.path("Action").asText()).isEqualTo("kms:*");
            assertThat(s.path("Resource").asText()).isEqualTo("*");
        });
        assertThat(kms.getKeyPolicy(b -> b.keyId(keyId)).policyName())
                .as("PolicyName may be left out: it defaults to default").isEqualTo("default");
    }

    @Test
    void keysInOtherPartitionsNameTheirPartitionsRoot() throws Exception {
        try (KmsClient china = SimClients.production(simulator, "cn-north-1").kms()) {
            String keyId = china.createKey(b -> b.description("china")).keyMetadata().keyId();
            assertThat(json(policyOf(china, keyId)).path("Statement").get(0).path("Principal").path("AWS").asText())
                    .isEqualTo("arn:aws-cn:iam::" + PROD + ":root");
        }
    }

    @Test
    void theDemosUsEast1ProductionKeyAdmitsTheDrAccountAndItsOtherKeysDoNot() {
        assertThat(policyOf(kms, "alias/snapferry-prod-data")).contains("arn:aws:iam::" + DR + ":root")
                .contains("kms:CreateGrant");
        for (String region : new String[] {"us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1"}) {
            try (KmsClient other = SimClients.production(simulator, region).kms()) {
                assertThat(policyOf(other, "alias/snapferry-prod-data")).as(region).doesNotContain(DR);
            }
        }
        try (KmsClient dr = SimClients.disasterRecovery(simulator, "us-east-1").kms()) {
            assertThat(policyOf(dr, "alias/dr-backup")).as("DR shares with production")
                    .contains("arn:aws:iam::" + PROD + ":root");
        }
    }

    @Test
    void aPolicyIsStoredAndReturnedVerbatim() {
        String keyId = kms.createKey(b -> b.description("verbatim")).keyMetadata().keyId();
        String document = "{ \"Version\" : \"2012-10-17\",\n\t\"Id\": \"mine\", \"Statement\": "
                + statement("arn:aws:iam::" + PROD + ":root", "\"kms:*\"") + " }";
        kms.putKeyPolicy(b -> b.keyId(keyId).policyName("default").policy(document));
        assertThat(policyOf(kms, keyId)).isEqualTo(document);
        assertThat(kms.listKeyPolicies(b -> b.keyId(keyId)).policyNames()).containsExactly("default");
    }

    @Test
    void addingAnAccountToTheKeyPolicyKeepsTheOwnersStatement() throws Exception {
        String keyId = kms.createKey(b -> b.description("shared")).keyMetadata().keyId();
        String admitting = policy(statement("arn:aws:iam::" + PROD + ":root", "\"kms:*\""),
                statement(DR, "[\"kms:CreateGrant\",\"kms:DescribeKey\"]"));
        kms.putKeyPolicy(b -> b.keyId(keyId).policy(admitting));
        assertThat(json(policyOf(kms, keyId)).path("Statement")).hasSize(2);
    }

    static Stream<Arguments> malformedPolicies() {
        String owner = statement("arn:aws:iam::" + PROD + ":root", "\"kms:*\"");
        return Stream.of(
                Arguments.of("not JSON", "{\"Version\":\"2012-10-17\",\"Statement\":["),
                Arguments.of("a JSON array", "[" + owner + "]"),
                Arguments.of("no Statement", "{\"Version\":\"2012-10-17\"}"),
                Arguments.of("an empty Statement list", "{\"Version\":\"2012-10-17\",\"Statement\":[]}"),
                Arguments.of("an unknown Version", "{\"Version\":\"2020-01-01\",\"Statement\":[" + owner + "]}"),
                Arguments.of("an Effect that is neither Allow nor Deny",
                        policy(owner.replace("\"Allow\"", "\"Permit\""))),
                Arguments.of("a statement without a principal",
                        policy(owner, "{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}")),
                Arguments.of("a statement without an action",
                        policy(owner, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + DR + "\"}}")),
                Arguments.of("a principal that is not an account or an IAM ARN",
                        policy(owner, statement("444455556666:root", "\"kms:Decrypt\""))),
                Arguments.of("a Condition that is not an object of objects",
                        policy(owner.replace("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":\"yes\""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPolicies")
    void aMalformedPolicyIsRefusedAndTheOldOneStays(String what, String document) {
        String keyId = kms.createKey(b -> b.description("malformed")).keyMetadata().keyId();
        String before = policyOf(kms, keyId);
        assertThatThrownBy(() -> kms.putKeyPolicy(b -> b.keyId(keyId).policyName("default").policy(document)))
                .as(what).isInstanceOfSatisfying(MalformedPolicyDocumentException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(policyOf(kms, keyId)).isEqualTo(before);
    }

    @Test
    void aPolicyThatLocksOutTheCallerIsRefusedUnlessTheSafetyCheckIsBypassed() {
        String keyId = kms.createKey(b -> b.description("lockout")).keyMetadata().keyId();
        String drOnly = policy(statement("arn:aws:iam::" + DR + ":root", "\"kms:*\""));
        MalformedPolicyDocumentException e = catchThrowableOfType(MalformedPolicyDocumentException.class,
                () -> kms.putKeyPolicy(b -> b.keyId(keyId).policy(drOnly)));
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The new key policy will not allow you to update the key policy in the future.");

        String readOnly = policy(statement("arn:aws:iam::" + PROD + ":root", "[\"kms:Get*\",\"kms:Describe*\"]"));
        assertThatThrownBy(() -> kms.putKeyPolicy(b -> b.keyId(keyId).policy(readOnly)))
                .as("reading is not updating").isInstanceOf(MalformedPolicyDocumentException.class);
        String putOnly = policy(statement("arn:aws:iam::" + PROD + ":user/demo-dba", "\"kms:Put*\""));
        kms.putKeyPolicy(b -> b.keyId(keyId).policy(putOnly));

        kms.putKeyPolicy(b -> b.keyId(keyId).policy(drOnly).bypassPolicyLockoutSafetyCheck(true));
        KmsException denied = catchThrowableOfType(KmsException.class,
                () -> kms.putKeyPolicy(b -> b.keyId(keyId).policy(putOnly)));
        assertThat(denied.awsErrorDetails().errorCode()).as("the owner is now locked out")
                .isEqualTo("AccessDeniedException");
        assertThatThrownBy(() -> policyOf(kms, keyId)).isInstanceOfSatisfying(KmsException.class,
                x -> assertThat(x.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
    }

    @Test
    void anExplicitDenyOfPutKeyPolicyFailsTheSafetyCheck() {
        String keyId = kms.createKey(b -> b.description("deny")).keyMetadata().keyId();
        String denying = policy(statement("arn:aws:iam::" + PROD + ":root", "\"kms:*\""),
                statement("arn:aws:iam::" + PROD + ":root", "\"kms:PutKeyPolicy\"").replace("Allow", "Deny"));
        assertThatThrownBy(() -> kms.putKeyPolicy(b -> b.keyId(keyId).policy(denying)))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void theAwsManagedKeysPolicyCanBeReadButNotChanged() throws Exception {
        String rdsKey = kms.describeKey(b -> b.keyId("alias/aws/rds")).keyMetadata().keyId();
        JsonNode policy = json(policyOf(kms, rdsKey));
        assertThat(policy.path("Statement").get(0).path("Condition").path("StringEquals")
                .path("kms:CallerAccount").asText()).isEqualTo(PROD);
        assertThat(policy.path("Statement").get(0).path("Condition").path("StringEquals")
                .path("kms:ViaService").asText()).isEqualTo("rds.us-east-1.amazonaws.com");
        KmsException e = catchThrowableOfType(KmsException.class, () -> kms.putKeyPolicy(b -> b.keyId(rdsKey)
                .policy(policy(statement("arn:aws:iam::" + PROD + ":root", "\"kms:*\"")))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("kms:PutKeyPolicy");
    }

    @Test
    void aPolicyOver32KilobytesIsLimitExceeded() {
        String keyId = kms.createKey(b -> b.description("big")).keyMetadata().keyId();
        String big = policy(statement("arn:aws:iam::" + PROD + ":root", "\"kms:*\"")
                .replace("{\"Effect\"", "{\"Sid\":\"" + "x".repeat(33_000) + "\",\"Effect\""));
        assertThatThrownBy(() -> kms.putKeyPolicy(b -> b.keyId(keyId).policy(big)))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void charactersBeyondLatin1AreAValidationError() {
        String keyId = kms.createKey(b -> b.description("chars")).keyMetadata().keyId();
        String document = policy(statement("arn:aws:iam::" + PROD + ":root", "\"kms:*\"")
                .replace("{\"Effect\"", "{\"Sid\":\"\u2713\",\"Effect\""));
        assertThatThrownBy(() -> kms.putKeyPolicy(b -> b.keyId(keyId).policy(document)))
                .isInstanceOfSatisfying(KmsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void anUnknownKeyOrPolicyNameIsNotFound() {
        assertThatThrownBy(() -> kms.getKeyPolicy(b -> b.keyId("alias/nope").policyName("default")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kms.putKeyPolicy(b -> b.keyId("00000000-0000-0000-0000-000000000000")
                .policyName("default").policy(policy(statement(PROD, "\"kms:*\"")))))
                .isInstanceOf(NotFoundException.class);
        String keyId = kms.createKey(b -> b.description("names")).keyMetadata().keyId();
        assertThatThrownBy(() -> kms.getKeyPolicy(b -> b.keyId(keyId).policyName("other")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kms.getKeyPolicy(b -> b.keyId(keyId).policyName("not a name")))
                .isInstanceOfSatisfying(KmsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void anotherAccountCannotReadOrChangeTheKeyPolicy() {
        String arn = kms.describeKey(b -> b.keyId("alias/snapferry-prod-data")).keyMetadata().arn();
        try (KmsClient dr = SimClients.disasterRecovery(simulator, "us-east-1").kms()) {
            // GetKeyPolicy and PutKeyPolicy: "Cross-account use: No." (kms model).
            assertThatThrownBy(() -> dr.getKeyPolicy(b -> b.keyId(arn).policyName("default")))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void createKeyTakesAPolicyCheckedLikePutKeyPolicy() {
        String own = policy(statement(PROD, "\"kms:*\""));
        String keyId = kms.createKey(b -> b.description("with policy").policy(own)).keyMetadata().keyId();
        assertThat(policyOf(kms, keyId)).isEqualTo(own);

        int before = kms.listKeys(b -> b.limit(1000)).keys().size();
        String drOnly = policy(statement(DR, "\"kms:*\""));
        assertThatThrownBy(() -> kms.createKey(b -> b.description("locked out").policy(drOnly)))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        assertThat(kms.listKeys(b -> b.limit(1000)).keys()).as("no key is left behind").hasSize(before)
                .extracting(KeyListEntry::keyId).contains(keyId);
        assertThat(kms.createKey(b -> b.description("bypassed").policy(drOnly).bypassPolicyLockoutSafetyCheck(true))
                .keyMetadata().keyId()).isNotBlank();
    }
}
