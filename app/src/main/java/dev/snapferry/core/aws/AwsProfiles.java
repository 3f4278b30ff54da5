package dev.snapferry.core.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The profiles of the shared config ({@code ~/.aws/config} or {@code AWS_CONFIG_FILE}) and credentials
 * ({@code ~/.aws/credentials} or {@code AWS_SHARED_CREDENTIALS_FILE}) files, read with the SDK's own parser, plus
 * the environment's credentials as a pseudo-profile. Files that do not exist are simply absent.
 */
public final class AwsProfiles {

    /** The name under which credentials from environment variables are offered. */
    public static final String ENVIRONMENT = "(environment)";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AwsProfiles.class);

    private final ProfileFile file;
    private final Map<String, String> env;
    private final Path home;
    private final List<String> problems;

    private AwsProfiles(ProfileFile file, Map<String, String> env, Path home, List<String> problems) {
        this.file = file;
        this.env = Map.copyOf(env);
        this.home = home;
        this.problems = List.copyOf(problems);
    }

    /** Reads the files the environment points at, or the defaults under {@code home}. */
    public static AwsProfiles load(Map<String, String> env, Path home) {
        Path config = path(env.get("AWS_CONFIG_FILE"), home.resolve(".aws").resolve("config"));
        Path credentials = path(env.get("AWS_SHARED_CREDENTIALS_FILE"), home.resolve(".aws").resolve("credentials"));
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        List<String> problems = new ArrayList<>();
        read(config, ProfileFile.Type.CONFIGURATION, problems).ifPresent(aggregator::addFile);
        read(credentials, ProfileFile.Type.CREDENTIALS, problems).ifPresent(aggregator::addFile);
        return new AwsProfiles(aggregator.build(), env, home, problems);
    }

    /**
     * One file, parsed now. A file the SDK's parser refuses (a line that is neither a section nor a property, a
     * broken continuation, bytes that are not text) leaves its profiles out, with a problem naming the file and
     * the parser's reason (which gives the line number, never the line: it may hold a secret).
     */
    private static Optional<ProfileFile> read(Path path, ProfileFile.Type type, List<String> problems) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            ProfileFile parsed = ProfileFile.builder().content(path).type(type).build();
            parsed.profiles();
            return Optional.of(parsed);
        } catch (RuntimeException e) {
            String problem = path + " cannot be read and is left out: " + e.getMessage();
            LOG.warn(problem);
            problems.add(problem);
            return Optional.empty();
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean SHIELDED =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Every SDK client parses the AWS files at their default places when it is built, and throws on a file its
     * parser refuses, which stopped even the demo account from opening. Snapferry gives its clients credentials and
     * regions itself and reads the profiles through {@link #load}; so when a default file is broken, the SDK is
     * pointed at an empty one instead ({@code aws.configFile}, {@code aws.sharedCredentialsFile}), once per
     * process, unless the user set those properties.
     */
    public static void shieldSdkFromBrokenFiles() {
        if (!SHIELDED.compareAndSet(false, true)) {
            return;
        }
        shield(software.amazon.awssdk.profiles.ProfileFileLocation.configurationFileLocation(),
                ProfileFile.Type.CONFIGURATION, "aws.configFile");
        shield(software.amazon.awssdk.profiles.ProfileFileLocation.credentialsFileLocation(),
                ProfileFile.Type.CREDENTIALS, "aws.sharedCredentialsFile");
    }

    private static void shield(Optional<Path> location, ProfileFile.Type type, String property) {
        if (location.isEmpty() || System.getProperty(property) != null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (read(location.get(), type, problems).isPresent() || problems.isEmpty()) {
            return;
        }
        try {
            Path empty = Files.createTempFile("snapferry-empty-", ".aws");
            empty.toFile().deleteOnExit();
            System.setProperty(property, empty.toString());
        } catch (java.io.IOException e) {
            LOG.warn("Could not shield the AWS SDK from {}: {}", location.get(), e.getMessage());
        }
    }

    /** Files that could not be read, each with why; empty when all were fine. */
    public List<String> problems() {
        return problems;
    }

    public Path home() {
        return home;
    }

    public Map<String, String> environment() {
        return env;
    }

    /** Every profile, the environment's credentials first when they are set, then by name. */
    public List<AwsProfile> all() {
        List<AwsProfile> result = new ArrayList<>();
        if (hasEnvironmentCredentials()) {
            result.add(new AwsProfile(ENVIRONMENT, ProfileKind.ENVIRONMENT,
                    env.containsKey("AWS_REGION") ? Map.of("region", env.get("AWS_REGION")) : Map.of()));
        }
        file.profiles().values().stream().sorted(Comparator.comparing(Profile::name))
                .forEach(p -> result.add(describe(p)));
        return result;
    }

    public Optional<AwsProfile> find(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The profile {@code AWS_PROFILE} names, or {@code default} when it exists. */
    public Optional<AwsProfile> defaultProfile() {
        String named = env.get("AWS_PROFILE");
        if (named != null && !named.isBlank()) {
            return find(named);
        }
        return find("default").or(() -> hasEnvironmentCredentials() ? find(ENVIRONMENT) : Optional.empty());
    }

    /** The raw SDK profile, for building a credentials provider; it holds secrets and must not leave core.aws. */
    Optional<Profile> raw(String name) {
        return file.profile(name);
    }

    Optional<Profile> ssoSession(String name) {
        return file.getSection("sso-session", name);
    }

    boolean hasEnvironmentCredentials() {
        String key = env.get("AWS_ACCESS_KEY_ID");
        return key != null && !key.isBlank() && env.get("AWS_SECRET_ACCESS_KEY") != null;
    }

    static AwsProfile describe(Profile profile) {
        Map<String, String> settings = new LinkedHashMap<>();
        profile.properties().forEach((k, v) -> {
            if (!AwsProfile.SECRET_PROPERTIES.contains(k)) {
                settings.put(k, v);
            }
        });
        return new AwsProfile(profile.name(), kind(profile.properties()), settings);
    }

    static ProfileKind kind(Map<String, String> p) {
        if (p.containsKey("role_arn")) {
            return ProfileKind.ASSUME_ROLE;
        }
        if (p.containsKey("sso_session") || p.containsKey("sso_start_url")) {
            return ProfileKind.SSO;
        }
        if (p.containsKey("credential_process")) {
            return ProfileKind.CREDENTIAL_PROCESS;
        }
        if (p.containsKey("aws_access_key_id")) {
            return ProfileKind.STATIC_KEYS;
        }
        return ProfileKind.NO_CREDENTIALS;
    }

    private static Path path(@Nullable String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
