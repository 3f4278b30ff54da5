package dev.snapferry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user whose {@code ~/.aws/credentials} the AWS SDK's parser refuses: Snapferry, run as its own process with that
 * home, still lists the demo account (every SDK client parsed the broken file when it was built and threw, so the
 * demo could not open) and names the broken file.
 */
class BrokenAwsFilesTest {

    @TempDir
    Path home;

    @Test
    void aBrokenCredentialsFileDoesNotStopTheDemoAndIsNamed() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "aws_secret_access_key = before-any-section\n[prod]\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dsnapferry.home=" + home.resolve("snapferry"), "dev.snapferry.app.Main", "--list", "--demo",
                "--regions", "us-east-1").redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("AWS_CONFIG_FILE");
        builder.environment().remove("AWS_SHARED_CREDENTIALS_FILE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("111122223333,us-east-1,").contains(home.resolve(".aws/credentials")
                + " cannot be read").doesNotContain("before-any-section");
    }
}
