package dev.snapferry.fidelity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.StandaloneSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Debian's AWS CLI ({@code /usr/bin/aws}, botocore parsing every reply) pointed at a standalone simulator started
 * with a manual clock. Every call is a child process with the account's credentials in its environment, the
 * endpoint, the region and {@code --output json} on its command line, and nothing of the user's AWS set-up.
 *
 * <p>Without the CLI the suite fails, with the command that installs it: a fidelity suite that passes because its
 * client is missing proves nothing ({@code .ci/run} installs the {@code awscli} package).
 */
public final class AwsCli implements AutoCloseable {

    public static final Path AWS = Path.of("/usr/bin/aws");
    /** The service models the CLI itself parses replies with: the API reference in machine-readable form. */
    public static final Path MODELS = Path.of("/usr/lib/python3/dist-packages/awscli/botocore/data");
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * AWS CLI User Guide, "Command line return codes" (cli-chap-troubleshooting / topic return-codes): 254 "The
     * command was successfully parsed and a request was made to the specified service but the service returned an
     * error"; 252 "The command syntax was invalid, an unknown parameter was provided, or a parameter value was
     * incorrect and prevented the command from running".
     */
    public static final int SERVICE_ERROR_EXIT = 254;
    public static final int USAGE_ERROR_EXIT = 252;

    /** How the CLI prints a service's refusal on stderr (botocore ClientError). */
    private static final Pattern ERROR_LINE = Pattern.compile(
            "An error occurred \\(([A-Za-z0-9.]+)\\) when calling the ([A-Za-z0-9]+) operation: (.*)", Pattern.DOTALL);

    /** Credentials the child process gets in its environment: a demo user's keys, or an assumed role's session. */
    public record Credentials(String accessKey, String secretKey, @Nullable String sessionToken) {
        public static final Credentials PRODUCTION = new Credentials(DemoAccounts.PRODUCTION_ACCESS_KEY,
                DemoAccounts.PRODUCTION_SECRET_KEY, null);
        public static final Credentials DISASTER_RECOVERY = new Credentials(DemoAccounts.DR_ACCESS_KEY,
                DemoAccounts.DR_SECRET_KEY, null);
    }

    /** One CLI run: its exit code, stdout and stderr. */
    public record Result(List<String> command, int exit, String out, String err) {

        public JsonNode json() {
            assertThat(exit).as("exit code of %s\nstderr: %s", command, err).isZero();
            try {
                return out.isBlank() ? JSON.createObjectNode() : JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON from " + command + ": " + out, e);
            }
        }

        /** The service's refusal as the CLI printed it; fails unless this run was one. */
        public Refusal refusal() {
            assertThat(exit).as("exit code of %s (stdout %s)", command, out).isEqualTo(SERVICE_ERROR_EXIT);
            Matcher m = ERROR_LINE.matcher(err.strip());
            assertThat(m.find()).as("stderr of %s: %s", command, err).isTrue();
            return new Refusal(m.group(1), m.group(2), m.group(3).strip());
        }
    }

    /** A refusal: AWS's error code, the operation the CLI named, and the service's message. */
    public record Refusal(String code, String operation, String message) {
    }

    private final StandaloneSimulator simulator;
    private final Path home;

    private AwsCli(StandaloneSimulator simulator, Path home) {
        this.simulator = simulator;
        this.home = home;
    }

    /** Fails, naming the package, when the CLI is not installed; then starts a simulator on a manual clock. */
    public static AwsCli start() throws IOException {
        requireInstalled();
        Path home = Files.createTempDirectory("snapferry-aws-cli");
        return new AwsCli(StandaloneSimulator.start("--port", "0", "--manual-clock"), home);
    }

    public static void requireInstalled() {
        if (!Files.isExecutable(AWS)) {
            throw new AssertionError("The AWS CLI is not installed at " + AWS + ": the CLI fidelity suite needs it "
                    + "(apt-get install awscli; .ci/run installs it on CI).");
        }
    }

    public Result prod(String... args) {
        return run(Credentials.PRODUCTION, args);
    }

    public Result dr(String... args) {
        return run(Credentials.DISASTER_RECOVERY, args);
    }

    public Result run(Credentials credentials, String... args) {
        List<String> command = new ArrayList<>(List.of(AWS.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", simulator.endpoint().toString(), "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretKey());
        if (credentials.sessionToken() != null) {
            env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        }
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("HOME", home.toString());
        try {
            Path err = Files.createTempFile(home, "aws", ".err");
            Process process = builder.redirectError(err.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
            String error = Files.readString(err);
            Files.delete(err);
            return new Result(List.of(args),
                    process.exitValue(), out, error);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Moves the simulator's clock: creations and copies finish as simulated time passes. */
    public void advance(long seconds) {
        try {
            simulator.advanceClock(seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String endpoint() {
        return simulator.endpoint().toString();
    }

    @Override
    public void close() throws InterruptedException {
        simulator.close();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
