package dev.snapferry.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The simulated accounts' credentials: long-term access keys of IAM users, roles that {@code AssumeRole} can take
 * (optionally only with MFA), and the temporary credentials it hands out, which expire on the simulator's clock.
 */
public final class Identities {

    /** A long-term key of an IAM user. */
    public record User(String accessKey, String secretKey, String accountId, String userName) {
    }

    /** A role; {@code mfaSerial} set means AssumeRole needs that device and {@link #MFA_CODE}. */
    public record Role(String arn, String accountId, String name, @Nullable String mfaSerial) {
    }

    /** Temporary credentials from AssumeRole. */
    public record Session(String accessKey, String secretKey, String sessionToken, String accountId, String roleArn,
                          String sessionName, Instant expiration) {
    }

    /** The one code the simulated MFA devices accept. */
    public static final String MFA_CODE = "123456";

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Role> roles = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, SsoToken> ssoTokens = new ConcurrentHashMap<>();

    /** An IAM Identity Center access token, as {@code aws sso login} would cache it, valid until {@code expiresAt}. */
    public record SsoToken(String token, java.util.Set<String> accounts, Instant expiresAt) {
    }
    private final AtomicLong counter = new AtomicLong();

    public void addUser(User user) {
        users.put(user.accessKey(), user);
    }

    /** Accepts {@code token} for the portal's GetRoleCredentials in the given accounts until {@code expiresAt}. */
    public void addSsoToken(String token, java.util.Set<String> accounts, Instant expiresAt) {
        ssoTokens.put(token, new SsoToken(token, java.util.Set.copyOf(accounts), expiresAt));
    }

    /**
     * The portal's GetRoleCredentials: temporary credentials of the permission set {@code roleName} in
     * {@code accountId}, valid for an hour or until the token expires.
     */
    public Session ssoRoleCredentials(@Nullable String token, @Nullable String accountId, @Nullable String roleName,
                                      Instant now) {
        SsoToken sso = token == null ? null : ssoTokens.get(token);
        if (sso == null || !now.isBefore(sso.expiresAt())) {
            throw new SimException("UnauthorizedException", 401, "Session token not found or invalid");
        }
        // The set is immutable: its contains(null) would throw instead of refusing.
        if (accountId == null || !sso.accounts().contains(accountId) || roleName == null || roleName.isBlank()) {
            throw new SimException("ForbiddenException", 403, "No access");
        }
        Instant until = now.plus(Duration.ofHours(1));
        Role role = new Role("arn:aws:iam::" + accountId + ":role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_"
                + roleName, accountId, "AWSReservedSSO_" + roleName, null);
        return assumeRole(role, "sso-user", Duration.between(now, until.isAfter(sso.expiresAt())
                ? sso.expiresAt() : until), now);
    }

    public void addRole(Role role) {
        roles.put(role.arn(), role);
    }

    public Optional<Role> role(String arn) {
        return Optional.ofNullable(roles.get(arn));
    }

    /** Every account that has a user or a role. */
    public java.util.Set<String> accounts() {
        java.util.Set<String> all = new java.util.TreeSet<>();
        users.values().forEach(u -> all.add(u.accountId()));
        roles.values().forEach(r -> all.add(r.accountId()));
        return all;
    }

    public Optional<User> firstUserOf(String accountId) {
        return users.values().stream().filter(u -> u.accountId().equals(accountId))
                .sorted(java.util.Comparator.comparing(User::accessKey)).findFirst();
    }

    /**
     * Who is calling, or the error AWS gives: an unknown key is {@code InvalidClientTokenId}, a session key without
     * its token or with another token is refused the same way, an expired session is {@code ExpiredToken}.
     */
    public Caller authenticate(String accessKey, @Nullable String sessionToken, String region, String service,
                               Instant now, boolean jsonProtocol) {
        User user = users.get(accessKey);
        if (user != null) {
            return new Caller(user.accountId(), "arn:aws:iam::" + user.accountId() + ":user/" + user.userName(),
                    "AIDA" + user.accessKey().substring(Math.min(4, user.accessKey().length())), accessKey, region,
                    service);
        }
        Session session = sessions.get(accessKey);
        if (session == null || sessionToken == null || !session.sessionToken().equals(sessionToken)) {
            throw invalidToken(jsonProtocol);
        }
        if (!now.isBefore(session.expiration())) {
            throw jsonProtocol
                    ? new SimException("ExpiredTokenException", 400, "The security token included in the request is expired")
                    : new SimException("ExpiredToken", 400, "The security token included in the request is expired");
        }
        String roleName = session.roleArn().substring(session.roleArn().lastIndexOf('/') + 1);
        return new Caller(session.accountId(), "arn:aws:sts::" + session.accountId() + ":assumed-role/" + roleName
                + "/" + session.sessionName(), "AROA" + roleName.toUpperCase(java.util.Locale.ROOT) + ":"
                + session.sessionName(), accessKey, region, service);
    }

    /** Issues temporary credentials for {@code role}, valid for {@code duration} of simulated time. */
    public Session assumeRole(Role role, String sessionName, Duration duration, Instant now) {
        long n = counter.incrementAndGet();
        String key = String.format("ASIASIM%013d", n);
        Session session = new Session(key, "simsecret" + n, "simtoken-" + n + "-" + Long.toHexString(now.toEpochMilli()),
                role.accountId(), role.arn(), sessionName, now.plus(duration));
        sessions.put(key, session);
        return session;
    }

    public static SimException invalidToken(boolean jsonProtocol) {
        return jsonProtocol
                ? new SimException("UnrecognizedClientException", 400,
                        "The security token included in the request is invalid.")
                : new SimException("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
    }
}
