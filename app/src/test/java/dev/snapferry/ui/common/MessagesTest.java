package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.rules.KmsRequirement;
import dev.snapferry.core.rules.ProblemCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text key the code or the FXML uses exists in the bundle. */
class MessagesTest {

    private static final Path MAIN = Path.of("src", "main");
    private static final Pattern JAVA_KEY = Pattern.compile("\\.get\\(\\s*\"([a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+)\"");

    private final Messages messages = Messages.load(Locale.ROOT);

    @Test
    void everyLiteralKeyUsedInJavaExists() throws IOException {
        List<String> keys = keysIn(".java", JAVA_KEY);
        assertThat(keys).isNotEmpty();
        assertThat(missing(keys)).isEmpty();
    }

    @Test
    void everyProblemAndKmsReasonHasAMessage() {
        List<String> keys = new ArrayList<>();
        for (ProblemCode code : ProblemCode.values()) {
            keys.add(code.messageKey());
        }
        for (KmsRequirement.Reason reason : KmsRequirement.Reason.values()) {
            keys.add(reason.messageKey());
        }
        assertThat(missing(keys)).isEmpty();
    }

    @Test
    void everyEngineAndApiHasADisplayName() {
        List<String> keys = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            keys.add("engine." + engine.name());
        }
        for (ApiFamily api : ApiFamily.values()) {
            keys.add("api." + api.name());
        }
        // The table's status column words every known state the same way for every engine.
        for (dev.snapferry.core.model.SnapshotState state : dev.snapferry.core.model.SnapshotState.values()) {
            if (state != dev.snapferry.core.model.SnapshotState.OTHER) {
                keys.add("browser.status." + state.name());
            }
        }
        assertThat(missing(keys)).isEmpty();
    }

    @Test
    void everyKeyIsDefinedOnceBecauseALaterDuplicateSilentlyWins() throws IOException {
        Path bundle = MAIN.resolve("resources/dev/snapferry/ui/messages.properties");
        List<String> keys = Files.readAllLines(bundle).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')).strip()).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void textsUseTypographicApostrophesSoMessageFormatCannotEatThem() {
        assertThat(messages.bundle().keySet())
                .filteredOn(key -> messages.bundle().getString(key).contains("'"))
                .isEmpty();
    }

    @Test
    void placeholdersAreFilledAndMissingKeysAreVisible() {
        assertThat(messages.get("rules.identifier.tooLong", 63, 70)).isEqualTo(
                "Use at most 63 characters (this one has 70).");
        assertThat(messages.get("no.such.key")).isEqualTo("[no.such.key]");
    }

    private List<String> missing(List<String> keys) {
        return keys.stream().filter(key -> !messages.has(key)).distinct().toList();
    }

    private static List<String> keysIn(String extension, Pattern pattern) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(extension)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }
}
