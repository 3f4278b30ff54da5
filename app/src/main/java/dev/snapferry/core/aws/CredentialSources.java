package dev.snapferry.core.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Whether this user has any AWS credentials configured at all: access keys or a profile in the environment, or a
 * profile section in the shared config or credentials file (honouring {@code AWS_CONFIG_FILE} and
 * {@code AWS_SHARED_CREDENTIALS_FILE}). When there are none, Snapferry opens the demo account instead of failing.
 */
public final class CredentialSources {

    private CredentialSources() {
    }

    public static boolean anyConfigured(Map<String, String> env, Path home) {
        for (String name : new String[] {"AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        Path config = pathOr(env.get("AWS_CONFIG_FILE"), home.resolve(".aws").resolve("config"));
        Path credentials = pathOr(env.get("AWS_SHARED_CREDENTIALS_FILE"), home.resolve(".aws").resolve("credentials"));
        return hasSection(config) || hasSection(credentials);
    }

    private static Path pathOr(@Nullable String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    private static boolean hasSection(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip).anyMatch(l -> l.startsWith("[") && l.endsWith("]"));
        } catch (IOException | java.io.UncheckedIOException e) {
            // An unreadable file is not a usable configuration; the demo is the safe start.
            return false;
        }
    }
}
