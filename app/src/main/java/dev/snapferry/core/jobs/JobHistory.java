package dev.snapferry.core.jobs;

import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.storage.JsonStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

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

    public static final int SCHEMA_VERSION = 1;

    private final JsonStore<Content> store;

    public JobHistory(Path file, Clock clock) {
        this.store = new JsonStore<>(file, Content.class, SCHEMA_VERSION, () -> new Content(List.of()), clock);
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
}
