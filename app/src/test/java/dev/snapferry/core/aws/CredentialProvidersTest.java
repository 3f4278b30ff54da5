package dev.snapferry.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Identities;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.faults.FaultSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** Every credential source that works locally, through real profile files and the simulator's STS. */
class CredentialProvidersTest {

    private static Simulator simulator;
    private static SdkHttpClient http;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws IOException {
        // Real time: assumed-role credentials then expire when the SDK expects them to.
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()),
                FaultSettings.none(), dev.snapferry.sim.Dataset.EMPTY));
        http = ApacheHttpClient.create();
    }

    @AfterAll
    static void stop() {
        http.close();
        simulator.close();
    }

    @BeforeEach
    void writeProfiles() throws IOException {
        Path script = home.resolve("creds.sh");
        Files.writeString(script, """
                #!/bin/sh
                printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "%s"}'
                """.formatted(DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile prod]
                region = us-east-1
                [profile dr]
                role_arn = %s
                source_profile = prod
                [profile dr-admin]
                role_arn = %s
                source_profile = prod
                mfa_serial = %s
                [profile process]
                credential_process = %s
                [profile loop-a]
                role_arn = arn:aws:iam::111122223333:role/A
                source_profile = loop-b
                [profile loop-b]
                role_arn = arn:aws:iam::111122223333:role/B
                source_profile = loop-a
                [profile settings-only]
                region = eu-west-1
                [profile sso-legacy]
                sso_start_url = https://example.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 111122223333
                sso_role_name = ReadOnly
                [profile sso-new]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = ReadOnly
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                """.formatted(DemoAccounts.DR_ROLE_ARN, DemoAccounts.DR_MFA_ROLE_ARN, DemoAccounts.MFA_SERIAL,
                script));
        Files.writeString(home.resolve(".aws/credentials"), """
                [prod]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY));
    }

    @Test
    void profilesAreListedWithTheirKindAndWithoutSecrets() {
        AwsProfiles profiles = AwsProfiles.load(Map.of(), home);
        assertThat(profiles.find("prod")).map(AwsProfile::kind).contains(ProfileKind.STATIC_KEYS);
        assertThat(profiles.find("dr")).map(AwsProfile::kind).contains(ProfileKind.ASSUME_ROLE);
        assertThat(profiles.find("sso-new")).map(AwsProfile::kind).contains(ProfileKind.SSO);
        assertThat(profiles.find("process")).map(AwsProfile::kind).contains(ProfileKind.CREDENTIAL_PROCESS);
        assertThat(profiles.find("settings-only")).map(AwsProfile::kind).contains(ProfileKind.NO_CREDENTIALS);
        assertThat(profiles.all().toString()).doesNotContain(DemoAccounts.PRODUCTION_SECRET_KEY)
                .doesNotContain(DemoAccounts.PRODUCTION_ACCESS_KEY);
    }

    @Test
    void staticKeysOpenTheProductionAccount() {
        assertThat(open("prod", MfaPrompt.NONE).accountId()).isEqualTo(DemoAccounts.PRODUCTION);
    }

    @Test
    void aRoleProfileAssumesIntoTheOtherAccount() {
        AccountSession dr = open("dr", MfaPrompt.NONE);
        assertThat(dr.accountId()).isEqualTo(DemoAccounts.DISASTER_RECOVERY);
        assertThat(dr.principalArn()).contains("assumed-role/SnapferryDrOperator/snapferry-dr");
    }

    @Test
    void mfaIsAskedThroughThePromptAndItsAnswerUsed() {
        AtomicInteger asked = new AtomicInteger();
        AccountSession admin = open("dr-admin", (profile, serial) -> {
            asked.incrementAndGet();
            assertThat(profile).isEqualTo("dr-admin");
            assertThat(serial).isEqualTo(DemoAccounts.MFA_SERIAL);
            return Optional.of(Identities.MFA_CODE);
        });
        assertThat(admin.accountId()).isEqualTo(DemoAccounts.DISASTER_RECOVERY);
        assertThat(asked).hasValue(1);
    }

    @Test
    void noMfaCodeOrAWrongOneIsExplained() {
        assertThatThrownBy(() -> open("dr-admin", MfaPrompt.NONE)).isInstanceOf(AwsCallException.class)
                .satisfies(e -> assertThat(((AwsCallException) e).failure())
                        .isInstanceOf(AwsFailure.CredentialsInvalid.class)
                        .extracting(AwsFailure::awsMessage).asString().contains("needs an MFA code"));
        assertThatThrownBy(() -> open("dr-admin", (p, s) -> Optional.of("000000")))
                .isInstanceOf(AwsCallException.class)
                .satisfies(e -> assertThat(((AwsCallException) e).failure())
                        .isInstanceOf(AwsFailure.AccessDenied.class)
                        .extracting(AwsFailure::awsMessage).asString().contains("MultiFactorAuthentication"));
    }

    @Test
    void aCredentialProcessIsRun() {
        assertThat(open("process", MfaPrompt.NONE).accountId()).isEqualTo(DemoAccounts.DISASTER_RECOVERY);
    }

    @Test
    void theEnvironmentIsAProfileToo() {
        AwsProfiles profiles = AwsProfiles.load(Map.of("AWS_ACCESS_KEY_ID", DemoAccounts.DR_ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", DemoAccounts.DR_SECRET_KEY), home);
        assertThat(profiles.all().getFirst().name()).isEqualTo(AwsProfiles.ENVIRONMENT);
        AwsCredentialsProvider provider = providers(profiles, MfaPrompt.NONE)
                .forProfile(AwsProfiles.ENVIRONMENT, simulator.endpoint());
        assertThat(session(provider).accountId()).isEqualTo(DemoAccounts.DISASTER_RECOVERY);
    }

    @Test
    void brokenProfilesSayWhatIsWrong() {
        CredentialProviders providers = providers(AwsProfiles.load(Map.of(), home), MfaPrompt.NONE);
        assertThatThrownBy(() -> providers.forProfile("loop-a", null))
                .isInstanceOf(CredentialsUnavailableException.class).hasMessageContaining("its own source profile");
        assertThatThrownBy(() -> providers.forProfile("settings-only", null))
                .isInstanceOf(CredentialsUnavailableException.class).hasMessageContaining("has no credentials");
        assertThatThrownBy(() -> providers.forProfile("missing", null))
                .isInstanceOf(CredentialsUnavailableException.class).hasMessageContaining("no profile named missing");
    }

    @Test
    void ssoWithoutASignInTellsTheUserToRunAwsSsoLogin() {
        CredentialProviders providers = providers(AwsProfiles.load(Map.of(), home), MfaPrompt.NONE);
        assertThatThrownBy(() -> providers.forProfile("sso-new", null))
                .isInstanceOf(CredentialsUnavailableException.class)
                .hasMessageContaining("aws sso login --profile sso-new")
                .satisfies(e -> assertThat(((CredentialsUnavailableException) e).expired()).isFalse());
    }

    @Test
    void anExpiredSsoSignInIsReportedAsExpired() throws IOException {
        Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
        Files.writeString(cache.resolve(SsoTokenCache.sha1("https://example.awsapps.com/start") + ".json"),
                "{\"accessToken\": \"token\", \"expiresAt\": \"2026-11-20T11:00:00UTC\"}");
        CredentialProviders providers = new CredentialProviders(AwsProfiles.load(Map.of(), home), MfaPrompt.NONE,
                http, Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));
        assertThatThrownBy(() -> providers.forProfile("sso-legacy", null))
                .isInstanceOf(CredentialsUnavailableException.class).hasMessageContaining("expired")
                .hasMessageContaining("aws sso login --profile sso-legacy")
                .satisfies(e -> assertThat(AwsErrors.map(e)).isInstanceOf(AwsFailure.CredentialsExpired.class));
    }

    @Test
    void anSsoSignInFromTheTokenCacheOpensTheAccount() throws IOException {
        Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
        String expires = Instant.now().plusSeconds(3_600).toString();
        Files.writeString(cache.resolve(SsoTokenCache.sha1("corp") + ".json"),
                "{\"accessToken\": \"sso-token-corp\", \"expiresAt\": \"" + expires + "\"}");
        simulator.context().identities().addSsoToken("sso-token-corp", java.util.Set.of(DemoAccounts.PRODUCTION),
                Instant.now().plusSeconds(3_600));
        AccountSession session = open("sso-new", MfaPrompt.NONE);
        assertThat(session.accountId()).isEqualTo(DemoAccounts.PRODUCTION);
        assertThat(session.principalArn()).contains("AWSReservedSSO_ReadOnly");
    }

    @Test
    void aTokenThePortalNoLongerAcceptsIsReportedAsACredentialsProblem() throws IOException {
        Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
        Files.writeString(cache.resolve(SsoTokenCache.sha1("corp") + ".json"), "{\"accessToken\": \"revoked\", "
                + "\"expiresAt\": \"" + Instant.now().plusSeconds(3_600) + "\"}");
        assertThatThrownBy(() -> open("sso-new", MfaPrompt.NONE)).isInstanceOf(AwsCallException.class)
                .satisfies(e -> assertThat(((AwsCallException) e).failure())
                        .isInstanceOf(AwsFailure.CredentialsExpired.class)
                        .extracting(AwsFailure::awsCode).isEqualTo("UnauthorizedException"));
    }

    private AccountSession open(String profile, MfaPrompt prompt) {
        AwsCredentialsProvider provider = providers(AwsProfiles.load(Map.of(), home), prompt)
                .forProfile(profile, simulator.endpoint());
        return session(provider);
    }

    private static AccountSession session(AwsCredentialsProvider provider) {
        return AccountSession.open("test", true, new RegionRef("us-east-1"),
                new AwsClients(provider, simulator.endpoint(), http, 1));
    }

    private CredentialProviders providers(AwsProfiles profiles, MfaPrompt prompt) {
        return new CredentialProviders(profiles, prompt, http, Clock.systemUTC());
    }

}
