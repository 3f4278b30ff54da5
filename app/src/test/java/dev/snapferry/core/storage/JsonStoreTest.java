package dev.snapferry.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonStoreTest {

    record Settings(List<String> regions, String theme) {
        static Settings defaults() {
            return new Settings(List.of("us-east-1"), "SYSTEM");
        }
    }

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);

    private JsonStore<Settings> store(Path file) {
        return new JsonStore<>(file, Settings.class, 1, Settings::defaults, clock);
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        assertThat(store(dir.resolve("prefs.json")).load()).isInstanceOf(JsonStore.Loaded.Missing.class)
                .extracting(JsonStore.Loaded::value).isEqualTo(Settings.defaults());
    }

    @Test
    void whatIsSavedIsLoadedAndOnlyTheUserCanReadIt() throws IOException {
        JsonStore<Settings> store = store(dir.resolve("prefs.json"));
        Settings saved = new Settings(List.of("eu-west-1", "eu-central-1"), "DARK");
        store.save(saved);
        assertThat(store.load()).isInstanceOf(JsonStore.Loaded.Found.class).extracting(JsonStore.Loaded::value)
                .isEqualTo(saved);
        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(store.file())).contains("\"schemaVersion\" : 1");
    }

    @Test
    void corruptTruncatedOrForeignFilesAreSetAsideNotDropped() throws IOException {
        for (String content : List.of("{\"schemaVersion\": 1, \"data\": {\"regions\": [\"eu-w", "not json at all",
                "{\"schemaVersion\": 7, \"data\": {}}", "[1, 2]", "{\"schemaVersion\": 1}")) {
            Path file = Files.writeString(dir.resolve("prefs.json"), content);
            JsonStore.Loaded<Settings> loaded = store(file).load();
            assertThat(loaded).as(content).isInstanceOf(JsonStore.Loaded.SetAside.class);
            JsonStore.Loaded.SetAside<Settings> aside = (JsonStore.Loaded.SetAside<Settings>) loaded;
            assertThat(aside.value()).isEqualTo(Settings.defaults());
            assertThat(aside.movedTo().getFileName().toString()).isEqualTo("prefs.json.unreadable-20261122-101530");
            assertThat(Files.readString(aside.movedTo())).isEqualTo(content);
            assertThat(aside.reason()).isNotBlank();
            Files.delete(aside.movedTo());
        }
    }

    @Test
    void aFailedSaveLeavesThePreviousFileIntactAndNoTemporaryFile() throws IOException {
        // A name as long as the file system allows: the file itself can be written, but not the temporary file
        // beside it that a save writes first (its name is longer), so a save of this very file fails.
        JsonStore<Settings> store = store(dir.resolve("p".repeat(245) + ".json"));
        Settings before = new Settings(List.of("eu-west-1"), "LIGHT");
        Files.writeString(store.file(), "{\"schemaVersion\" : 1, \"data\" : {\"regions\" : [\"eu-west-1\"], "
                + "\"theme\" : \"LIGHT\"}}");
        String content = Files.readString(store.file());
        assertThat(store.load().value()).isEqualTo(before);

        assertThatThrownBy(() -> store.save(new Settings(List.of(), "DARK"))).isInstanceOf(IOException.class);
        assertThat(Files.readString(store.file())).as("the file the failed save was for").isEqualTo(content);
        assertThat(store.load()).isInstanceOf(JsonStore.Loaded.Found.class).extracting(JsonStore.Loaded::value)
                .isEqualTo(before);
        assertNoTemporaryFile();
    }

    @Test
    void aSaveThatFailsAtItsFirstOrLastStepLeavesWhatWasThere() throws IOException {
        JsonStore<Settings> store = store(dir.resolve("prefs.json"));
        store.save(Settings.defaults());
        String before = Files.readString(store.file());

        // The final rename cannot replace a non-empty folder: the write fails at its last step.
        Path blocked = Files.createDirectories(dir.resolve("blocked.json"));
        Files.writeString(blocked.resolve("inside"), "x");
        assertThatThrownBy(() -> store(blocked).save(new Settings(List.of(), "DARK"))).isInstanceOf(IOException.class);
        assertThat(Files.readString(blocked.resolve("inside"))).isEqualTo("x");
        // A parent that is a file (the saved one): the write fails at its first step and leaves that file alone.
        assertThatThrownBy(() -> store(store.file().resolve("child.json")).save(Settings.defaults()))
                .isInstanceOf(IOException.class);

        assertThat(Files.readString(store.file())).isEqualTo(before);
        assertNoTemporaryFile();
    }

    private void assertNoTemporaryFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
