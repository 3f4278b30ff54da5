package dev.snapferry.core.aws;

import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Builds the SDK credentials provider of a profile: static keys, a credential process, a role assumed from a
 * source profile (asking for an MFA code through {@link MfaPrompt} when the profile has {@code mfa_serial}), IAM
 * Identity Center from the {@code aws sso login} token cache, or the environment. Secrets go from the files straight
 * into the SDK's providers and are never logged or stored by Snapferry.
 */
public final class CredentialProviders {

    private final AwsProfiles profiles;
    private final MfaPrompt mfa;
    private final SdkHttpClient http;
    private final SsoTokenCache ssoTokens;

    public CredentialProviders(AwsProfiles profiles, MfaPrompt mfa, SdkHttpClient http, Clock clock) {
        AwsProfiles.shieldSdkFromBrokenFiles();
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.mfa = Objects.requireNonNull(mfa, "mfa");
        this.http = Objects.requireNonNull(http, "http");
        this.ssoTokens = new SsoTokenCache(profiles.home(), clock);
    }

    /**
     * The provider for {@code profileName}.
     *
     * @param endpointOverride where STS and SSO are reached for this profile (the simulator, LocalStack), or null
     * @throws CredentialsUnavailableException when the profile cannot give credentials at all
     */
    public AwsCredentialsProvider forProfile(String profileName, @Nullable URI endpointOverride) {
        return build(profileName, endpointOverride, new HashSet<>());
    }

    private AwsCredentialsProvider build(String name, @Nullable URI endpoint, Set<String> visiting) {
        if (!visiting.add(name)) {
            throw new CredentialsUnavailableException("Profile " + name + " is its own source profile through "
                    + String.join(" -> ", visiting) + ". Fix source_profile in the AWS config file.", false);
        }
        if (name.equals(AwsProfiles.ENVIRONMENT)) {
            return environment();
        }
        Profile profile = profiles.raw(name).orElseThrow(() -> new CredentialsUnavailableException(
                "There is no profile named " + name + " in the AWS config or credentials file.", false));
        Map<String, String> p = profile.properties();
        return switch (AwsProfiles.kind(p)) {
            case ASSUME_ROLE -> assumeRole(name, p, endpoint, visiting);
            case SSO -> sso(name, p, endpoint);
            case CREDENTIAL_PROCESS -> ProcessCredentialsProvider.builder().command(p.get("credential_process"))
                    .build();
            case STATIC_KEYS -> staticKeys(name, p.get("aws_access_key_id"), p.get("aws_secret_access_key"),
                    p.get("aws_session_token"));
            case ENVIRONMENT -> environment();
            case NO_CREDENTIALS -> throw new CredentialsUnavailableException("Profile " + name
                    + " has no credentials: add keys, a role, IAM Identity Center or a credential_process.", false);
        };
    }

    private AwsCredentialsProvider environment() {
        Map<String, String> env = profiles.environment();
        return staticKeys(AwsProfiles.ENVIRONMENT, env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"),
                env.get("AWS_SESSION_TOKEN"));
    }

    private static AwsCredentialsProvider staticKeys(String name, @Nullable String key, @Nullable String secret,
                                                     @Nullable String token) {
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            throw new CredentialsUnavailableException("Profile " + name + " lacks aws_access_key_id or "
                    + "aws_secret_access_key.", false);
        }
        return StaticCredentialsProvider.create(token == null || token.isBlank()
                ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token));
    }

    private AwsCredentialsProvider assumeRole(String name, Map<String, String> p, @Nullable URI endpoint,
                                              Set<String> visiting) {
        AwsCredentialsProvider source;
        if (p.containsKey("source_profile")) {
            source = build(p.get("source_profile"), endpoint, visiting);
        } else if ("Environment".equalsIgnoreCase(p.get("credential_source"))) {
            source = environment();
        } else {
            throw new CredentialsUnavailableException("Profile " + name + " has role_arn but neither "
                    + "source_profile nor credential_source = Environment.", false);
        }
        var sts = StsClient.builder().httpClient(http).credentialsProvider(source)
                .region(Region.of(p.getOrDefault("region", "us-east-1")));
        if (endpoint != null) {
            sts.endpointOverride(endpoint);
        }
        String roleArn = p.get("role_arn");
        String serial = p.get("mfa_serial");
        String session = p.getOrDefault("role_session_name", "snapferry-" + name.replaceAll("[^\\w+=,.@-]", "-"));
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts.build()).refreshRequest(() -> {
            AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(roleArn)
                    .roleSessionName(session.length() > 64 ? session.substring(0, 64) : session);
            if (p.containsKey("duration_seconds")) {
                request.durationSeconds(Integer.parseInt(p.get("duration_seconds")));
            }
            if (p.containsKey("external_id")) {
                request.externalId(p.get("external_id"));
            }
            if (serial != null) {
                String code = mfa.codeFor(name, serial).filter(c -> !c.isBlank()).orElseThrow(() ->
                        new CredentialsUnavailableException("Profile " + name + " needs an MFA code from " + serial
                                + " to assume " + roleArn + ".", false));
                request.serialNumber(serial).tokenCode(code.strip());
            }
            return request.build();
        }).build();
    }

    private AwsCredentialsProvider sso(String name, Map<String, String> p, @Nullable URI endpoint) {
        String cacheKey;
        String ssoRegion;
        if (p.containsKey("sso_session")) {
            String sessionName = p.get("sso_session");
            Profile session = profiles.ssoSession(sessionName).orElseThrow(() -> new CredentialsUnavailableException(
                    "Profile " + name + " names sso_session " + sessionName + ", which the config file lacks.",
                    false));
            cacheKey = sessionName;
            ssoRegion = session.property("sso_region").orElse(p.get("sso_region"));
        } else {
            String startUrl = p.get("sso_start_url");
            if (startUrl == null) {
                throw new CredentialsUnavailableException("Profile " + name + " needs sso_session or sso_start_url "
                        + "for IAM Identity Center.", false);
            }
            cacheKey = startUrl;
            ssoRegion = p.get("sso_region");
        }
        String account = p.get("sso_account_id");
        String role = p.get("sso_role_name");
        if (ssoRegion == null || account == null || role == null) {
            throw new CredentialsUnavailableException("Profile " + name + " needs sso_region, sso_account_id and "
                    + "sso_role_name for IAM Identity Center.", false);
        }
        // Fail now, with the "run aws sso login" message, rather than on the first AWS call.
        ssoTokens.accessToken(cacheKey, name);
        var client = SsoClient.builder().httpClient(http).region(Region.of(ssoRegion))
                .credentialsProvider(AnonymousCredentialsProvider.create());
        if (endpoint != null) {
            client.endpointOverride(endpoint);
        }
        SsoClient portal = client.build();
        return new FollowingSignIn(() -> ssoTokens.accessToken(cacheKey, name), token -> {
            // Typed as the public interface: builder() exposes a package-private implementation class.
            SsoCredentialsProvider.Builder provider = SsoCredentialsProvider.builder();
            return provider.ssoClient(portal).refreshRequest(() -> GetRoleCredentialsRequest.builder()
                    .accountId(account).roleName(role).accessToken(token).build()).build();
        });
    }

    /**
     * IAM Identity Center credentials that follow the user's sign-ins. The SDK's provider keeps role credentials
     * until its own clock says they expire, so after a sign-in expired on AWS's side it would go on failing until
     * restart; this one starts afresh as soon as {@code aws sso login} has cached a new token. While the cached
     * token cannot be read (expired, signed out), the role credentials already held are used until AWS refuses them.
     */
    private static final class FollowingSignIn implements AwsCredentialsProvider {
        private final java.util.function.Supplier<String> cachedToken;
        private final java.util.function.Function<String, AwsCredentialsProvider> forToken;
        private @Nullable String token;
        private @Nullable AwsCredentialsProvider current;

        FollowingSignIn(java.util.function.Supplier<String> cachedToken,
                        java.util.function.Function<String, AwsCredentialsProvider> forToken) {
            this.cachedToken = cachedToken;
            this.forToken = forToken;
        }

        @Override
        public synchronized software.amazon.awssdk.auth.credentials.AwsCredentials resolveCredentials() {
            String latest;
            try {
                latest = cachedToken.get();
            } catch (CredentialsUnavailableException e) {
                if (current == null) {
                    throw e;
                }
                return current.resolveCredentials();
            }
            if (current == null || !latest.equals(token)) {
                token = latest;
                current = forToken.apply(latest);
            }
            return current.resolveCredentials();
        }
    }
}
