package dev.snapferry.core.jobs;

import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.storage.JsonStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Every copy job, written to {@code jobs.json} in the data folder (schema-versioned JSON, atomic replace) before
 * its copy is sent and after every change. An unreadable file is moved aside and reported, never dropped silently.
 */
public final class JobHistory {

    /** The file's content. */
    public record Content(List<CopyJob> jobs) {
        public Content {
            jobs = jobs == null ? List.of() : List.copyOf(jobs);
        }
    }

    /**
     * Where the history is kept: the JSON file in production; in tests, a disk that is slow or full at will, so that
     * what the service does while a write is out can be shown without timing tricks.
     */
    public interface Store {
        Path file();

        JsonStore.Loaded<Content> load();

        /** Replaces the whole content, atomically: a reader sees the old content or the new, never a mix. */
        void save(Content content) throws IOException;
    }

    public static final int SCHEMA_VERSION = 1;

    private final Store store;

    public JobHistory(Path file, Clock clock) {
        this(jsonFile(new JsonStore<>(file, Content.class, SCHEMA_VERSION, () -> new Content(List.of()), clock)));
    }

    public JobHistory(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public Path file() {
        return store.file();
    }

    public JsonStore.Loaded<Content> load() {
        return store.load();
    }

    public void save(List<CopyJob> jobs) throws IOException {
        store.save(new Content(jobs));
    }

    private static Store jsonFile(JsonStore<Content> json) {
        return new Store() {
            @Override
            public Path file() {
                return json.file();
            }

            @Override
            public JsonStore.Loaded<Content> load() {
                return json.load();
            }

            @Override
            public void save(Content content) throws IOException {
                json.save(content);
            }
        };
    }
}
