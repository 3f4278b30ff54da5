package dev.snapferry.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialSourcesTest {

    @TempDir
    Path home;

    @Test
    void nothingConfiguredMeansDemo() {
        assertThat(CredentialSources.anyConfigured(Map.of(), home)).isFalse();
    }

    @Test
    void environmentKeysOrProfileCount() {
        assertThat(CredentialSources.anyConfigured(Map.of("AWS_ACCESS_KEY_ID", "AKIA..."), home)).isTrue();
        assertThat(CredentialSources.anyConfigured(Map.of("AWS_PROFILE", "prod"), home)).isTrue();
        assertThat(CredentialSources.anyConfigured(Map.of("AWS_PROFILE", " "), home)).isFalse();
    }

    @Test
    void aProfileSectionInTheSharedFilesCounts() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "# nothing yet\n");
        assertThat(CredentialSources.anyConfigured(Map.of(), home)).isFalse();
        Files.writeString(home.resolve(".aws/config"), "[profile prod]\nregion = eu-west-1\n");
        assertThat(CredentialSources.anyConfigured(Map.of(), home)).isTrue();
    }

    @Test
    void filesNamedByTheEnvironmentAreTheOnesRead() throws IOException {
        Path credentials = Files.writeString(home.resolve("elsewhere"), "[default]\naws_access_key_id = x\n");
        assertThat(CredentialSources.anyConfigured(Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString()),
                home.resolve("empty-home"))).isTrue();
    }
}
