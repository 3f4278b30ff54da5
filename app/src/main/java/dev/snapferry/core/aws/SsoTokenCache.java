package dev.snapferry.core.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The token cache that {@code aws sso login} writes: {@code ~/.aws/sso/cache/<sha1 of the session name or start
 * URL>.json} with {@code accessToken} and {@code expiresAt}. Snapferry only reads it; signing in stays with the AWS
 * CLI, so Snapferry never sees the user's IAM Identity Center password.
 */
final class SsoTokenCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path cacheFolder;
    private final Clock clock;

    SsoTokenCache(Path home, Clock clock) {
        this.cacheFolder = home.resolve(".aws").resolve("sso").resolve("cache");
        this.clock = clock;
    }

    /**
     * The access token for {@code cacheKey} (the {@code sso_session} name, or the legacy {@code sso_start_url}).
     *
     * @throws CredentialsUnavailableException telling the user to run {@code aws sso login} when the token is
     *                                         missing, unreadable or expired
     */
    String accessToken(String cacheKey, String profile) {
        Path file = cacheFolder.resolve(sha1(cacheKey) + ".json");
        String login = "aws sso login --profile " + profile;
        if (!Files.isRegularFile(file)) {
            throw new CredentialsUnavailableException("Not signed in to IAM Identity Center for profile " + profile
                    + ". Run \"" + login + "\", then refresh.", false);
        }
        JsonNode token;
        try {
            token = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CredentialsUnavailableException("The IAM Identity Center sign-in of profile " + profile
                    + " cannot be read. Run \"" + login + "\" again.", false);
        }
        String accessToken = token.path("accessToken").asText("");
        Instant expiresAt = parse(token.path("expiresAt").asText(""));
        if (accessToken.isEmpty() || expiresAt == null) {
            throw new CredentialsUnavailableException("The IAM Identity Center sign-in of profile " + profile
                    + " is incomplete. Run \"" + login + "\" again.", false);
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new CredentialsUnavailableException("The IAM Identity Center sign-in of profile " + profile
                    + " expired at " + expiresAt + ". Run \"" + login + "\", then refresh.", true);
        }
        return accessToken;
    }

    private static @Nullable Instant parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            // The AWS CLI v1 wrote "2026-11-22T10:00:00UTC"; v2 writes "2026-11-22T10:00:00Z".
            return Instant.parse(text.endsWith("UTC") ? text.substring(0, text.length() - 3) + "Z" : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
