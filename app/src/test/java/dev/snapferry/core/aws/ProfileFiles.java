package dev.snapferry.core.aws;

import dev.snapferry.sim.DemoAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** AWS files in a test's home folder, as the AWS CLI writes them, for the simulator's demo accounts. */
public final class ProfileFiles {

    private ProfileFiles() {
    }

    /**
     * Profiles of every kind: {@code prod} (access keys), {@code dr-admin} (a role assumed with MFA), {@code sso}
     * (IAM Identity Center session {@code corp}, signed in with {@code ssoToken}), and {@code refused} with keys
     * AWS does not know.
     */
    public static void writeEveryKind(Path home, String ssoToken, String refusedProfile, String refusedKeyId,
                                      String refusedSecret) throws IOException {
        ssoSignIn(home, "corp", ssoToken, Instant.now().plusSeconds(3_600));
        Files.writeString(home.resolve(".aws/config"), """
                [profile prod]
                region = us-east-1
                [profile dr-admin]
                role_arn = %s
                source_profile = prod
                mfa_serial = %s
                %s""".formatted(DemoAccounts.DR_MFA_ROLE_ARN, DemoAccounts.MFA_SERIAL, ssoProfile("sso", "corp")));
        Files.writeString(home.resolve(".aws/credentials"), """
                [prod]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                [%s]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY, refusedProfile,
                refusedKeyId, refusedSecret));
    }

    /** An IAM Identity Center profile of the production account, Auditor role, through {@code session}. */
    public static String ssoProfile(String profile, String session) {
        return """
                [profile %s]
                sso_session = %s
                sso_account_id = %s
                sso_role_name = Auditor
                [sso-session %s]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                """.formatted(profile, session, DemoAccounts.PRODUCTION, session);
    }

    /** What {@code aws sso login} leaves: the token in the cache file named after the session. */
    public static void ssoSignIn(Path home, String session, String token, Instant expiresAt) throws IOException {
        Files.createDirectories(home.resolve(".aws/sso/cache"));
        Files.writeString(home.resolve(".aws/sso/cache/" + SsoTokenCache.sha1(session) + ".json"),
                "{\"accessToken\": \"" + token + "\", \"expiresAt\": \"" + expiresAt + "\"}");
    }
}
