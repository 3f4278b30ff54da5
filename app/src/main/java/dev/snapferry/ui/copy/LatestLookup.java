package dev.snapferry.ui.copy;

import dev.snapferry.ui.common.TaskHandle;
import dev.snapferry.ui.common.TaskRunner;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One kind of background lookup of the wizard (the names taken in the destination, its KMS keys) of which only
 * the latest counts. Starting one cancels the one before; an answer to any lookup but the latest is dropped; once
 * closed, none starts and no answer is delivered. Answers are dropped as well as cancelled because cancelling comes
 * too late for work that has already answered, and not every {@link TaskRunner} can stop what it started.
 */
final class LatestLookup {

    private final TaskRunner tasks;
    private long generation;
    private @Nullable TaskHandle running;
    private boolean closed;

    LatestLookup(TaskRunner tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** Runs {@code work} through the task runner, in place of any lookup of this kind still running. */
    <T> void start(String name, Callable<T> work, Consumer<? super T> onAnswer,
                   Consumer<? super Throwable> onFailure) {
        if (closed) {
            return;
        }
        forget();
        long mine = generation;
        TaskHandle handle = tasks.run(name, work, answer -> {
            if (counts(mine)) {
                onAnswer.accept(answer);
            }
        }, error -> {
            if (counts(mine)) {
                onFailure.accept(error);
            }
        });
        // A runner that answers at once has already delivered; a lookup started from that answer is the one kept.
        if (mine == generation) {
            running = handle;
        }
    }

    /** No lookup started so far counts any more: the question changed (another destination was chosen). */
    void forget() {
        generation++;
        TaskHandle before = running;
        running = null;
        if (before != null) {
            before.cancel();
        }
    }

    /** Cancels for good: the wizard is gone, and nothing may reach it. */
    void close() {
        closed = true;
        forget();
    }

    private boolean counts(long which) {
        return !closed && which == generation;
    }
}
