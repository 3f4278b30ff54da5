package dev.snapferry.core.storage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One value kept as JSON in one file, with a schema version: {@code {"schemaVersion": 1, "data": {...}}}. Saving is
 * atomic ({@link AtomicFiles}). A file that cannot be read (corrupt, truncated, of another schema) is never silently
 * dropped: it is moved aside as {@code NAME.unreadable-TIMESTAMP} and the caller is told, with the reason, so that
 * the user can be.
 */
public final class JsonStore<T> {

    /** What loading found. */
    public sealed interface Loaded<T> {
        T value();

        record Found<T>(T value) implements Loaded<T> {
        }

        record Missing<T>(T value) implements Loaded<T> {
        }

        /** The file was unreadable and moved to {@code movedTo}; {@code value} holds the defaults. */
        record SetAside<T>(T value, Path movedTo, String reason) implements Loaded<T> {
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Class<T> type;
    private final int schemaVersion;
    private final Supplier<T> defaults;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public JsonStore(Path file, Class<T> type, int schemaVersion, Supplier<T> defaults, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.type = Objects.requireNonNull(type, "type");
        this.schemaVersion = schemaVersion;
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path file() {
        return file;
    }

    /** Reads the value; never throws for a bad file, only moves it aside. */
    public Loaded<T> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded.Missing<>(defaults.get());
        } catch (IOException e) {
            return new Loaded.SetAside<>(defaults.get(), file, "it cannot be read: " + e.getMessage());
        }
        String problem;
        try {
            JsonNode root = json.readTree(bytes);
            if (root == null || !root.isObject()) {
                problem = "it is not a JSON object";
            } else if (root.path("schemaVersion").asInt(-1) != schemaVersion) {
                problem = "it has schema version " + root.path("schemaVersion").asText("none") + ", not "
                        + schemaVersion;
            } else if (!root.has("data")) {
                problem = "it has no data";
            } else {
                T value = json.treeToValue(root.get("data"), type);
                return new Loaded.Found<>(value == null ? defaults.get() : value);
            }
        } catch (IOException | IllegalArgumentException e) {
            String message = e.getMessage();
            problem = "it is not valid: " + (message == null ? e.getClass().getSimpleName()
                    : message.lines().findFirst().orElse(""));
        }
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            return new Loaded.SetAside<>(defaults.get(), file, problem + " (and it could not be moved aside: "
                    + e.getMessage() + ")");
        }
        return new Loaded.SetAside<>(defaults.get(), aside, problem);
    }

    /** Writes the value atomically; on failure the previous file is intact and the exception says why. */
    public void save(T value) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("schemaVersion", schemaVersion);
        root.set("data", json.valueToTree(value));
        AtomicFiles.write(file, json.writeValueAsBytes(root));
    }
}
