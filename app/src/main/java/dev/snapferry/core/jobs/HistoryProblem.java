package dev.snapferry.core.jobs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The job history could not be written: where, the file system's own reason, and whether copies are being held
 * back until it can be (they are when a copy's record must be on disk before it is sent). The file keeps its last
 * good content either way. The UI words it; the core carries only the facts.
 */
public record HistoryProblem(Path file, String reason, boolean copiesHeldBack) {

    public HistoryProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }
}
