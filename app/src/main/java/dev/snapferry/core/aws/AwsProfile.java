package dev.snapferry.core.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One profile of the shared config and credentials files, as far as Snapferry shows and uses it. It keeps the
 * profile's settings but never its secrets: keys stay in the files and reach the SDK only through a provider.
 *
 * @param settings the profile's non-secret properties ({@code region}, {@code role_arn}, {@code sso_session}, ...)
 */
public record AwsProfile(String name, ProfileKind kind, Map<String, String> settings) {

    /** Property names whose values are secrets and are never copied out of the files. */
    static final java.util.Set<String> SECRET_PROPERTIES = java.util.Set.of("aws_access_key_id",
            "aws_secret_access_key", "aws_session_token");

    public AwsProfile {
        settings = Map.copyOf(settings);
        for (String secret : SECRET_PROPERTIES) {
            if (settings.containsKey(secret)) {
                throw new IllegalArgumentException("a profile's settings never hold " + secret);
            }
        }
    }

    public Optional<String> setting(String property) {
        return Optional.ofNullable(settings.get(property));
    }

    public Optional<String> region() {
        return setting("region");
    }

    /** The profile's {@code endpoint_url}, for LocalStack or another AWS-compatible endpoint. */
    public @Nullable URI endpointUrl() {
        return setting("endpoint_url").map(URI::create).orElse(null);
    }
}
