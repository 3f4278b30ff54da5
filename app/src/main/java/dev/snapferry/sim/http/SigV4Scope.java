package dev.snapferry.sim.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who signed a request and for what: the access key, date, region and service of a SigV4 credential scope, from
 * an {@code Authorization} header or a presigned URL's {@code X-Amz-Credential}.
 */
public record SigV4Scope(String accessKey, String date, String region, String service) {

    private static final Pattern HEADER = Pattern.compile(
            "^AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request\\s*,.*");
    private static final Pattern CREDENTIAL = Pattern.compile(
            "^([^/]+)/(\\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request$");

    public static Optional<SigV4Scope> fromAuthorization(@Nullable String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = HEADER.matcher(header.strip());
        return m.matches() ? Optional.of(new SigV4Scope(m.group(1), m.group(2), m.group(3), m.group(4)))
                : Optional.empty();
    }

    public static Optional<SigV4Scope> fromCredential(@Nullable String credential) {
        if (credential == null) {
            return Optional.empty();
        }
        Matcher m = CREDENTIAL.matcher(credential);
        return m.matches() ? Optional.of(new SigV4Scope(m.group(1), m.group(2), m.group(3), m.group(4)))
                : Optional.empty();
    }
}
